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

namespace TalksBot.Discord.Tests;

/// <summary>The real hosted Discord bot (Kestrel, SQLite index of the seed articles) pointed at the fake Discord; with no Llm:Endpoint setting it answers extractively.</summary>
public sealed class DiscordHarness : IAsyncDisposable
{
    private readonly TempFolder _folder;

    private DiscordHarness(FakeDiscord discord, TempFolder folder) { Discord = discord; _folder = folder; }

    public FakeDiscord Discord { get; }
    public string Folder => _folder.Path;
    public WebApplication App { get; private set; } = null!;
    public Dictionary<string, string?> Settings { get; } = new();
    public LogRecorder Logs { get; } = new();

    /// <summary>Last registrations before the host is built (a fake clock, a request meter).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; set; }
    public Uri HostAddress => new(App.Urls.First());

    /// <param name="discord">A fake Discord shared with another harness (several instances of one bot); disposed by whoever created it.</param>
    public static async Task<DiscordHarness> StartAsync(Action<DiscordHarness>? arrange = null, FakeDiscord? discord = null)
    {
        var h = new DiscordHarness(discord ?? await FakeDiscord.StartAsync(), new TempFolder("talksbot-dc-", SqliteConnection.ClearAllPools));
        var articles = Directory.CreateDirectory(Path.Combine(h.Folder, "articles")).FullName;
        foreach (var f in Directory.GetFiles(SharedData.Articles)) File.Copy(f, Path.Combine(articles, Path.GetFileName(f)));
        File.WriteAllText(Path.Combine(articles, "planted.md"), "---\ntitle: \"Truce **talks** @here\"\nsource: \"Wire\"\nurl: \"https://wire.example/truce\"\npublished: 2026-03-01\n---\n\nThe energy truce was extended by thirty days, negotiators told @everyone in Riyadh on Sunday, <@&123> included.");
        foreach (var (k, v) in new Dictionary<string, string?>
        {
            ["Discord:BotToken"] = "discord-test-token",
            ["Discord:ApiBaseUrl"] = h.Discord.ApiBase,
            ["Discord:AnswerMentions"] = "true",
            ["Discord:ReconnectBaseMilliseconds"] = "20",
            ["Discord:EditIntervalMilliseconds"] = "100",
            ["Discord:TypingIntervalMilliseconds"] = "500",
            ["Discord:RetryBaseMilliseconds"] = "10",
            // Keyword search: embedding the articles with the local model in every test would take minutes.
            ["Embeddings:Provider"] = "none",
        }) h.Settings[k] = v;
        arrange?.Invoke(h);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(h.Settings);
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(new RecordingLoggerProvider(h.Logs));
        builder.Services.Configure<IndexOptions>(o =>
        {
            o.DatabasePath = Path.Combine(h.Folder, "talksbot.db");
            o.Sources = [articles];
            o.RefreshInterval = TimeSpan.Zero;
        });
        builder.Services.Configure<ChatOptions>(o => o.QuestionsPerMinute = 100);
        builder.AddTalksBot();
        h.ConfigureServices?.Invoke(builder.Services);
        h.App = builder.Build();
        h.App.MapDiscordInteractions();
        // A second instance on a shared database finds the index already there.
        var maintenance = h.App.Services.GetRequiredService<IndexMaintenance>();
        if ((await maintenance.StatusAsync(default)).Articles == 0) await maintenance.RefreshAsync(null, default);
        await h.App.StartAsync();
        return h;
    }

    /// <summary>Returns once the interaction and message work in hand has been done.</summary>
    public Task DrainAsync() => App.Services.GetRequiredService<DiscordBot>().DrainAsync(CancellationToken.None);

    /// <summary>Stops the host and deletes its folder, leaving the fake Discord running (it is shared).</summary>
    public async Task StopAsync()
    {
        try { await App.StopAsync(); } catch (Exception) { }
        await App.DisposeAsync();
        _folder.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        try { await App.StopAsync(); } catch (Exception) { }
        await App.DisposeAsync();
        await Discord.DisposeAsync();
        _folder.Dispose();
    }
}
