using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using TalksBot.Core.Indexing;
using TalksBot.Core.Sources;

namespace TalksBot.Sources.Web;

/// <summary>
/// Fetches pages and feeds safely and politely: only http(s); every address checked against the
/// <see cref="AddressPolicy"/> when connecting (the resolved address itself, so DNS rebinding can't slip past) and on
/// every redirect (followed here, at most Sources:MaxRedirects); only HTML and XML; a body cap; a timeout; at most
/// Sources:PerHostConcurrency requests per host with a delay between them (Sources:TimeoutSeconds counts from when a
/// request has its turn, so waiting behind other requests to a slow host never times it out); conditional GET with the ETag and
/// Last-Modified kept per URL; a User-Agent that names TalksBot and a contact URL; gzip/brotli accepted.
/// Proxies from the environment are never used (the address check would see the proxy, not the target); a proxy set in
/// Sources:Proxy is used, and then every target's name is resolved and checked here before the request is sent.
/// </summary>
public sealed class PageFetcher : IDisposable
{
    private static readonly HashSet<string> AllowedTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "text/html", "application/xhtml+xml", "text/xml", "application/xml", "application/rss+xml", "application/atom+xml", "application/rdf+xml",
    };

    private readonly SourcesOptions _options;
    private readonly AddressPolicy _policy;
    private readonly IStateStore? _state;
    private readonly TimeProvider _time;
    private readonly HttpClient _http;
    private readonly Uri? _proxy;
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;
    private readonly ConcurrentDictionary<string, HostGate> _hosts = new(StringComparer.OrdinalIgnoreCase);

    public PageFetcher(IOptions<SourcesOptions> options, IStateStore? state, TimeProvider time)
        : this(options.Value, new AddressPolicy(options.Value.AllowPrivateNetworks), state, time) { }

    /// <param name="resolve">Name resolution (DNS unless a test maps names to chosen addresses).</param>
    internal PageFetcher(SourcesOptions options, AddressPolicy policy, IStateStore? state, TimeProvider time,
        Func<string, CancellationToken, Task<IPAddress[]>>? resolve = null)
    {
        _options = options;
        _resolve = resolve ?? ((host, ct) => Dns.GetHostAddressesAsync(host, ct));
        _proxy = string.IsNullOrWhiteSpace(options.Proxy) ? null : new Uri(options.Proxy);
        _policy = policy;
        _state = state;
        _time = time;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            ConnectTimeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            UseCookies = false,
            ConnectCallback = ConnectAsync,
            // Never HTTP_PROXY from the environment: only the proxy the operator configured for TalksBot.
            UseProxy = _proxy is not null,
            Proxy = _proxy is null ? null : new WebProxy(_proxy) { BypassProxyOnLocal = false },
        };
        _http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd($"{options.UserAgent} (+{options.ContactUrl})");
        _http.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9");
    }

    /// <summary>Checks the URL's form and, for literal addresses, the address, before anything is sent.</summary>
    public string? Refusal(Uri url)
    {
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")) return $"refused {url}: only http and https URLs can be sources";
        if (IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var literal) && _policy.Refusal(literal) is { } why) return $"refused {url}: {why}";
        return null;
    }

    /// <param name="conditional">Send the stored validators: a 304 comes back as NotModified.</param>
    public async Task<FetchResult> FetchAsync(Uri url, bool conditional, CancellationToken cancellationToken)
    {
        using var activity = TalksBot.Core.Diagnostics.TalksBotTelemetry.ActivitySource.StartActivity("fetch");
        // Spans are exported (OTLP): a URL's user info or key must not go with them.
        activity?.SetTag("url.full", UrlSecrets.Hide(url.GetLeftPart(UriPartial.Path)));
        // The timeout runs on the host's clock (a test's fake one), started only once the request has its turn.
        using var timeout = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await FetchFollowingRedirectsAsync(url, conditional, timeout, limit.Token, cancellationToken);
        }
        catch (FetchException ex)
        {
            activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, UrlSecrets.HideIn(ex.Message));
            throw;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FetchException($"{url}: no response within {_options.TimeoutSeconds} s");
        }
        catch (HttpRequestException ex)
        {
            for (Exception? e = ex; e is not null; e = e.InnerException)
            {
                if (e is FetchException refused) throw refused;
                if (e is SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain }) throw new FetchException($"{url}: host not found", ex);
            }
            throw new FetchException($"{url}: {ex.Message}", ex);
        }
    }

    /// <param name="timeout">Cancelled Sources:TimeoutSeconds after the first request has its turn at its host.</param>
    /// <param name="ct">The timeout or the caller's cancellation, whichever comes first.</param>
    /// <param name="caller">The caller's own cancellation, the only limit on waiting for that turn.</param>
    private async Task<FetchResult> FetchFollowingRedirectsAsync(Uri requested, bool conditional, CancellationTokenSource timeout, CancellationToken ct, CancellationToken caller)
    {
        var url = requested;
        for (int hop = 0; ; hop++)
        {
            if (Refusal(url) is { } refusal) throw new FetchException(refusal);
            // Through a proxy our connection goes to the proxy, so the target is resolved and checked here, every hop.
            if (_proxy is not null) await CheckAddressesAsync(url.IdnHost, ct);
            var gate = _hosts.GetOrAdd(url.Authority, _ => new HostGate(_options.PerHostConcurrency));
            using var slot = await gate.EnterAsync(TimeSpan.FromMilliseconds(_options.PerHostDelayMilliseconds), _time, hop == 0 ? caller : ct);
            if (hop == 0) timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            var validators = conditional && hop == 0 ? await LoadValidatorsAsync(requested, ct) : null;
            if (validators?.ETag is { } etag && EntityTagHeaderValue.TryParse(etag, out var tag)) request.Headers.IfNoneMatch.Add(tag);
            if (validators?.LastModified is { } lm && DateTimeOffset.TryParse(lm, out var since)) request.Headers.IfModifiedSince = since;

            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if ((int)response.StatusCode is 301 or 302 or 303 or 307 or 308)
            {
                if (hop >= _options.MaxRedirects) throw new FetchException($"{requested}: more than {_options.MaxRedirects} redirects");
                var location = response.Headers.Location ?? throw new FetchException($"{url}: redirect without a Location");
                url = location.IsAbsoluteUri ? location : new Uri(url, location);
                continue;
            }
            if (response.StatusCode == HttpStatusCode.NotModified) return new FetchResult(requested, url, true, null, null);
            if (!response.IsSuccessStatusCode) throw new FetchException($"{url}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}");

            var type = response.Content.Headers.ContentType?.MediaType;
            if (type is not null && !AllowedTypes.Contains(type)) throw new FetchException($"{url}: content type {type} is not HTML or XML");
            if (response.Content.Headers.ContentLength > _options.MaxBodyBytes) throw new FetchException($"{url}: larger than {_options.MaxBodyBytes / 1024 / 1024} MB");
            var body = await ReadCappedAsync(response, url, ct);
            await SaveValidatorsAsync(requested, response, ct);
            return new FetchResult(requested, url, false, type, body);
        }
    }

    private async Task<byte[]> ReadCappedAsync(HttpResponseMessage response, Uri url, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > _options.MaxBodyBytes) throw new FetchException($"{url}: larger than {_options.MaxBodyBytes / 1024 / 1024} MB");
        }
        return buffer.ToArray();
    }

    private async Task<IPAddress[]> CheckAddressesAsync(string host, CancellationToken ct)
    {
        IPAddress[] addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await _resolve(host, ct);
        foreach (var address in addresses)
        {
            // A name that resolves to any refused address is refused: connecting elsewhere would be luck, not policy.
            if (_policy.Refusal(address) is { } why) throw new FetchException($"refused {host}: {why}");
        }
        return addresses;
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        // The configured proxy is the operator's choice (often on a private network); targets were checked before sending.
        bool toProxy = _proxy is not null && string.Equals(host, _proxy.IdnHost, StringComparison.OrdinalIgnoreCase) && context.DnsEndPoint.Port == _proxy.Port;
        IPAddress[] addresses = toProxy
            ? (IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await _resolve(host, ct))
            : await CheckAddressesAsync(host, ct);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private sealed record Validators(string? ETag, string? LastModified);

    private async Task<Validators?> LoadValidatorsAsync(Uri url, CancellationToken ct)
    {
        if (_state is null) return null;
        var json = await _state.GetAsync("http:" + url, ct);
        return json is null ? null : JsonSerializer.Deserialize<Validators>(json);
    }

    private async Task SaveValidatorsAsync(Uri url, HttpResponseMessage response, CancellationToken ct)
    {
        if (_state is null) return;
        var etag = response.Headers.ETag?.ToString();
        var lastModified = response.Content.Headers.LastModified?.ToString("R");
        if (etag is null && lastModified is null) return;
        await _state.SetAsync("http:" + url, JsonSerializer.Serialize(new Validators(etag, lastModified)), ct);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>
    /// At most N requests at once to one host, first come first served (a <see cref="ConcurrencyLimiter"/>), and a pause
    /// between the starts of two requests (on the host's <see cref="TimeProvider"/>, which the limiter has no notion of).
    /// </summary>
    private sealed class HostGate(int concurrency)
    {
        private readonly ConcurrencyLimiter _slots = new(new ConcurrencyLimiterOptions
        {
            PermitLimit = concurrency,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        private readonly object _lock = new();
        private DateTimeOffset _next = DateTimeOffset.MinValue;

        /// <returns>The slot: disposing it lets the next request to this host in.</returns>
        public async Task<RateLimitLease> EnterAsync(TimeSpan spacing, TimeProvider time, CancellationToken ct)
        {
            var slot = await _slots.AcquireAsync(1, ct);
            // An unbounded queue never refuses; this is a guard, not a path.
            if (!slot.IsAcquired) throw new InvalidOperationException("The per-host queue refused a request.");
            TimeSpan wait;
            lock (_lock)
            {
                var now = time.GetUtcNow();
                var start = _next > now ? _next : now;
                _next = start + spacing;
                wait = start - now;
            }
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, time, ct);
                }
                catch
                {
                    slot.Dispose();
                    throw;
                }
            }
            return slot;
        }
    }
}
