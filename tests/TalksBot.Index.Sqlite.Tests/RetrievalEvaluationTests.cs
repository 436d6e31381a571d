using TalksBot.Core.Answering;
using TalksBot.Core.Articles;
using TalksBot.Core.Refresh;
using TalksBot.Core.Retrieval;
using TalksBot.Embeddings.Local;
using TalksBot.Sources.Folders;
using TalksBot.Testing;
using Xunit.Abstractions;

namespace TalksBot.Index.Sqlite.Tests;

/// <summary>
/// Questions about the seed articles, asked over an index that also holds 209 real war and peace-talks articles
/// (distractors): the passage that answers must come first, and every quote must be in the passage it cites.
/// </summary>
public sealed class RetrievalEvaluationTests(RealCorpusIndex corpus, ITestOutputHelper output) : IClassFixture<RealCorpusIndex>
{
    public static TheoryData<string, string, string> Questions => new()
    {
        // question, file(s) the answer is in (prefixes, | between), words the first passage must contain
        { "What are Zelensky's preconditions?", "000_", "withdraw" },
        { "What preconditions has Zelenskyy set for peace talks?", "000_", "Crimea" },
        { "What did Putin say at the press conference in Kazakhstan?", "000_", "Kazakhstan" },
        { "Where did Lavrov say negotiations should resume from?", "003_", "left off" },
        { "What realities does Putin want Ukraine to accept?", "003_", "realities" },
        // Al Jazeera and NPR both report it.
        { "What deadline did the US give Ukraine and Russia?", "ua_crawl_79c575e8c720|ua_crawl_bec7a3524d0a", "June" },
        // France 24 and Reuters both report it.
        { "How many Ukrainian soldiers have been killed according to Zelensky?", "ua_crawl_3506e0be73e7|ua_crawl_eb2356755baa", "55,000" },
        { "Who accused Moscow of violating the energy truce before the Abu Dhabi talks?", "ua_crawl_9994ce7d3440", "energy truce" },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task The_passage_that_answers_is_quoted_first_among_distractors(string question, string file, string mustContain)
    {
        var result = await corpus.HybridRetriever.RetrieveAsync(question, default);
        Assert.True(result.Covered, $"not covered: {question} ({result.Grounding?.Reason})");
        var answer = new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result);
        var first = answer.Citations[0];
        output.WriteLine($"{question}\n  [1]: {Path.GetFileName(first.Document)}\n  {answer.Text[..Math.Min(300, answer.Text.Length)]}");
        Assert.Contains(file.Split('|'), prefix => Path.GetFileName(first.Document).StartsWith(prefix, StringComparison.Ordinal));
        // The fact may sit in the passage after the one that names the topic: the window brings it along.
        var window = result.Passages.Where(p => p.Article.Origin == first.Document).Select(p => p.Text);
        Assert.Contains(window, text => text.Contains(mustContain, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task With_the_local_model_the_passage_that_answers_is_among_the_first_three()
    {
        // A pass rate, not every question: with today's fusion weights "What realities does Putin want Ukraine to
        // accept?" loses its passage to a vector-similar distractor (the scoring rework is to fix that).
        var missed = new List<string>();
        int asked = 0;
        foreach (var row in Questions)
        {
            var (question, file, mustContain) = ((string)row[0], (string)row[1], (string)row[2]);
            asked++;
            var result = await corpus.HybridRetriever.RetrieveAsync(question, default);
            bool found = result.Covered && result.Passages.Take(3).Any(p =>
                file.Split('|').Any(prefix => Path.GetFileName(p.Article.Origin).StartsWith(prefix, StringComparison.Ordinal))
                && p.Text.Contains(mustContain, StringComparison.OrdinalIgnoreCase));
            if (!found) missed.Add(question);
            Assert.Contains(result.Passages, p => p.VectorScore is not null);
        }
        output.WriteLine($"hybrid: {asked - missed.Count}/{asked} in the first three; missed: {string.Join(" | ", missed)}");
        Assert.True(missed.Count <= 1, $"missed {missed.Count}/{asked}: {string.Join(" | ", missed)}");
    }

    [Theory]
    [MemberData(nameof(Questions))]
    public async Task Every_citation_of_an_extractive_answer_contains_the_sentence_it_follows(string question, string file, string mustContain)
    {
        _ = (file, mustContain);
        var retrieval = await corpus.Retriever.RetrieveAsync(question, default);
        var answer = new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(retrieval);
        Assert.True(answer.Grounded);
        Assert.Equal(Enumerable.Range(1, answer.Citations.Count), answer.Citations.Select(c => c.Number));
        var quotes = QuotedSentences.Of(answer);
        Assert.NotEmpty(quotes);
        foreach (var (quote, markers, _) in quotes)
        {
            // The first marker is the passage quoted; any after it report the same sentence in another outlet.
            var first = int.Parse(System.Text.RegularExpressions.Regex.Match(markers, @"\d+").Value);
            Assert.Contains(quote, answer.Citations[first - 1].Quote);
        }
    }

    [Theory]
    [InlineData("What is the boiling point of tungsten?")]
    [InlineData("Who won the 1998 football World Cup final in Paris?")]
    [InlineData("Explain the recipe for Mongolian buuz dumplings")]
    public async Task Off_topic_questions_are_not_covered(string question)
    {
        var result = await corpus.Retriever.RetrieveAsync(question, default);
        Assert.False(result.Covered);
        Assert.Equal(Answer.NotCoveredText, new ExtractiveAnswerWriter(TextAnalyzer.Default).Write(result).Text);
    }

    [Fact]
    public async Task Questions_about_the_latest_news_favour_newer_articles()
    {
        var plain = await corpus.Retriever.RetrieveAsync("peace talks Ukraine Russia", default);
        var latest = await corpus.Retriever.RetrieveAsync("latest peace talks Ukraine Russia", default);
        static double MeanDay(RetrievalResult r) => r.Passages.Where(p => p.Article.Published is not null).Average(p => p.Article.Published!.Value.DayNumber);
        Assert.True(MeanDay(latest) >= MeanDay(plain), "asking for the latest did not move results toward newer articles");
        Assert.True(latest.Passages[0].Article.Published >= new DateOnly(2026, 1, 1));
    }

    [Fact]
    public async Task Top_passages_come_from_different_articles()
    {
        var result = await corpus.Retriever.RetrieveAsync("Abu Dhabi talks prisoner swap", default);
        Assert.True(result.Passages.Select(p => p.Article.Id).Distinct().Count() >= 3);
    }
}

/// <summary>One index over the seed articles and the real corpora, built once for the evaluation.</summary>
public sealed class RealCorpusIndex : IAsyncLifetime
{
    private readonly TempIndex _db = new();

    public PassageRetriever Retriever { get; private set; } = null!;

    /// <summary>The default composition: bm25 fused with the local model's vectors.</summary>
    public PassageRetriever HybridRetriever { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var sources = new[] { SharedData.Articles, SharedData.PathTo("corpora", "talks-2025-2026"), SharedData.PathTo("corpora", "war-2022-2024") }
            .Select(f => new FolderSource(f)).ToList();
        // The default composition: hybrid retrieval with the local model, embedded once per test run (shared cache).
        var model = LocalEmbeddingModel.MiniLM;
        var encoder = OnnxSentenceEncoder.Shared(model);
        var passages = new PassageEmbedder(new CachingEmbeddingGenerator(LocalEmbeddingGenerator.ForPassages(encoder), model.Id), model.Id);
        var queries = new QueryEmbedder(new CachingEmbeddingGenerator(LocalEmbeddingGenerator.ForQueries(encoder), model.Id, "queries"), model.Id);
        var refresher = new IndexRefresher(_db.Index, new PassageSplitter(), TimeProvider.System, passages);
        var report = await refresher.RefreshAsync(sources, null, default);
        Assert.True(report.Added >= 200, $"only {report.Added} articles indexed");
        Assert.True(report.Errors.Count == 0, string.Join("; ", report.Errors.Select(e => e.Reason)));
        // Retriever is keyword-only (Embeddings:Provider=none); HybridRetriever is the default composition.
        Retriever = new PassageRetriever(_db.Index, TextAnalyzer.Default, new RetrievalOptions());
        HybridRetriever = new PassageRetriever(_db.Index, TextAnalyzer.Default, new RetrievalOptions(), queries);
    }

    public Task DisposeAsync()
    {
        _db.Dispose();
        return Task.CompletedTask;
    }
}
