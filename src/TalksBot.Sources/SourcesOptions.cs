using System.ComponentModel.DataAnnotations;

namespace TalksBot.Sources;

/// <summary>Configuration section "Sources": how pages and feeds are fetched.</summary>
public sealed class SourcesOptions
{
    public const string Section = "Sources";

    /// <summary>Allow URLs on loopback and private networks (intranets, tests). Link-local stays refused.</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Named in the User-Agent so site owners can reach the operator.</summary>
    [Url]
    public string ContactUrl { get; set; } = "https://github.com/talksbot/talksbot";

    /// <summary>
    /// An HTTP proxy for every fetch (http://host:port). The environment's HTTP_PROXY/HTTPS_PROXY are ignored: a
    /// proxy connects for us, so the address policy could only check the proxy, never the target. With a proxy set,
    /// each target name is resolved here and checked before it is sent (and after every redirect).
    /// </summary>
    [Url]
    public string? Proxy { get; set; }

    [Required]
    public string UserAgent { get; set; } = "TalksBot/1.0";

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 20;

    [Range(1024, 50 * 1024 * 1024)]
    public long MaxBodyBytes { get; set; } = 5 * 1024 * 1024;

    [Range(0, 10)]
    public int MaxRedirects { get; set; } = 5;

    [Range(1, 16)]
    public int PerHostConcurrency { get; set; } = 2;

    [Range(0, 60_000)]
    public int PerHostDelayMilliseconds { get; set; } = 250;
}
