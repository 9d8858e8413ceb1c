using Sightline.Data;
using Sightline.Data.Entities;
using Sightline.OData;
using Host = Sightline.Data.Entities.Host;

namespace Sightline.ThreatIntelligence;

/// <summary>
/// The top-level sets Graph does not list, served as pivots. Each indexed path has an index that starts with its
/// column and ends with the seek key (see the <c>Pivots</c> migration), or, for WHOIS contacts and name servers, the
/// lookup table. On hosts, ipAddress and hostname properties are reached with a type cast, e.g.
/// <c>microsoft.graph.security.ipAddress/autonomousSystem/number eq 8075</c>.
/// </summary>
internal static class Pivots
{
    public static readonly PivotSet<Host> Hosts = new("hosts", h => h.Id, "id",
        ["id", "autonomousSystem/number", "netblock", "countryOrRegion", "registrar", "registrant"]);

    public static readonly PivotSet<PassiveDnsRecord> PassiveDns = new("passiveDnsRecords", r => r.Id, "id", ["id", "artifact/id", "parentHost/id"]);

    public static readonly PivotSet<Subdomain> Subdomains = new("subdomains", r => r.Id, "id", ["id", "host/id"]);

    /// <summary>By name (the index is name, version, id: a name and a version are one range).</summary>
    public static readonly PivotSet<HostComponent> Components = new("hostComponents", r => r.Id, "id", ["id", "name", "host/id"]);

    public static readonly PivotSet<HostCookie> Cookies = new("hostCookies", r => r.Id, "id", ["id", "name", "domain", "host/id"]);

    /// <summary>By value (a tracker id is specific enough on its own; <c>kind</c> applies within it).</summary>
    public static readonly PivotSet<HostTracker> Trackers = new("hostTrackers", r => r.Id, "id", ["id", "value", "host/id"]);

    public static readonly PivotSet<HostPair> Pairs = new("hostPairs", r => r.Id, "id", ["id", "parentHost/id", "childHost/id"]);

    public static readonly PivotSet<HostPort> Ports = new("hostPorts", r => r.Id, "id", ["id", "port", "host/id", "mostRecentSslCertificate/id"]);

    public static readonly PivotSet<HostSslCertificate> HostCertificates = new("hostSslCertificates", r => r.Id, "id", ["id", "sslCertificate/id", "host/id"]);

    private static readonly string[] _whoisPaths = ["id", "host/id", .. WhoisLookups.Paths];

    /// <summary>Current records: one per host, so the host is the seek key (Graph's listing order).</summary>
    public static readonly PivotSet<WhoisRecord> WhoisRecords = new("whoisRecords", r => r.HostId, "host/id", _whoisPaths, FromWhoisLookup);

    public static readonly PivotSet<WhoisRecord> WhoisHistory = new("whoisHistoryRecords", r => r.Id, "id", _whoisPaths, FromWhoisLookup);

    /// <summary>The versions whose lookup rows hold one of the values (ignoring case) for a contact or name server path.</summary>
    public static IQueryable<WhoisRecord>? FromWhoisLookup(SightlineDb db, IQueryable<WhoisRecord> source, PivotTerm term)
    {
        var path = WhoisLookups.Paths.FirstOrDefault(p => string.Equals(p, term.Path, StringComparison.OrdinalIgnoreCase));
        if (path is null)
        {
            return null;
        }
        var values = term.Values.OfType<string>().Select(WhoisLookups.Normalize).Distinct(StringComparer.Ordinal).ToList();
        var lookups = db.WhoisLookups.Where(l => l.Path == path);
        if (values.Count == 1)
        {
            var value = values[0];
            lookups = lookups.Where(l => l.Value == value);
        }
        else
        {
            lookups = lookups.Where(l => values.Contains(l.Value));
        }
        var ids = lookups.Select(l => l.RecordId);
        return source.Where(w => ids.Contains(w.Id));
    }
}
