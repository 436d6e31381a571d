using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using TalksBot.Core.Answering;
using TalksBot.Core.Articles;
using TalksBot.Core.Chat;
using TalksBot.Core.Conversations;
using TalksBot.Core.Indexing;
using TalksBot.Core.Moderation;
using TalksBot.Core.Refresh;
using TalksBot.Core.Retrieval;
using TalksBot.Index.Sqlite;
using TalksBot.Sources;
using TalksBot.Sources.Web;
using TalksBot.Testing;
using TalksBot.Testing.Hostile;

namespace TalksBot.Tests;

/// <summary>
/// Issue 14 items 6 and 10: a source URL's credentials are never shown (chat, `index status`, `source list`, refresh
/// output, the log) though the stored URL keeps them for fetching; and chat manages only the URL sources it can add,
/// never a folder the operator added on the command line. The operator's side is the real binary; chat is the one
/// front end every platform uses, over the same index file.
/// </summary>
public sealed class SourceSafetyTests : IAsyncLifetime
{
    private const string User = HostileUrls.User;
    private const string Password = HostileUrls.Password;
    private const string ApiKey = HostileUrls.ApiKey;
    private const string Page = """
        <html><head><title>Abu Dhabi round ends | Wire</title><meta property="og:site_name" content="Wire"></head>
        <body><article><h1>Abu Dhabi round ends</h1>
        <p>Ukraine and Russia ended their second round of talks in Abu Dhabi with an agreement to swap prisoners of war, the mediators said.</p>
        <p>The delegations will meet again, but there was no agreement on territory or on a ceasefire, according to officials from both sides.</p>
        </article></body></html>
        """;

    private readonly Cli _cli = new();
    private LoopbackServer _site = null!;
    private bool _feedFails;

    public async Task InitializeAsync()
    {
        _site = await LoopbackServer.StartAsync(app =>
        {
            // The feed answers only with its key: a refresh that reads it proves the stored URL kept the real one.
            app.MapGet("/feed.xml", (HttpContext ctx) =>
                _feedFails ? Results.StatusCode(500)
                : ctx.Request.Query["apikey"] != ApiKey ? Results.StatusCode(403)
                : Results.Text($"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><item><title>Abu Dhabi round ends</title><link>{_site.BaseAddress}abu-dhabi</link></item></channel></rss>", "application/rss+xml"));
            app.MapGet("/abu-dhabi", () => Results.Content(Page, "text/html"));
        });
        _cli.WithSources();
        _cli.Environment["Sources__AllowPrivateNetworks"] = "true";
        _cli.Environment["Logging__LogLevel__Default"] = "Information";
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        _cli.Dispose();
    }

    private string FeedWithSecrets => HostileUrls.WithCredentials(_site.BaseAddress, "feed.xml");

    private string FeedMasked => HostileUrls.Masked(_site.BaseAddress, "feed.xml");

    private static void AssertNoSecret(string shown)
    {
        Assert.DoesNotContain(Password, shown);
        Assert.DoesNotContain(ApiKey, shown);
        Assert.DoesNotContain(User + ":", shown);
    }

    [Fact]
    public async Task Credentials_in_a_source_url_are_masked_everywhere_it_is_shown_but_kept_for_fetching()
    {
        var add = await _cli.RunAsync("source", "add", FeedWithSecrets);
        Assert.True(add.ExitCode == 0, add.Err);
        Assert.Contains($"Added {FeedMasked}", add.Out);

        var refresh = await _cli.RunAsync("index", "refresh");
        Assert.True(refresh.ExitCode == 0, refresh.Err);
        Assert.Contains("added 1", refresh.Out);
        AssertNoSecret(refresh.Out + refresh.Err);

        _feedFails = true; // the error reason names the URL it failed on
        var failed = await _cli.RunAsync("index", "refresh");
        Assert.Contains("errors 1", failed.Out);
        Assert.Contains("could not be read", failed.Err); // the warning is logged, masked
        AssertNoSecret(failed.Out + failed.Err);

        var json = await _cli.RunAsync("index", "status", "--json");
        var source = Assert.Single(JsonDocument.Parse(json.Out).RootElement.GetProperty("sources").EnumerateArray());
        Assert.Equal(FeedMasked, source.GetProperty("location").GetString());
        Assert.Contains("HTTP 500", source.GetProperty("last_error").GetProperty("reason").GetString());
        AssertNoSecret(json.Out + json.Err);
        var text = await _cli.RunAsync("index", "status");
        Assert.Contains(FeedMasked, text.Out);
        AssertNoSecret(text.Out + text.Err);
        AssertNoSecret((await _cli.RunAsync("source", "list")).Out);

        var chat = await ChatAsync("sources", "", moderator: false);
        Assert.Contains(FeedMasked, chat);
        Assert.Contains("HTTP 500", chat);
        AssertNoSecret(chat);
        AssertNoSecret(await ChatAsync("status", "", moderator: true));

        // The moderator removes it by the URL they know; the reply doesn't repeat the secrets to the group.
        var removed = await ChatAsync("source", "remove " + FeedWithSecrets, moderator: true);
        Assert.Equal($"Removed {FeedMasked} and its articles.", removed);
    }

    [Fact]
    public async Task A_chat_moderator_cannot_remove_a_folder_the_operator_added_on_the_command_line()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_cli.Folder, "news")).FullName;
        File.WriteAllText(Path.Combine(folder, "talks.md"), HostileFiles.Article("Abu Dhabi round ends", "Ukraine and Russia agreed to swap prisoners in Abu Dhabi"));
        Assert.Equal(0, (await _cli.RunAsync("source", "add", folder)).ExitCode);
        Assert.Equal(0, (await _cli.RunAsync("index", "refresh")).ExitCode);

        Assert.Equal(ChatModeration.FoldersAreTheOperators, await ChatAsync("source", "remove " + folder, moderator: true));
        Assert.Equal(ChatModeration.FoldersAreTheOperators, await ChatAsync("source", "remove news", moderator: true));
        Assert.Equal(ChatModeration.FoldersAreTheOperators, await ChatAsync("source", "remove file://" + folder, moderator: true));

        var status = JsonDocument.Parse((await _cli.RunAsync("index", "status", "--json")).Out).RootElement;
        Assert.Equal(1, status.GetProperty("articles").GetInt32());
        Assert.Equal(folder, Assert.Single(status.GetProperty("sources").EnumerateArray()).GetProperty("location").GetString());
    }

    /// <summary>One chat command through the front end every platform shares, over the index the command line built.</summary>
    private async Task<string> ChatAsync(string command, string argument, bool moderator)
    {
        var time = TimeProvider.System;
        var index = new SqliteArticleIndex(_cli.DatabasePath);
        using var fetcher = new PageFetcher(Options.Create(new SourcesOptions { AllowPrivateNetworks = true }), null, time);
        var catalog = new SourceCatalog(index, new ArticleSourceFactory(fetcher), Options.Create(new IndexOptions { SamplesPath = "" }));
        var maintenance = new IndexMaintenance(index, new IndexRefresher(index, new PassageSplitter(), time), catalog);
        var front = new ChatFrontEnd(new NoAnswers(), maintenance, catalog, new ChatModeration(maintenance, catalog, time), new InMemoryFeedbackStore(), time);
        var reply = new TextReply();
        await front.HandleAsync(new ChatInvocation(ChatCommand.Parse(command, argument)!, "test:chat", "test:user", _ => Task.FromResult(moderator)), reply, default);
        return Assert.Single(reply.Texts);
    }

    private sealed class NoAnswers : IConversationPipeline
    {
        public IAsyncEnumerable<AnswerUpdate> AskAsync(ChatQuestion question, CancellationToken cancellationToken) => throw new InvalidOperationException("no questions here");
    }

    private sealed class TextReply : IChatReply
    {
        public List<string> Texts { get; } = [];
        public ChatPacing Pacing { get; } = new(TimeSpan.Zero, TimeSpan.FromHours(1), 4096);
        public Task ShowDraftAsync(string text, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task ShowAnswerAsync(ChatAnswer answer, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task ShowTextAsync(string text, CancellationToken cancellationToken) { Texts.Add(text); return Task.CompletedTask; }
        public Task SendTypingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
