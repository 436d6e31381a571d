namespace TalksBot.Embeddings.Local;

/// <summary>How a model's token vectors become one sentence vector (as the model was trained).</summary>
public enum EmbeddingPooling
{
    /// <summary>Average of the token vectors under the attention mask (sentence-transformers' default).</summary>
    Mean,

    /// <summary>The [CLS] token's vector.</summary>
    Cls,
}
