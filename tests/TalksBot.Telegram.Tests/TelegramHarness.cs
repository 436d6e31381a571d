using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TalksBot.Core;
using TalksBot.Core.Conversations;
using TalksBot.Core.Indexing;
using TalksBot.Core.Moderation;
using TalksBot.Composition;
using TalksBot.Testing;

namespace TalksBot.Telegram.Tests;

/// <summary>The real hosted bot (generic host on Kestrel, SQLite index of the seed articles) pointed at the fake Bot API.</summary>
public sealed class TelegramHarness : IAsyncDisposable
{
    public const long Moderator = 42;

    private readonly TempFolder _folder;

    private TelegramHarness(FakeBotApi api, TempFolder folder) { Api = api; _folder = folder; }

    public FakeBotApi Api { get; }
    public string Folder => _folder.Path;
    public WebApplication App { get; private set; } = null!;
    public Dictionary<string, string?> Settings { get; } = new();
    public LogRecorder Logs { get; } = new();

    /// <summary>The lowest level recorded, for every category (Information unless a test wants all of it).</summary>
    public LogLevel LogLevel { get; set; } = LogLevel.Information;

    /// <summary>Last registrations before the host is built (a fake clock, a request meter).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }

    public Uri HostAddress => new(App.Urls.First());

    /// <param name="folder">A folder made ready before the start, or the folder of an earlier harness on the same state (a restart); deleted by whichever harness is disposed.</param>
    public static async Task<TelegramHarness> StartAsync(Action<TelegramHarness>? arrange = null, FakeBotApi? api = null, TempFolder? folder = null)
    {
        var h = new TelegramHarness(api ?? await FakeBotApi.StartAsync(), folder ?? new TempFolder("talksbot-tg-"));
        var articles = Path.Combine(h.Folder, "articles");
        if (!Directory.Exists(articles))
        {
            Directory.CreateDirectory(articles);
            foreach (var f in Directory.GetFiles(SharedData.Articles)) File.Copy(f, Path.Combine(articles, Path.GetFileName(f)));
            File.WriteAllText(Path.Combine(articles, "planted.md"), "---\ntitle: \"Truce <b>talks</b> & more\"\nsource: \"Wire <i>\"\nurl: \"https://wire.example/truce?a=1&b=\\\"2\\\"\"\npublished: 2026-03-01\n---\n\nThe energy truce between Kyiv and Moscow was extended by thirty days, negotiators said in Riyadh on Sunday.");
        }
        foreach (var (k, v) in new Dictionary<string, string?>
        {
            ["Telegram:BotToken"] = FakeBotApi.Token,
            ["Telegram:ApiBaseUrl"] = h.Api.BaseAddress.ToString().TrimEnd('/'),
            ["Telegram:PollTimeoutSeconds"] = "1",
            ["Telegram:PerChatIntervalMilliseconds"] = "0",
            ["Telegram:EditIntervalMilliseconds"] = "100",
            ["Telegram:TypingIntervalMilliseconds"] = "500",
            ["Telegram:RetryBaseMilliseconds"] = "10",
            ["Telegram:ModeratorUserIds:0"] = Moderator.ToString(),
            // Keyword search: embedding the articles with the local model in every test would take minutes.
            ["Embeddings:Provider"] = "none",
        }) h.Settings[k] = v;
        arrange?.Invoke(h);
        await h.StartHostAsync();
        return h;
    }

    private async Task StartHostAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(Settings);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel);
        builder.Logging.AddProvider(new RecordingLoggerProvider(Logs, LogLevel));
        builder.Services.Configure<IndexOptions>(o =>
        {
            o.DatabasePath = Path.Combine(Folder, "talksbot.db");
            o.Sources = [Path.Combine(Folder, "articles")];
            o.RefreshInterval = TimeSpan.Zero;
        });
        builder.Services.Configure<ChatOptions>(o => o.QuestionsPerMinute = 100);
        builder.AddTalksBot();
        ConfigureServices?.Invoke(builder.Services);
        App = builder.Build();
        App.MapTelegramWebhook();
        var maintenance = App.Services.GetRequiredService<IndexMaintenance>();
        if ((await maintenance.StatusAsync(default)).Articles == 0) await maintenance.RefreshAsync(null, default);
        await App.StartAsync();
    }

    /// <summary>Returns once every update queued so far has been answered (or skipped as already answered).</summary>
    public Task DrainAsync() => App.Services.GetRequiredService<UpdateDispatcher>().DrainAsync();

    /// <summary>
    /// Long polling: returns once everything Telegram offered so far was received and answered. Two more polls mean
    /// the batches before them were stored and queued (a poll starts only after the last batch is); draining runs them.
    /// </summary>
    public async Task SettleAsync()
    {
        int polls = Api.Calls.Count(c => c.Method == "getUpdates");
        await Api.WaitForAsync(a => a.Calls.Count(c => c.Method == "getUpdates") >= polls + 2);
        await DrainAsync();
    }

    public async Task StopHostAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }

    /// <summary>Stops the host and deletes its folder, leaving the fake Bot API running (it is shared).</summary>
    public async Task StopAsync()
    {
        await StopHostAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        try { await StopHostAsync(); } catch (ObjectDisposedException) { }
        await Api.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }
}
