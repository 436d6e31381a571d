using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TalksBot.Core.Diagnostics;
using TalksBot.Sources.Web;
using TalksBot.Testing;
using TalksBot.Testing.Hostile;

namespace TalksBot.Sources.Tests;

/// <summary>Issue 14 item 6: spans are exported too, so a fetch span carries a source URL's secrets masked.</summary>
public sealed class FetchSpanTests
{
    [Fact]
    public async Task A_fetch_span_names_the_url_without_its_credentials_even_when_the_fetch_fails()
    {
        await using var server = await LoopbackServer.StartAsync(app => app.MapGet("/feed.xml", () => Results.StatusCode(500)));
        var spans = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == TalksBotTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (spans) spans.Add(activity); },
        };
        ActivitySource.AddActivityListener(listener);
        using var fetcher = new PageFetcher(new SourcesOptions { AllowPrivateNetworks = true, PerHostDelayMilliseconds = 0 }, new AddressPolicy(true), null, TimeProvider.System);

        await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new Uri(HostileUrls.WithCredentials(server.BaseAddress, "feed.xml")), false, default));

        Activity fetch;
        lock (spans) fetch = Assert.Single(spans, s => s.OperationName == "fetch" && ((string?)s.GetTagItem("url.full"))?.Contains($":{server.BaseAddress.Port}/feed.xml") == true);
        Assert.Equal($"http://***@127.0.0.1:{server.BaseAddress.Port}/feed.xml", fetch.GetTagItem("url.full"));
        Assert.Equal(ActivityStatusCode.Error, fetch.Status);
        Assert.Contains("HTTP 500", fetch.StatusDescription);
        Assert.DoesNotContain(HostileUrls.Password, fetch.StatusDescription);
        Assert.DoesNotContain(HostileUrls.ApiKey, fetch.StatusDescription);
    }
}
