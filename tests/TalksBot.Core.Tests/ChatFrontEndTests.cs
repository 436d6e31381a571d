using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalksBot.Core.Answering;
using TalksBot.Core.Articles;
using TalksBot.Core.Chat;
using TalksBot.Core.Conversations;
using TalksBot.Core.Feedback;
using TalksBot.Core.Indexing;
using TalksBot.Core.Moderation;
using TalksBot.Core.Refresh;
using TalksBot.Core.Sources;
using TalksBot.Testing;

namespace TalksBot.Core.Tests;

/// <summary>The chat front end once, for every platform: what Telegram and Discord tests used to show twice.</summary>
public class ChatFrontEndTests
{
    private readonly InMemoryFeedbackStore _feedback = new();
    private readonly Dictionary<string, InMemorySource> _sources = new(StringComparer.Ordinal);
    private Func<ChatQuestion, IAsyncEnumerable<AnswerUpdate>> _answers = _ => Updates(AnswerUpdate.Finished(Answer.NotCovered()));

    [Fact]
    public async Task A_reply_to_an_earlier_answer_carries_that_answers_exchange_to_the_pipeline()
    {
        var front = FrontEnd();
        var asked = new List<ChatQuestion>();
        _answers = q =>
        {
            asked.Add(q);
            var answer = new Answer($"Answer to {q.Text} [1]", AnswerMode.Extractive, true, []) { StandaloneQuestion = q.Text + " (standalone)" };
            return Updates(AnswerUpdate.Finished(answer));
        };
        var first = new RecordingReply { Ids = ["m1", "m2"] };
        await front.HandleAsync(Invocation(ChatCommand.Ask("When was the exchange agreed?")), first, default);
        await front.HandleAsync(Invocation(ChatCommand.Ask("Who leads Ukraine's delegation?")), new RecordingReply { Ids = ["m3"] }, default);

        // A reply to either message of the first answer: its exchange, as the pipeline stated it, not the last one.
        await front.HandleAsync(Invocation(ChatCommand.Ask("and where did it happen?")) with { RepliedToMessageId = "m2" }, new RecordingReply(), default);
        var turn = Assert.IsType<ConversationTurn>(asked[^1].RepliedTo);
        Assert.Equal(("When was the exchange agreed? (standalone)", "Answer to When was the exchange agreed? [1]"), (turn.Question, turn.Answer));

        // Not a reply, a reply to a message the bot doesn't know, or one in another conversation: nothing carried.
        await front.HandleAsync(Invocation(ChatCommand.Ask("and where?")), new RecordingReply(), default);
        Assert.Null(asked[^1].RepliedTo);
        await front.HandleAsync(Invocation(ChatCommand.Ask("and where?")) with { RepliedToMessageId = "m9" }, new RecordingReply(), default);
        Assert.Null(asked[^1].RepliedTo);
        await front.HandleAsync(Invocation(ChatCommand.Ask("and where?")) with { RepliedToMessageId = "m1", ConversationKey = "test:chat:2" }, new RecordingReply(), default);
        Assert.Null(asked[^1].RepliedTo);
    }

    [Fact]
    public async Task A_reply_to_an_answer_sent_before_a_restart_is_read_from_the_store_and_a_failing_store_costs_only_that()
    {
        var asked = new List<ChatQuestion>();
        _answers = q =>
        {
            asked.Add(q);
            return Updates(AnswerUpdate.Finished(new Answer($"Answer to {q.Text} [1]", AnswerMode.Extractive, true, [])));
        };
        var store = new DictionaryStore();
        await FrontEnd(answered: new AnsweredMessages(store: store)).HandleAsync(Invocation(ChatCommand.Ask("When was the exchange agreed?")), new RecordingReply { Ids = ["m1"] }, default);

        // The process restarted: nothing held, the store knows the message.
        var restarted = FrontEnd(answered: new AnsweredMessages(store: store));
        await restarted.HandleAsync(Invocation(ChatCommand.Ask("and where did it happen?")) with { RepliedToMessageId = "m1" }, new RecordingReply(), default);
        Assert.Equal("When was the exchange agreed?", asked[^1].RepliedTo?.Question);

        // A store that fails: the reply is read as any follow-up, the answer still goes out, and the failure is logged.
        var logs = new LogRecorder();
        using var loggers = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.AddProvider(new RecordingLoggerProvider(logs)));
        store.Broken = true;
        var failing = FrontEnd(answered: new AnsweredMessages(store: store, logger: loggers.CreateLogger<AnsweredMessages>()));
        var reply = new RecordingReply { Ids = ["m2"] };
        await failing.HandleAsync(Invocation(ChatCommand.Ask("and where did it happen?")) with { RepliedToMessageId = "m1" }, reply, default);
        Assert.Null(asked[^1].RepliedTo);
        Assert.Single(reply.Answers);
        Assert.Contains(logs, l => l.StartsWith("Warning: The store of answered messages failed to find", StringComparison.Ordinal) && l.Contains("database is locked"));
    }

    private sealed class DictionaryStore : IAnsweredMessageStore
    {
        private readonly Dictionary<(string, string), ConversationTurn> _turns = [];
        public bool Broken { get; set; }

        public Task RememberAsync(string conversationKey, IReadOnlyList<string> messageIds, ConversationTurn turn, CancellationToken cancellationToken)
        {
            if (Broken) throw new InvalidOperationException("database is locked");
            foreach (var id in messageIds) _turns[(conversationKey, id)] = turn;
            return Task.CompletedTask;
        }

        public Task<ConversationTurn?> FindAsync(string conversationKey, string messageId, CancellationToken cancellationToken) =>
            Broken ? throw new InvalidOperationException("database is locked") : Task.FromResult(_turns.GetValueOrDefault((conversationKey, messageId)));
    }

    [Fact]
    public void Answered_messages_are_bounded_and_let_the_oldest_go_first()
    {
        var answered = new AnsweredMessages(capacity: 3);
        var at = DateTimeOffset.UnixEpoch;
        for (int i = 1; i <= 4; i++) answered.Remember("c", [$"m{i}"], new ConversationTurn($"q{i}", $"a{i}", at));
        Assert.Null(answered.Find("c", "m1"));
        Assert.Equal(["q2", "q3", "q4"], new[] { "m2", "m3", "m4" }.Select(m => answered.Find("c", m)!.Question));
        Assert.Null(answered.Find("c", null));
    }

    [Fact]
    public async Task Moderator_commands_are_checked_on_every_invocation_and_refused_before_touching_the_index()
    {
        var front = FrontEnd();
        int asked = 0;
        foreach (var command in new[] { "status", "refresh", "status" })
        {
            var reply = new RecordingReply();
            await front.HandleAsync(Invocation(ChatCommand.Parse(command, "")!, _ => { asked++; return Task.FromResult(false); }), reply, default);
            Assert.Equal([ChatTexts.ModeratorsOnly], reply.Texts);
        }
        var source = new RecordingReply();
        await front.HandleAsync(Invocation(ChatCommand.Parse("source", "add https://x.example/feed")!, _ => { asked++; return Task.FromResult(false); }), source, default);
        Assert.Equal([ChatTexts.ModeratorsOnly], source.Texts);
        Assert.Equal(4, asked);
    }

    [Fact]
    public async Task A_failing_sources_listing_says_the_same_readable_thing_on_every_platform()
    {
        var reply = new RecordingReply();
        await FrontEnd().HandleAsync(Invocation(new ChatCommand(ChatCommandKind.Sources)), reply, default);
        Assert.Equal([ChatTexts.SomethingWentWrong], reply.Texts);
    }

    [Fact]
    public async Task Source_arguments_are_parsed_once_for_every_platform()
    {
        Assert.Equal(new ChatCommand(ChatCommandKind.SourceAdd, "https://a.example/feed"), ChatCommand.Parse("source", " ADD  https://a.example/feed "));
        Assert.Equal(new ChatCommand(ChatCommandKind.SourceRemove, "https://a.example/feed"), ChatCommand.Parse("source", "remove https://a.example/feed"));
        Assert.Equal(ChatCommandKind.SourceUsage, ChatCommand.Parse("source", "add")!.Kind);
        Assert.Null(ChatCommand.Parse("weather", ""));
        var usage = new RecordingReply();
        await FrontEnd().HandleAsync(Invocation(ChatCommand.Parse("source", "list")!, _ => Task.FromResult(true)), usage, default);
        Assert.Equal([ChatModeration.SourceUsage], usage.Texts);
    }

    [Fact]
    public async Task A_streamed_answer_shows_drafts_cut_at_the_draft_length_then_the_final_with_vote_buttons()
    {
        var final = new Answer("Zelensky demands a withdrawal [1].", AnswerMode.Llm, true, []);
        _answers = _ => Updates(new AnswerUpdate("Zelensky", null), new AnswerUpdate("Zelensky", null), new AnswerUpdate("Zelensky demands a full withdrawal of Russian forces", null), AnswerUpdate.Finished(final));
        var reply = new RecordingReply(maxDraft: 30);
        await FrontEnd().HandleAsync(Invocation(ChatCommand.Ask("  What does Zelensky demand?  ")), reply, default);

        Assert.Equal(["Zelensky", "Zelensky demands a full…"], reply.Drafts); // the same draft twice is shown once
        Assert.All(reply.Drafts, d => Assert.True(d.Length <= 30));
        var shown = Assert.Single(reply.Answers);
        Assert.Same(final, shown.Answer);
        Assert.Equal("What does Zelensky demand?", shown.Question);
        var stored = Assert.Single(_feedback.Answers);
        Assert.Equal(["fb:up:" + stored.Id, "fb:down:" + stored.Id], shown.Buttons.Select(b => b.Data));
        Assert.Equal((AnswerMode.Llm, true, "What does Zelensky demand?"), (stored.Mode, stored.Grounded, stored.Question));
        Assert.True(reply.Typing >= 1);
    }

    [Fact]
    public async Task A_refusal_is_the_bots_plain_text_without_buttons_in_place_of_any_draft()
    {
        _answers = _ => Updates(new AnswerUpdate("Half an answer", null), AnswerUpdate.Finished(Answer.Refusal(ChatTexts.SomethingWentWrong)));
        var reply = new RecordingReply();
        await FrontEnd().HandleAsync(Invocation(ChatCommand.Ask("What did Lavrov offer?")), reply, default);
        Assert.Equal(["Half an answer"], reply.Drafts);
        Assert.Equal([ChatTexts.SomethingWentWrong], reply.Texts);
        Assert.Empty(reply.Answers);
        Assert.Empty(_feedback.Answers);
    }

    [Fact]
    public async Task A_refusal_without_text_sends_nothing_to_the_chat()
    {
        _answers = _ => Updates(AnswerUpdate.Finished(Answer.Refusal("")));
        var reply = new RecordingReply();
        await FrontEnd().HandleAsync(Invocation(ChatCommand.Ask("What did Lavrov offer?")), reply, default);
        Assert.Empty(reply.Texts);
        Assert.Empty(reply.Answers);
        Assert.Empty(reply.Drafts);
    }

    [Fact]
    public async Task One_vote_per_user_per_answer_changeable_and_a_vote_on_an_unknown_answer_gets_a_polite_reply()
    {
        var front = FrontEnd();
        var reply = new RecordingReply();
        await front.HandleAsync(Invocation(ChatCommand.Ask("What did Lavrov offer?")), reply, default);
        var buttons = reply.Answers.Single().Buttons;

        async Task<string> PressAsync(string data, string user = "u1")
        {
            var r = new RecordingReply();
            await front.HandleAsync(Invocation(ChatCommand.FromButton(data)!, user: user), r, default);
            return Assert.Single(r.Texts);
        }
        Assert.Equal(ChatTexts.VoteReply(VoteOutcome.Recorded, Vote.Up), await PressAsync(buttons[0].Data));
        Assert.Equal(ChatTexts.VoteReply(VoteOutcome.Changed, Vote.Down), await PressAsync(buttons[1].Data));
        Assert.Equal(ChatTexts.VoteReply(VoteOutcome.Unchanged, Vote.Down), await PressAsync(buttons[1].Data));
        Assert.Equal(ChatTexts.VoteReply(VoteOutcome.Recorded, Vote.Down), await PressAsync(buttons[1].Data, user: "u2"));
        Assert.Contains("no longer have that answer", await PressAsync("fb:up:00000000000000ff"));
        Assert.Null(ChatCommand.FromButton("fb:sideways:abc"));
        Assert.Null(ChatCommand.FromButton("fb:up:../../etc"));
        var summary = await _feedback.SummarizeAsync(5, default);
        Assert.Equal((0, 2), (summary.Up, summary.Down));
    }

    [Fact]
    public async Task Status_shows_the_index_then_the_vote_counts_and_the_latest_down_votes_with_their_questions()
    {
        // Was shown twice, by the Telegram and Discord vote tests (a moderator's /status after the votes).
        var front = FrontEnd(new InMemoryArticleIndex());
        var answered = new RecordingReply();
        await front.HandleAsync(Invocation(ChatCommand.Ask("What are Zelensky's preconditions?")), answered, default);
        var buttons = answered.Answers.Single().Buttons;
        foreach (var (data, user) in new[] { (buttons[0].Data, "u1"), (buttons[1].Data, "u1"), (buttons[1].Data, "u2") })
            await front.HandleAsync(Invocation(ChatCommand.FromButton(data)!, user: user), new RecordingReply(), default);

        var status = new RecordingReply();
        await front.HandleAsync(Invocation(new ChatCommand(ChatCommandKind.Status), Moderator), status, default);
        var text = Assert.Single(status.Texts);
        Assert.StartsWith("Articles: 0, passages: 0", text);
        Assert.Contains("Feedback: 0 👍, 2 👎", text);
        Assert.Equal(2, text.Split('\n').Count(l => l.StartsWith("👎") && l.Contains("“What are Zelensky's preconditions?”")));
    }

    [Fact]
    public async Task A_moderator_refresh_says_it_is_starting_then_reports_what_it_added_and_later_what_was_unchanged()
    {
        // Was shown twice, by the Telegram and Discord moderator refresh tests (progress, then the summary).
        var index = new InMemoryArticleIndex();
        _sources["mem://wire"] = Wire("mem://wire");
        var front = FrontEnd(index, ["mem://wire"]);

        var first = new RecordingReply();
        await front.HandleAsync(Invocation(new ChatCommand(ChatCommandKind.Refresh), Moderator), first, default);
        Assert.Equal(ChatTexts.RefreshStarting, first.Texts[0]);
        Assert.StartsWith("Refresh finished", first.Texts[^1]);
        Assert.Contains("added 1,", first.Texts[^1]);

        var second = new RecordingReply();
        await front.HandleAsync(Invocation(new ChatCommand(ChatCommandKind.Refresh), Moderator), second, default);
        Assert.Contains("added 0, updated 0, removed 0, unchanged 1", second.Texts[^1]);
        Assert.Equal(1, (await index.GetStatusAsync(default)).Articles);
    }

    [Fact]
    public async Task A_refresh_asked_for_while_one_runs_is_told_one_is_running_and_starts_no_second()
    {
        var index = new InMemoryArticleIndex();
        var scanning = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var release = new ManualResetEventSlim();
        var wire = Wire("mem://wire");
        wire.BeforeItem = _ => { scanning.TrySetResult(); release.Wait(TimeSpan.FromSeconds(30)); };
        _sources["mem://wire"] = wire;
        var front = FrontEnd(index, ["mem://wire"]);

        var first = new RecordingReply();
        var running = Task.Run(() => front.HandleAsync(Invocation(new ChatCommand(ChatCommandKind.Refresh), Moderator), first, default));
        await scanning.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var second = new RecordingReply();
        await front.HandleAsync(Invocation(new ChatCommand(ChatCommandKind.Refresh), Moderator), second, default);
        release.Set();
        await running.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal([ChatTexts.RefreshAlreadyRunning], second.Texts);
        Assert.StartsWith("Refresh finished", first.Texts[^1]);
        Assert.Contains("added 1,", first.Texts[^1]);
    }

    [Fact]
    public async Task Moderators_add_list_and_remove_web_sources_from_chat_and_folders_or_refused_addresses_are_explained()
    {
        // Was the Telegram test Moderators_manage_sources_from_chat_and_only_urls_are_accepted (Discord showed the listing again).
        var index = new InMemoryArticleIndex();
        _sources["/srv/talksbot/articles"] = Wire("/srv/talksbot/articles");
        var front = FrontEnd(index, ["/srv/talksbot/articles"]);
        await front.HandleAsync(Invocation(new ChatCommand(ChatCommandKind.Refresh), Moderator), new RecordingReply(), default);

        async Task<string> RunAsync(string arguments, string name = "source", Func<CancellationToken, Task<bool>>? isModerator = null)
        {
            var reply = new RecordingReply();
            await front.HandleAsync(Invocation(ChatCommand.Parse(name, arguments)!, isModerator ?? Moderator), reply, default);
            return Assert.Single(reply.Texts);
        }
        Assert.Equal(ChatModeration.FoldersAreTheOperators, await RunAsync("add /etc"));
        var refused = await RunAsync("add http://10.0.0.7/feed.xml");
        Assert.StartsWith("Can't add that source:", refused);
        Assert.Contains("10.0.0.7 is a private address", refused);
        Assert.Equal("Added https://news.example/feed.xml; the next refresh reads it.", await RunAsync("add https://news.example/feed.xml"));

        var listing = await RunAsync("", name: "sources", isModerator: _ => Task.FromResult(false)); // anyone may list
        Assert.Contains("https://news.example/feed.xml", listing);
        Assert.Contains("local folder “articles” — 1 articles", listing);
        Assert.Contains("BBC (1, newest 2026-01-19)", listing);
        Assert.DoesNotContain("/srv/talksbot", listing);

        Assert.StartsWith("Removed https://news.example/feed.xml", await RunAsync("remove https://news.example/feed.xml"));
        Assert.DoesNotContain("news.example", await RunAsync("", name: "sources"));
        Assert.Equal(ChatTexts.ModeratorsOnly, await RunAsync("add https://x.example/feed", isModerator: _ => Task.FromResult(false)));
        Assert.DoesNotContain((await index.GetSourcesAsync([], default)), s => s.Location == "https://x.example/feed");
    }

    private static readonly Func<CancellationToken, Task<bool>> Moderator = _ => Task.FromResult(true);

    private static InMemorySource Wire(string location) => new InMemorySource(location).Put("digest.md", new ArticleDocument(
        "Zelensky restates his preconditions", "BBC", new DateOnly(2026, 1, 19), "https://www.bbc.example/news/1",
        "President Zelensky restated his preconditions for peace talks on Monday: a full withdrawal of Russian forces from the occupied territories."));

    private static ChatInvocation Invocation(ChatCommand command, Func<CancellationToken, Task<bool>>? isModerator = null, string user = "u1") =>
        new(command, "test:chat:1", "test:user:" + user, isModerator ?? (_ => Task.FromResult(false)));

    private ChatFrontEnd FrontEnd(IArticleIndex? index = null, string[]? configured = null, AnsweredMessages? answered = null)
    {
        var time = TimeProvider.System;
        index ??= new UnreadableIndex();
        var catalog = new SourceCatalog(index, new Sources(_sources), Options.Create(new IndexOptions { Sources = [.. configured ?? []], SamplesPath = "" }));
        var maintenance = new IndexMaintenance(index, new IndexRefresher(index, new PassageSplitter(), time), catalog);
        return new ChatFrontEnd(new ScriptedPipeline(q => _answers(q)), maintenance, catalog, new ChatModeration(maintenance, catalog, time), _feedback, time, answered: answered);
    }

    private static async IAsyncEnumerable<AnswerUpdate> Updates(params AnswerUpdate[] updates)
    {
        foreach (var u in updates)
        {
            await Task.Yield();
            yield return u;
        }
    }

    private sealed class ScriptedPipeline(Func<ChatQuestion, IAsyncEnumerable<AnswerUpdate>> script) : IConversationPipeline
    {
        public async IAsyncEnumerable<AnswerUpdate> AskAsync(ChatQuestion question, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var u in script(question).WithCancellation(cancellationToken)) yield return u;
        }
    }

    /// <summary>What a platform was asked to show, in order; pacing lets every draft through.</summary>
    private sealed class RecordingReply(int maxDraft = 4096) : IChatReply
    {
        public List<string> Drafts { get; } = [];
        public List<string> Texts { get; } = [];
        public List<ChatAnswer> Answers { get; } = [];
        public int Typing;
        public ChatPacing Pacing { get; } = new(TimeSpan.Zero, TimeSpan.FromHours(1), maxDraft);
        public Task ShowDraftAsync(string text, CancellationToken cancellationToken) { Drafts.Add(text); return Task.CompletedTask; }
        public Task ShowAnswerAsync(ChatAnswer answer, CancellationToken cancellationToken) { Answers.Add(answer); return Task.CompletedTask; }
        public Task ShowTextAsync(string text, CancellationToken cancellationToken) { Texts.Add(text); return Task.CompletedTask; }
        public Task SendTypingAsync(CancellationToken cancellationToken) { Interlocked.Increment(ref Typing); return Task.CompletedTask; }
        public IReadOnlyList<string> Ids { get; init; } = [];
        public IReadOnlyList<string> ShownMessageIds => Answers.Count > 0 ? Ids : [];
    }

    /// <summary>The test's sources by location; a private address is refused the way the web source factory refuses it.</summary>
    private sealed class Sources(Dictionary<string, InMemorySource> sources) : IArticleSourceFactory
    {
        public IArticleSource Create(string location, string? kind = null) =>
            sources.TryGetValue(location, out var source) ? source
            : Uri.TryCreate(location, UriKind.Absolute, out var url) && url.Host.StartsWith("10.", StringComparison.Ordinal)
                ? throw new ArgumentException($"{url.Host} is a private address; set Sources:AllowPrivateNetworks to read it.")
                : new InMemorySource(location);
    }

    /// <summary>An index whose disk is gone: every read fails, as a broken database would.</summary>
    private sealed class UnreadableIndex : IArticleIndex
    {
        private static Exception Gone() => new IndexUnavailableException("disk on fire");
        public Task<IReadOnlyList<PassageHit>> SearchAsync(IReadOnlyList<string> terms, int limit, bool requireAll, CancellationToken cancellationToken) => throw Gone();
        public Task<TermStatistics> GetTermStatisticsAsync(IReadOnlyList<string> terms, CancellationToken cancellationToken) => throw Gone();
        public Task<IReadOnlyList<PassageHit>> SearchByVectorAsync(ReadOnlyMemory<float> vector, string model, int limit, CancellationToken cancellationToken) => throw Gone();
        public Task<IReadOnlyDictionary<string, long>> GetVocabularyAsync(CancellationToken cancellationToken) => throw Gone();
        public Task<IReadOnlyList<PassageHit>> GetAdjacentPassagesAsync(IReadOnlyList<long> passageIds, CancellationToken cancellationToken) => throw Gone();
        public Task<IndexStatus> GetStatusAsync(CancellationToken cancellationToken) => throw Gone();
        public Task<IIndexRefreshSession> BeginRefreshAsync(CancellationToken cancellationToken) => throw Gone();
        public Task<IReadOnlyList<SourceRecord>> GetSourcesAsync(IReadOnlyList<string> configured, CancellationToken cancellationToken) => throw Gone();
        public Task<bool> AddSourceAsync(string location, string? kind, CancellationToken cancellationToken) => throw Gone();
        public Task<bool> RemoveSourceAsync(string location, CancellationToken cancellationToken) => throw Gone();
    }
}
