using Sightline.Data.Entities;

namespace Sightline.Data.Reputation;

internal sealed record HostRow(string Id, HostKind Kind, DateTimeOffset? FirstSeen, string? Registrar, string? Netblock);

internal sealed record IntelHit(string Id, string Title, string? Kind);

internal sealed record Resolution(string Artifact, string RecordType, DateTimeOffset LastSeen);

internal sealed record ListHit(string List, string Value, ListEntryKind Kind, int? Count, string? Reference, DateTimeOffset? ListDate);

internal sealed record WhoisFacts(string WhoisId, DateTimeOffset? Registered, IReadOnlyList<string> Nameservers);

internal sealed record CertificateSighting(string CertificateId, string Sha1, CertificateParty Issuer, CertificateParty Subject,
    DateTimeOffset? Issued, DateTimeOffset? Expires, DateTimeOffset? LastSeenOnHost);

internal sealed record TrackerRow(string Id, string Kind, string Value);

internal sealed record ToolingHit(string ComponentId, string Name, string Version, string? PortId, int? Port);

/// <summary>
/// Everything the rules read, loaded once per recompute with one query per kind of evidence and grouped by host.
/// Lists are sorted when loaded so that rules see them in one order whatever order the store returned.
/// </summary>
internal sealed class ReputationEvidence
{
    public List<HostRow> Hosts { get; init; } = [];
    public Dictionary<string, List<IntelHit>> Profiles { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<IntelHit>> Articles { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<Resolution>> Resolutions { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<ListHit>> Lists { get; init; } = new(StringComparer.Ordinal);

    /// <summary>The newest snapshot date of each dated list: older snapshots' entries no longer count.</summary>
    public Dictionary<string, DateTimeOffset> ListDates { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, WhoisFacts> Whois { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<CertificateSighting>> Certificates { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<TrackerRow>> Trackers { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, List<ToolingHit>> Tooling { get; init; } = new(StringComparer.Ordinal);
    public Dictionary<string, ReputationOverride> Overrides { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Hosts classified malicious by direct evidence and overrides (the first pass); the sharing rules read it.</summary>
    public HashSet<string> Malicious { get; } = new(StringComparer.Ordinal);

    public static IReadOnlyList<T> Of<T>(Dictionary<string, List<T>> map, string host) => map.TryGetValue(host, out var list) ? list : [];

    public static Dictionary<string, List<T>> Group<T>(IEnumerable<(string Host, T Item)> rows, IComparer<T> order)
    {
        var map = new Dictionary<string, List<T>>(StringComparer.Ordinal);
        foreach (var (host, item) in rows)
        {
            if (!map.TryGetValue(host, out var list))
            {
                map[host] = list = [];
            }
            list.Add(item);
        }
        foreach (var list in map.Values)
        {
            list.Sort(order);
        }
        return map;
    }
}
