using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using TalksBot.Sources.Web;
using TalksBot.Testing;
using TalksBot.Testing.Hostile;

namespace TalksBot.Sources.Tests;

/// <summary>HttpClient.DefaultProxy is process-wide: the tests that set it run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideProxyCollection
{
    public const string Name = "process-wide proxy";
}

/// <summary>
/// Issue 14 item 1: through a proxy our connection goes to the proxy, so the address policy must check the target
/// itself. A loopback proxy stands in for a corporate one; test names resolve to metadata, private and loopback addresses.
/// </summary>
[Collection(ProcessWideProxyCollection.Name)]
public sealed class ProxyTests : IAsyncLifetime
{
    private const string Page = "<html><head><title>Proxied page</title></head><body><article><p>Delegations met in Geneva on Wednesday and agreed to meet again next month, officials said after the talks ended.</p></article></body></html>";

    private LoopbackServer _proxy = null!;
    private readonly ConcurrentQueue<string> _seen = new();

    public async Task InitializeAsync()
    {
        _proxy = await LoopbackServer.StartAsync(app => app.Run(async ctx =>
        {
            // A forwarding proxy receives the target's host in the request: record it, answer as the target would.
            _seen.Enqueue(ctx.Request.Host + ctx.Request.Path);
            if (ctx.Request.Path == "/redirect-to-metadata") { ctx.Response.Redirect($"http://{HostileNames.Metadata}/latest/meta-data/"); return; }
            ctx.Response.ContentType = "text/html";
            await ctx.Response.WriteAsync(Page);
        }));
    }

    public async Task DisposeAsync() => await _proxy.DisposeAsync();

    private PageFetcher Fetcher(string? proxy, AddressPolicy policy) =>
        new(new SourcesOptions { Proxy = proxy, PerHostDelayMilliseconds = 0, TimeoutSeconds = 5 }, policy, null, TimeProvider.System, HostileNames.ResolveAsync);

    [Theory]
    [InlineData(HostileNames.Metadata, "169.254.169.254 is a link-local address")]
    [InlineData(HostileNames.Private, "10.1.2.3 is a private address")]
    public async Task The_environments_proxy_is_ignored_so_the_target_is_checked(string host, string reason)
    {
        var before = HttpClient.DefaultProxy;
        HttpClient.DefaultProxy = new WebProxy(_proxy.BaseAddress); // what HTTP_PROXY in the environment amounts to
        try
        {
            // The loopback proxy itself is allowed, as a proxy on the operator's network would be.
            using var fetcher = Fetcher(proxy: null, new AddressPolicy(false, [IPAddress.Loopback]));
            var ex = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new Uri($"http://{host}/latest/meta-data/"), false, default));
            Assert.Contains(reason, ex.Message);
            Assert.Empty(_seen);
        }
        finally
        {
            HttpClient.DefaultProxy = before;
        }
    }

    [Theory]
    [InlineData(HostileNames.Metadata, "169.254.169.254 is a link-local address")]
    [InlineData(HostileNames.Private, "10.1.2.3 is a private address")]
    [InlineData(HostileNames.Loopback, "127.0.0.1 is a loopback address")]
    public async Task Through_a_configured_proxy_a_name_resolving_to_a_refused_address_is_not_sent(string host, string reason)
    {
        using var fetcher = Fetcher(_proxy.BaseAddress.ToString(), new AddressPolicy(false));
        var ex = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new Uri($"http://{host}/latest/meta-data/"), false, default));
        Assert.Contains(reason, ex.Message);
        Assert.Empty(_seen);
    }

    [Fact]
    public async Task A_configured_proxy_carries_public_targets_and_a_redirect_to_metadata_is_refused()
    {
        using var fetcher = Fetcher(_proxy.BaseAddress.ToString(), new AddressPolicy(false));
        var page = await fetcher.FetchAsync(new Uri($"http://{HostileNames.Public}/story"), false, default);
        Assert.Contains("Proxied page", System.Text.Encoding.UTF8.GetString(page.Body!));
        Assert.Equal([$"{HostileNames.Public}/story"], _seen);

        var ex = await Assert.ThrowsAsync<FetchException>(() => fetcher.FetchAsync(new Uri($"http://{HostileNames.Public}/redirect-to-metadata"), false, default));
        Assert.Contains("169.254.169.254 is a link-local address", ex.Message);
        Assert.DoesNotContain(_seen, s => s.StartsWith(HostileNames.Metadata));
    }
}

/// <summary>Issue 14 item 20: IPv6 spellings that carry an IPv4 address are judged by that address.</summary>
public sealed class EmbeddedIPv4Tests
{
    [Theory]
    [InlineData("::127.0.0.1", "loopback")]
    [InlineData("::10.0.0.1", "private")]
    [InlineData("64:ff9b::a9fe:a9fe", "link-local")]
    [InlineData("64:ff9b::7f00:1", "loopback")]
    [InlineData("2002:a9fe:a9fe::", "link-local")]
    [InlineData("2002:c0a8:101::1", "private")]
    public void Embedded_ipv4_addresses_are_refused_by_what_they_carry(string address, string kind)
    {
        Assert.Contains(kind, new AddressPolicy(false).Refusal(IPAddress.Parse(address)));
    }

    [Theory]
    [InlineData("64:ff9b::cb00:7105")] // NAT64 of a public address
    [InlineData("2606:4700::1111")]
    public void Public_addresses_in_those_forms_stay_allowed(string address) =>
        Assert.Null(new AddressPolicy(false).Refusal(IPAddress.Parse(address)));
}
