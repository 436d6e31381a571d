using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TalksBot.Core.Conversations;
using TalksBot.Core.Indexing;
using TalksBot.Core.Moderation;

namespace TalksBot.Scheduling;

/// <summary>
/// Refreshes the index every Index:RefreshInterval (0 turns it off). Skips a beat when a refresh is already running
/// here, from chat, or in another process on the same database.
/// </summary>
public sealed class ScheduledRefreshService(
    IndexMaintenance maintenance,
    IOptions<IndexOptions> options,
    TimeProvider time,
    ILogger<ScheduledRefreshService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.RefreshInterval;
        if (interval <= TimeSpan.Zero)
        {
            logger.LogScheduleOff();
            return;
        }
        logger.LogScheduleEvery(interval);
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            await RefreshOnceAsync(stoppingToken);
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    internal async Task RefreshOnceAsync(CancellationToken ct)
    {
        try
        {
            var report = await maintenance.RefreshAsync(null, ct);
            logger.LogScheduledRefreshDone(ChatTexts.RefreshSummary(report).Split('\n')[0]);
        }
        catch (RefreshInProgressException)
        {
            logger.LogScheduledRefreshSkipped();
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogScheduledRefreshFailed(ex.Message);
        }
    }
}
