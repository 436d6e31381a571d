using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TalksBot.Testing;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with a free port, for faithful fakes of services we don't control
/// (Bot API, Discord, an OpenAI-compatible model, web pages). The code under test talks to it over real HTTP.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Base address with a trailing slash, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<LoopbackServer> StartAsync(Action<WebApplication> map, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        services?.Invoke(builder.Services);
        var app = builder.Build();
        app.UseWebSockets();
        map(app);
        await app.StartAsync();
        var address = app.Urls.First();
        return new LoopbackServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5))) await _app.StopAsync(cts.Token);
        await _app.DisposeAsync();
    }
}
