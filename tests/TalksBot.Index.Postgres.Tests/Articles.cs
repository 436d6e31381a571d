using TalksBot.Core.Articles;

namespace TalksBot.Index.Postgres.Tests;

/// <summary>Small made-up articles for index behaviour tests (ranking is compared with SQLite on the real corpus).</summary>
internal static class Articles
{
    public static ArticleDocument Make(string title, string body, string? url = null, DateOnly? published = null, string outlet = "Test Wire") =>
        new(title, outlet, published ?? new DateOnly(2026, 1, 20), url, body);

    public static string Body(string topic, int sentences = 12) =>
        string.Join(' ', Enumerable.Range(1, sentences).Select(i => $"Sentence {i} of this report discusses {topic} in some detail for the readers of the test."));
}
