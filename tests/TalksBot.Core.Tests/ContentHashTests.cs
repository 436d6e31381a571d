using System.Text;
using TalksBot.Core.Articles;
using TalksBot.Testing;

namespace TalksBot.Core.Tests;

/// <summary>
/// The normalized-body hash (how a refresh knows two scrapes are one story) is the hash of the body's letters and digits,
/// lower-cased, as UTF-8 — exactly what indexes already store, however the body is fed to the hash.
/// </summary>
public class ContentHashTests
{
    [Fact]
    public void The_body_hash_is_the_hash_of_the_normalized_text_for_every_real_article()
    {
        var files = new[] { SharedData.Articles, SharedData.PathTo("corpora", "talks-2025-2026"), SharedData.PathTo("corpora", "war-2022-2024") }
            .SelectMany(f => Directory.EnumerateFiles(f)).ToList();
        Assert.True(files.Count >= 200, $"only {files.Count} files");
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.Equal(Expected(text), ContentHash.OfNormalizedBody(text));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("— . , !")]
    [InlineData("Київ: Zelensky's café — naïve 2026 ÅNGSTRÖM 𝐀𝐁𝐂 emoji 🙂 end")]
    public void Short_and_unusual_bodies_hash_as_their_normalized_text(string text) =>
        Assert.Equal(Expected(text), ContentHash.OfNormalizedBody(text));

    [Fact]
    public void A_body_of_many_chunks_hashes_as_its_normalized_text_and_differs_from_a_changed_one()
    {
        var body = string.Concat(Enumerable.Range(0, 400).Select(i => $"Пункт {i}: the talks, round {i} — ‘quoted’ Ü. "));
        Assert.Equal(Expected(body), ContentHash.OfNormalizedBody(body));
        Assert.Equal(ContentHash.OfNormalizedBody(body), ContentHash.OfNormalizedBody(body.ToUpperInvariant().Replace(",", " ,")));
        Assert.NotEqual(ContentHash.OfNormalizedBody(body), ContentHash.OfNormalizedBody(body + " one more word"));
    }

    // The definition: the normalized string, built whole, hashed.
    private static string Expected(string body)
    {
        var sb = new StringBuilder();
        foreach (var ch in body) if (char.IsLetterOrDigit(ch)) sb.Append(char.ToLowerInvariant(ch));
        return ContentHash.Of(sb.ToString());
    }
}
