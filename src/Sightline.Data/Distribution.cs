using Sightline.Data.Entities;

namespace Sightline.Data;

/// <summary>How a table is laid out on a distributed PostgreSQL (Citus): see docs/scaling.md.</summary>
public enum Placement
{
    /// <summary>Sharded by the host key; co-located with <c>Hosts</c>, so a host's rows of every table share a shard.</summary>
    ByHost,

    /// <summary>Sharded by a looked-up value (a reverse index), so one value's rows share a shard.</summary>
    ByValue,

    /// <summary>Small, read everywhere: a full copy on every node.</summary>
    Reference,
}

/// <summary>A table's placement and its distribution column (none for reference tables).</summary>
public sealed record TablePlacement(Placement Kind, string? Column);

/// <summary>
/// The Citus layout of every table. The schema follows it now, on one node: a sharded table's distribution column is
/// in its primary key and in every unique index (Citus enforces uniqueness only within a shard), and every table
/// that names a host carries that host in its primary key. Tested against the EF model.
/// </summary>
public static class Distribution
{
    private static TablePlacement Host(string column) => new(Placement.ByHost, column);

    private static readonly TablePlacement _reference = new(Placement.Reference, null);

    public static IReadOnlyDictionary<Type, TablePlacement> Tables { get; } = new Dictionary<Type, TablePlacement>
    {
        [typeof(Host)] = Host(nameof(Entities.Host.Id)),
        [typeof(PassiveDnsRecord)] = Host(nameof(PassiveDnsRecord.ParentHostId)),
        [typeof(Subdomain)] = Host(nameof(Subdomain.ParentHostId)),
        [typeof(HostComponent)] = Host(nameof(HostComponent.HostId)),
        [typeof(HostCookie)] = Host(nameof(HostCookie.HostId)),
        [typeof(HostTracker)] = Host(nameof(HostTracker.HostId)),
        [typeof(HostPair)] = Host(nameof(HostPair.ParentHostId)),
        [typeof(HostPort)] = Host(nameof(HostPort.HostId)),
        [typeof(HostSslCertificate)] = Host(nameof(HostSslCertificate.HostId)),
        [typeof(WhoisRecord)] = Host(nameof(WhoisRecord.HostId)),
        [typeof(HostReputation)] = Host(nameof(HostReputation.HostId)),
        [typeof(ReputationOverride)] = Host(nameof(ReputationOverride.HostId)),
        [typeof(WhoisLookup)] = new(Placement.ByValue, nameof(WhoisLookup.Value)),
        [typeof(SslCertificate)] = new(Placement.ByValue, nameof(SslCertificate.Id)),
        [typeof(Article)] = _reference,
        [typeof(ArticleIndicator)] = _reference,
        [typeof(IntelProfile)] = _reference,
        [typeof(IntelProfileIndicator)] = _reference,
        [typeof(Vulnerability)] = _reference,
        [typeof(VulnerabilityComponent)] = _reference,
        [typeof(VulnerabilityArticle)] = _reference,
        [typeof(ListEntry)] = _reference,
        [typeof(ImportedBatch)] = _reference,
    };

    /// <summary>The column that names the host a row belongs to: the parent host where a row links two, else the host.</summary>
    public static string? HostKeyOf(IEnumerable<string> propertyNames)
    {
        var names = propertyNames.ToHashSet(StringComparer.Ordinal);
        return names.Contains("ParentHostId") ? "ParentHostId" : names.Contains("HostId") ? "HostId" : null;
    }
}
