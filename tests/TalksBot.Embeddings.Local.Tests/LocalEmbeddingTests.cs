using System.Numerics.Tensors;
using Microsoft.Extensions.AI;
using static TalksBot.Embeddings.Local.Tests.SharedEncoders;

namespace TalksBot.Embeddings.Local.Tests;

/// <summary>The real models, as shipped in their packages: meaning, spelling variants, limits, batching, threads.</summary>
public class LocalEmbeddingTests
{
    [Theory]
    [InlineData("minilm")]
    [InlineData("arctic-xs")]
    public void A_paraphrase_is_nearer_than_an_unrelated_sentence(string model)
    {
        var v = For(model).Encode([
            "Most people surveyed said they would not accept giving up land for a truce.",
            "A majority of respondents in the poll rejected ceding territory in exchange for a ceasefire.",
            "The recipe needs two cups of flour and a pinch of salt.",
        ], batchSize: 8);
        // arctic-xs puts any two texts nearer (0.7) than MiniLM does (0.0–0.2): the margin is what both must show.
        Assert.True(Cosine(v[0], v[1]) > Cosine(v[0], v[2]) + 0.15, $"paraphrase {Cosine(v[0], v[1]):0.000}, unrelated {Cosine(v[0], v[2]):0.000}");
    }

    [Theory]
    [InlineData("Zelensky’s “guarantees” don’t satisfy Moscow", "Zelensky's \"guarantees\" don't satisfy Moscow")]
    [InlineData("Talks in Zürich with Škoda and Nestlé executives, says Orbán", "Talks in Zurich with Skoda and Nestle executives, says Orban")]
    public void Typographic_quotes_and_accents_make_no_difference(string fancy, string plain)
    {
        foreach (var encoder in new[] { MiniLM, ArcticXs })
        {
            Assert.DoesNotContain("[UNK]", encoder.WordPieces(fancy));
            Assert.Equal(encoder.WordPieces(plain), encoder.WordPieces(fancy));
            var v = encoder.Encode([fancy, plain], 2);
            Assert.True(Cosine(v[0], v[1]) > 0.999, $"{encoder.Model.Key}: {Cosine(v[0], v[1])}");
        }
    }

    [Fact]
    public void Accented_letters_become_word_pieces_not_unknown_tokens()
    {
        var pieces = MiniLM.WordPieces("Škoda Zürich naïve café");
        Assert.DoesNotContain("[UNK]", pieces);
        Assert.Contains("cafe", pieces);
    }

    [Theory]
    [InlineData("minilm")]
    [InlineData("arctic-xs")]
    public void Vectors_are_unit_length(string model)
    {
        var encoder = For(model);
        foreach (var v in encoder.Encode(["Ceasefire talks resumed in Geneva.", "x", "Kyiv"], 4))
        {
            Assert.Equal(384, v.Length);
            Assert.InRange(TensorPrimitives.Norm(v), 0.999f, 1.001f);
        }
    }

    [Theory]
    [InlineData("minilm")]
    [InlineData("arctic-xs")]
    public void A_3000_word_input_is_cut_at_the_models_length(string model)
    {
        var encoder = For(model);
        var words = Enumerable.Range(0, 3000).Select(i => i % 7 == 0 ? "negotiators" : i % 3 == 0 ? "ceasefire" : "talks").ToArray();
        var full = string.Join(' ', words);
        var half = string.Join(' ', words.Take(1500));
        Assert.True(encoder.WordPieces(full).Count == encoder.Model.MaxTokens);
        var v = encoder.Encode([full, half], 2);
        // Both are cut to the same first word pieces, so they are the same input.
        Assert.True(Cosine(v[0], v[1]) > 0.9999);
        Assert.InRange(TensorPrimitives.Norm(v[0]), 0.999f, 1.001f);
    }

    [Fact]
    public void A_batch_equals_one_by_one()
    {
        string[] texts = [
            "Putin said Russia was ready to meet Zelensky in Moscow.",
            "The prisoner exchange in Abu Dhabi freed 157 soldiers from each side after weeks of talks between the delegations.",
            "Energy truce",
            "European leaders discussed security guarantees, a reassurance force and the reconstruction of Ukraine's power grid, which was badly damaged over the winter.",
        ];
        var batched = MiniLM.Encode(texts, batchSize: 4);
        for (int i = 0; i < texts.Length; i++)
        {
            var single = MiniLM.Encode([texts[i]], 1)[0];
            for (int d = 0; d < single.Length; d++) Assert.Equal(single[d], batched[i][d], 4);
        }
    }

    [Fact]
    public async Task Concurrent_calls_are_safe_and_give_the_same_vectors()
    {
        var texts = Enumerable.Range(0, 6).Select(i => $"Delegations met for round {i} of the talks on a ceasefire and prisoner exchanges.").ToArray();
        var expected = MiniLM.Encode(texts, 8);
        var runs = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => MiniLM.Encode(i % 2 == 0 ? texts : texts.Reverse().ToArray(), 1 + i % 3))));
        for (int r = 0; r < runs.Length; r++)
        {
            var got = r % 2 == 0 ? runs[r] : runs[r].Reverse().ToArray();
            for (int i = 0; i < texts.Length; i++) Assert.True(Cosine(expected[i], got[i]) > 0.9999, $"run {r}, text {i}");
        }
    }

    [Fact]
    public async Task The_model_loads_once_however_many_callers_start_at_once()
    {
        using var encoder = new OnnxSentenceEncoder(LocalEmbeddingModel.MiniLM);
        Assert.False(encoder.IsLoaded);
        var passages = LocalEmbeddingGenerator.ForPassages(encoder);
        var queries = LocalEmbeddingGenerator.ForQueries(encoder);
        await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => (i % 2 == 0 ? passages : queries).GenerateAsync([$"question {i}"]))));
        Assert.Equal(1, encoder.Loads);
        Assert.True(encoder.LoadTime > TimeSpan.Zero);
        Assert.Same(OnnxSentenceEncoder.Shared(LocalEmbeddingModel.MiniLM), OnnxSentenceEncoder.Shared(LocalEmbeddingModel.MiniLM));
    }

    [Fact]
    public void A_disposed_encoder_says_so()
    {
        var encoder = new OnnxSentenceEncoder(LocalEmbeddingModel.MiniLM);
        encoder.Dispose();
        Assert.Throws<ObjectDisposedException>(() => encoder.Encode(["x"], 1));
        Assert.Equal(0, encoder.Loads);
    }

    [Fact]
    public async Task Queries_carry_the_arctic_prefix_and_passages_do_not()
    {
        const string text = "When is the deadline for a peace deal?";
        var arcticPassage = (await LocalEmbeddingGenerator.ForPassages(ArcticXs).GenerateAsync([text]))[0].Vector.ToArray();
        var arcticQuery = (await LocalEmbeddingGenerator.ForQueries(ArcticXs).GenerateAsync([text]))[0].Vector.ToArray();
        var arcticPrefixed = ArcticXs.Encode([LocalEmbeddingModel.ArcticXs.QueryPrefix + text], 1)[0];
        Assert.True(Cosine(arcticQuery, arcticPrefixed) > 0.9999);
        Assert.True(Cosine(arcticQuery, arcticPassage) < 0.99);

        var miniPassage = (await LocalEmbeddingGenerator.ForPassages(MiniLM).GenerateAsync([text]))[0];
        var miniQuery = (await LocalEmbeddingGenerator.ForQueries(MiniLM).GenerateAsync([text]))[0];
        Assert.True(Cosine(miniPassage.Vector.ToArray(), miniQuery.Vector.ToArray()) > 0.9999);
        Assert.Equal("local/all-MiniLM-L6-v2", miniQuery.ModelId);
    }

    [Fact]
    public void The_generator_describes_its_model()
    {
        var generator = LocalEmbeddingGenerator.ForPassages(MiniLM);
        var metadata = generator.GetService<EmbeddingGeneratorMetadata>();
        Assert.Equal("local", metadata!.ProviderName);
        Assert.Equal("local/all-MiniLM-L6-v2", metadata.DefaultModelId);
        Assert.Same(MiniLM, generator.GetService<OnnxSentenceEncoder>());
    }
}
