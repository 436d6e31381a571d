namespace TalksBot.Embeddings.Local.Tests;

/// <summary>The process-wide encoders, loaded once for all the tests of this project.</summary>
internal static class SharedEncoders
{
    public static OnnxSentenceEncoder MiniLM => OnnxSentenceEncoder.Shared(LocalEmbeddingModel.MiniLM);

    public static OnnxSentenceEncoder ArcticXs => OnnxSentenceEncoder.Shared(LocalEmbeddingModel.ArcticXs);

    public static OnnxSentenceEncoder For(string key) => OnnxSentenceEncoder.Shared(LocalEmbeddingModel.Find(key)!);

    public static float Cosine(float[] a, float[] b) => System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(a, b);
}
