using System.Net;
using System.Net.Sockets;

namespace TalksBot.Sources.Web;

/// <summary>
/// Which addresses a source URL may reach. Loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7, 100.64/10),
/// unspecified and multicast addresses are refused unless private networks are allowed; link-local addresses
/// (169.254/16 — cloud metadata — and fe80::/10) are always refused.
/// </summary>
public sealed class AddressPolicy(bool allowPrivateNetworks, IReadOnlyCollection<IPAddress>? alsoAllowed = null)
{
    /// <summary>Why an address is refused, or null when it may be reached.</summary>
    public string? Refusal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        // IPv6 forms that carry an IPv4 address (IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::/96, 6to4 2002::/16) are
        // judged by the address they carry: [::127.0.0.1] is loopback, 2002:a9fe:a9fe:: reaches the metadata service.
        if (EmbeddedIPv4(address) is { } embedded) return Refusal(embedded);
        if (IsLinkLocal(address)) return $"{address} is a link-local address (never allowed: it reaches cloud metadata and local devices)";
        if (alsoAllowed?.Contains(address) == true) return null;
        string? kind = Kind(address);
        if (kind is null) return null;
        return allowPrivateNetworks && kind is not ("multicast" or "unspecified")
            ? null
            : $"{address} is a {kind} address; set Sources:AllowPrivateNetworks to allow it";
    }

    private static IPAddress? EmbeddedIPv4(IPAddress a)
    {
        if (a.AddressFamily != AddressFamily.InterNetworkV6) return null;
        var b = a.GetAddressBytes();
        bool zeros(int from, int to) { for (int i = from; i < to; i++) if (b[i] != 0) return false; return true; }
        // ::a.b.c.d (but not :: or ::1, which are their own kinds)
        if (zeros(0, 12) && !(zeros(12, 15) && b[15] <= 1)) return new IPAddress(b[12..16]);
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && zeros(4, 12)) return new IPAddress(b[12..16]);
        if (b[0] == 0x20 && b[1] == 0x02) return new IPAddress(b[2..6]);
        return null;
    }

    private static bool IsLinkLocal(IPAddress a) => a.AddressFamily == AddressFamily.InterNetwork
        ? a.GetAddressBytes() is [169, 254, _, _]
        : a.IsIPv6LinkLocal;

    private static string? Kind(IPAddress a)
    {
        if (IPAddress.IsLoopback(a)) return "loopback";
        if (a.Equals(IPAddress.Any) || a.Equals(IPAddress.IPv6Any)) return "unspecified";
        if (a.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = a.GetAddressBytes();
            if (b[0] == 0) return "unspecified";
            if (b[0] == 10 || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168)) return "private";
            if (b[0] == 100 && b[1] >= 64 && b[1] <= 127) return "private (carrier-grade NAT)";
            if (b[0] >= 224 && b[0] <= 239) return "multicast";
            if (b[0] >= 240) return "reserved";
            return null;
        }
        if (a.IsIPv6Multicast) return "multicast";
        if (a.IsIPv6SiteLocal || a.IsIPv6UniqueLocal) return "private";
        return null;
    }
}
