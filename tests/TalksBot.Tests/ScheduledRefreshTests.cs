using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TalksBot.Core;
using TalksBot.Core.Indexing;
using TalksBot.Core.Moderation;
using TalksBot.Index.Sqlite;
using TalksBot.Scheduling;
using TalksBot.Sources;
using TalksBot.Testing;

namespace TalksBot.Tests;

public sealed class ScheduledRefreshTests : IDisposable
{
    private readonly TempFolder _dir = new("talksbot-schedule-", SqliteConnection.ClearAllPools);

    public void Dispose() => _dir.Dispose();

    private ServiceProvider Services(TimeSpan interval)
    {
        return ComposedServices.Build([], services => services.Configure<IndexOptions>(o =>
        {
            o.DatabasePath = Path.Combine(_dir.Path, "talksbot.db");
            o.Sources = [SharedData.Articles];
            o.RefreshInterval = interval;
        }));
    }

    private static ScheduledRefreshService Schedule(IServiceProvider sp) => new(
        sp.GetRequiredService<IndexMaintenance>(), sp.GetRequiredService<IOptions<IndexOptions>>(), TimeProvider.System, NullLogger<ScheduledRefreshService>.Instance);

    [Fact]
    public async Task The_schedule_refreshes_the_configured_sources_on_its_own()
    {
        await using var sp = Services(TimeSpan.FromMinutes(30));
        var schedule = Schedule(sp);
        await schedule.StartAsync(default);
        var index = sp.GetRequiredService<IArticleIndex>();
        // The first run starts at once; wait for it (bounded), don't sleep for luck.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await index.GetStatusAsync(default)).Articles == 0 && DateTime.UtcNow < deadline) await Task.Delay(50);
        await schedule.StopAsync(default);
        Assert.Equal(2, (await index.GetStatusAsync(default)).Articles);
    }

    [Fact]
    public async Task A_scheduled_run_skips_quietly_while_another_process_refreshes()
    {
        await using var sp = Services(TimeSpan.FromMinutes(30));
        var other = new SqliteArticleIndex(Path.Combine(_dir.Path, "talksbot.db"));
        await using (await other.BeginRefreshAsync(default))
        {
            await Schedule(sp).RefreshOnceAsync(default); // must not throw
            Assert.Null((await sp.GetRequiredService<IArticleIndex>().GetStatusAsync(default)).LastRefresh);
        }
    }

    [Fact]
    public async Task A_scheduled_refresh_keeps_the_articles_of_a_source_given_to_one_refresh()
    {
        await using var sp = Services(TimeSpan.FromMinutes(30));
        var given = Directory.CreateDirectory(Path.Combine(_dir.Path, "given")).FullName;
        await File.WriteAllTextAsync(Path.Combine(given, "a.md"), Testing.Hostile.HostileFiles.Article("Istanbul talks", "Negotiators in Istanbul discussed grain shipments"));
        var source = sp.GetRequiredService<Core.Sources.IArticleSourceFactory>().Create(given);
        await sp.GetRequiredService<Core.Refresh.IndexRefresher>().RefreshAsync([source], null, default);

        await Schedule(sp).RefreshOnceAsync(default);

        var status = await sp.GetRequiredService<IIndexStore>().GetStatusAsync(default);
        Assert.Equal(3, status.Articles);
        Assert.Equal(1, status.Sources.Single(s => s.Location == source.Location).Articles);
    }

    [Fact]
    public async Task An_interval_of_zero_turns_the_schedule_off()
    {
        await using var sp = Services(TimeSpan.Zero);
        var schedule = Schedule(sp);
        await schedule.StartAsync(default);
        await schedule.ExecuteTask!;
        Assert.Equal(0, (await sp.GetRequiredService<IArticleIndex>().GetStatusAsync(default)).Articles);
    }
}
