using System.Net;
using System.Net.Sockets;
using Sightline.Data.Entities;

namespace Sightline.Data.Demo;

/// <summary>A passive DNS observation, one line of the demo's COF file.</summary>
internal sealed record DnsObservation(string Name, string Type, string Data, DateTimeOffset First, DateTimeOffset Last, long Count);

/// <summary>A WHOIS response as collected at <paramref name="Seen"/>.</summary>
internal sealed record WhoisResponse(string Domain, DateTimeOffset Seen, string Text);

/// <summary>A certificate presented by a host on a port at a time, one line of the demo's sightings file.</summary>
internal sealed record CertificateSighting(string Host, int Port, DateTimeOffset Seen, string Pem);

/// <summary>A link a crawl saw between two hosts (a host pair): a redirect or a resource the parent's page loads.</summary>
internal sealed record LinkObservation(string Kind, string Parent, string Child, DateTimeOffset First, DateTimeOffset Last);

/// <summary>
/// Collects the synthetic observations of the demo, in the terms of the standard formats they are written in
/// (passive DNS, WHOIS text, certificate sightings, crawls, scans). Nothing here is a stored row: the importers
/// make the rows, exactly as they do for real input.
/// </summary>
internal sealed class DemoBuilder
{
    /// <summary>Every demo date is an offset back from this instant.</summary>
    public static readonly DateTimeOffset BaseDate = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly HashSet<string> _hosts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _claimed = new(StringComparer.Ordinal);

    public List<DnsObservation> Dns { get; } = [];
    public List<WhoisResponse> Whois { get; } = [];
    public List<CertificateSighting> Certificates { get; } = [];
    public List<LinkObservation> Links { get; } = [];
    public List<DemoSite> Sites { get; } = [];
    public List<DemoScan> Scans { get; } = [];

    /// <summary>Synthetic hosts that profiles without public indicators point at.</summary>
    public List<string> SyntheticIndicatorHosts { get; } = [];

    public static DateTimeOffset DaysAgo(double days) => BaseDate.AddDays(-days);

    public bool HasHost(string id) => _hosts.Contains(id);

    /// <summary>Notes that the host occurs in some observation (for look-ups while building).</summary>
    public void Note(string id) => _hosts.Add(id);

    /// <summary>True the first time a (kind, id) pair is seen: keeps one observation per natural key.</summary>
    public bool Claim(string kind, string id) => _claimed.Add(kind + "\n" + id);

    public static HostKind KindOf(string id) =>
        IPAddress.TryParse(id, out var address)
        && address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6
            ? HostKind.IpAddress
            : HostKind.Hostname;
}
