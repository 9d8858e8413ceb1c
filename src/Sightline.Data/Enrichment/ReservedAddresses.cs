using System.Net;

namespace Sightline.Data.Enrichment;

/// <summary>
/// Blocks that are never announced on the Internet (private, loopback, link-local, shared CGNAT, benchmarking,
/// documentation, multicast, reserved): their addresses get no AS and no country, whatever the data files say.
/// </summary>
internal static class ReservedAddresses
{
    private static readonly IPNetwork[] _blocks =
    [
        .. new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
            "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/128", "::1/128", "100::/64", "2001:db8::/32", "3fff::/20", "fc00::/7", "fe80::/10", "ff00::/8",
        }.Select(block => IPNetwork.Parse(block)),
    ];

    public static bool Contains(IPAddress address)
    {
        // A plain loop: this runs for every address an import sees, and a lambda would allocate each time.
        foreach (var block in _blocks)
        {
            if (block.Contains(address))
            {
                return true;
            }
        }
        return false;
    }
}
