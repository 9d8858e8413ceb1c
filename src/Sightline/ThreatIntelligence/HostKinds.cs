using System.Net;
using Sightline.Data.Entities;

namespace Sightline.ThreatIntelligence;

internal static class HostKinds
{
    public static HostKind Of(string hostId) =>
        IPAddress.TryParse(hostId, out _) ? HostKind.IpAddress : HostKind.Hostname;

    /// <summary>Host ids are stored lower-case; IPv6 addresses in their canonical compressed form.</summary>
    public static string Normalize(string key)
    {
        var trimmed = key.Trim().TrimEnd('.');
        return IPAddress.TryParse(trimmed, out var ip) ? ip.ToString() : trimmed.ToLowerInvariant();
    }
}
