using System.Net;

namespace TalksBot.Testing.Hostile;

/// <summary>
/// The hostile-input corpus for names: test host names mapped to the addresses an attacker would aim at (cloud
/// metadata, a private network, loopback) and one public address, resolved by a hook instead of DNS.
/// </summary>
public static class HostileNames
{
    public const string Metadata = "meta.test";
    public const string Private = "intranet.test";
    public const string Loopback = "lo.test";
    public const string Public = "public.test";

    private static readonly Dictionary<string, IPAddress[]> Map = new(StringComparer.OrdinalIgnoreCase)
    {
        [Metadata] = [IPAddress.Parse("169.254.169.254")],
        [Private] = [IPAddress.Parse("10.1.2.3")],
        [Loopback] = [IPAddress.Loopback],
        // 203.0.113.0/24 is a documentation range: nothing real answers there, and the policy treats it as public.
        [Public] = [IPAddress.Parse("203.0.113.5")],
    };

    /// <summary>A resolver for the test names; any other name is "host not found", as DNS would say.</summary>
    public static Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) =>
        Map.TryGetValue(host, out var addresses)
            ? Task.FromResult(addresses)
            : Task.FromException<IPAddress[]>(new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.HostNotFound));
}
