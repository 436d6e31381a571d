using System.Numerics.Tensors;
using TalksBot.Testing;

namespace TalksBot.Embeddings.Local.Tests;

/// <summary>
/// The model is loaded by path from a file written once from the package's resource (keeping the weights' extra
/// copies out of memory), falls back to the resource when the file is unusable, and runs stay within their size.
/// </summary>
public class ModelFileTests : IDisposable
{
    private readonly TempFolder _temp = new("talksbot-models-");

    private string Folder => _temp.Path;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_model_is_written_once_and_embeds_as_the_resource_does()
    {
        using var encoder = new OnnxSentenceEncoder(LocalEmbeddingModel.MiniLM, modelFolder: Folder);
        var vector = encoder.Encode(["Envoys met in Geneva to discuss a ceasefire."], 1)[0];
        var file = Assert.Single(Directory.GetFiles(Folder));
        Assert.StartsWith("minilm-", Path.GetFileName(file));
        var written = File.GetLastWriteTimeUtc(file);

        using var again = new OnnxSentenceEncoder(LocalEmbeddingModel.MiniLM, modelFolder: Folder);
        var same = again.Encode(["Envoys met in Geneva to discuss a ceasefire."], 1)[0];
        Assert.Equal(written, File.GetLastWriteTimeUtc(Assert.Single(Directory.GetFiles(Folder))));
        Assert.True(TensorPrimitives.CosineSimilarity(vector, same) > 0.99999f);
        Assert.True(TensorPrimitives.CosineSimilarity(vector, SharedEncoders.MiniLM.Encode(["Envoys met in Geneva to discuss a ceasefire."], 1)[0]) > 0.99999f);
    }

    [Fact]
    public void A_damaged_model_file_is_replaced_by_the_resource()
    {
        using (var first = new OnnxSentenceEncoder(LocalEmbeddingModel.MiniLM, modelFolder: Folder)) first.Encode(["x"], 1);
        var file = Assert.Single(Directory.GetFiles(Folder));
        long length = new FileInfo(file).Length;
        File.WriteAllBytes(file, new byte[length]); // the right size, nothing a model is made of

        using var encoder = new OnnxSentenceEncoder(LocalEmbeddingModel.MiniLM, modelFolder: Folder);
        var vector = encoder.Encode(["Envoys met in Geneva."], 1)[0];
        Assert.True(TensorPrimitives.CosineSimilarity(vector, SharedEncoders.MiniLM.Encode(["Envoys met in Geneva."], 1)[0]) > 0.99999f);
        Assert.False(File.Exists(file)); // deleted, to be written again by the next load
    }

    [Fact]
    public void A_folder_that_cannot_be_written_loads_the_resource()
    {
        var blocked = Path.Combine(Folder, "not-a-folder");
        File.WriteAllText(blocked, "a file where the folder should be");
        using var encoder = new OnnxSentenceEncoder(LocalEmbeddingModel.MiniLM, modelFolder: Path.Combine(blocked, "models"));
        Assert.Equal(384, encoder.Encode(["Envoys met in Geneva."], 1)[0].Length);
    }

    [Fact]
    public void Runs_hold_at_most_their_inputs_and_word_pieces()
    {
        int[] lengths = [5, 10, 60, 64, 64, 100, 200, 256, 256, 256];
        var runs = OnnxSentenceEncoder.Runs(lengths, 16).ToList();
        Assert.Equal(lengths.Length, runs.Sum(r => r.Count));
        Assert.Equal(Enumerable.Range(0, runs.Count).Select(i => runs.Take(i).Sum(r => r.Count)), runs.Select(r => r.Start));
        Assert.All(runs, r => Assert.True(r.Count == 1 || r.Count * lengths[r.Start + r.Count - 1] <= OnnxSentenceEncoder.MaxWordPiecesPerRun, $"{r}"));
        Assert.Equal([(0, 6), (6, 4)], runs); // 6 padded to 100 fit, 7 padded to 200 don't; 4 × 256 fit exactly
        Assert.Equal([(0, 2), (2, 1)], OnnxSentenceEncoder.Runs([1, 2, 3], 2).ToList());
        Assert.Equal([(0, 1), (1, 1)], OnnxSentenceEncoder.Runs([2000, 3000], 16).ToList()); // a long input runs alone
    }
}
