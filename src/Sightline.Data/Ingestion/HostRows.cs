using NpgsqlTypes;
using Sightline.Data.Entities;

namespace Sightline.Data.Ingestion;

/// <summary>
/// The set-based merge rules of the host tables, the same as <see cref="HostUpserter.ApplyAsync"/> applies entity by
/// entity: a stored host widens its first and last seen and, when it is an IP stored before enrichment (no AS and no
/// country), takes the enrichment fields it still lacks; a stored subdomain keeps its earliest first seen; a stored
/// passive DNS record widens its window, takes the later last seen as collected, and adds the count.
/// </summary>
internal static class HostRows
{
    public static readonly SetTable<Host> Hosts = new("Hosts", "Id",
    [
        new("Id", NpgsqlDbType.Text, h => h.Id),
        new("Kind", NpgsqlDbType.Integer, h => (int)h.Kind),
        new("FirstSeenDateTime", NpgsqlDbType.TimestampTz, h => h.FirstSeenDateTime),
        new("LastSeenDateTime", NpgsqlDbType.TimestampTz, h => h.LastSeenDateTime),
        new("Registrar", NpgsqlDbType.Text, h => h.Registrar),
        new("Registrant", NpgsqlDbType.Text, h => h.Registrant),
        new("AsNumber", NpgsqlDbType.Integer, h => h.AsNumber),
        new("AsName", NpgsqlDbType.Text, h => h.AsName),
        new("AsOrganization", NpgsqlDbType.Text, h => h.AsOrganization),
        new("CountryOrRegion", NpgsqlDbType.Text, h => h.CountryOrRegion),
        new("HostingProvider", NpgsqlDbType.Text, h => h.HostingProvider),
        new("Netblock", NpgsqlDbType.Text, h => h.Netblock),
        new("IsSynthetic", NpgsqlDbType.Boolean, h => h.IsSynthetic),
    ], d =>
    {
        var unenriched = $"\"Hosts\".\"Kind\" = {(int)HostKind.IpAddress} AND \"Hosts\".\"AsNumber\" IS NULL AND \"Hosts\".\"CountryOrRegion\" IS NULL";
        string[] enrichment = ["AsNumber", "AsName", "AsOrganization", "CountryOrRegion", "HostingProvider", "Netblock"];
        return string.Join(", ",
        [
            $"\"FirstSeenDateTime\" = {d.NullableLeast("\"Hosts\".\"FirstSeenDateTime\"", "excluded.\"FirstSeenDateTime\"")}",
            $"\"LastSeenDateTime\" = {d.NullableGreatest("\"Hosts\".\"LastSeenDateTime\"", "excluded.\"LastSeenDateTime\"")}",
            .. enrichment.Select(f => $"\"{f}\" = CASE WHEN {unenriched} THEN COALESCE(\"Hosts\".\"{f}\", excluded.\"{f}\") ELSE \"Hosts\".\"{f}\" END"),
        ]);
    });

    public static readonly SetTable<Subdomain> Subdomains = new("Subdomains", "Id",
    [
        new("ParentHostId", NpgsqlDbType.Text, s => s.ParentHostId),
        new("Id", NpgsqlDbType.Text, s => s.Id),
        new("HostId", NpgsqlDbType.Text, s => s.HostId),
        new("FirstSeenDateTime", NpgsqlDbType.TimestampTz, s => s.FirstSeenDateTime),
    ], d => $"\"FirstSeenDateTime\" = {d.NullableLeast("\"Subdomains\".\"FirstSeenDateTime\"", "excluded.\"FirstSeenDateTime\"")}")
    {
        Key = ["ParentHostId", "Id"],
    };

    public static readonly SetTable<PassiveDnsRecord> PassiveDns = new("PassiveDnsRecords", "Id",
    [
        new("ParentHostId", NpgsqlDbType.Text, r => r.ParentHostId),
        new("Id", NpgsqlDbType.Text, r => r.Id),
        new("ArtifactId", NpgsqlDbType.Text, r => r.ArtifactId),
        new("ArtifactKind", NpgsqlDbType.Integer, r => (int)r.ArtifactKind),
        new("RecordType", NpgsqlDbType.Text, r => r.RecordType),
        new("FirstSeenDateTime", NpgsqlDbType.TimestampTz, r => r.FirstSeenDateTime),
        new("LastSeenDateTime", NpgsqlDbType.TimestampTz, r => r.LastSeenDateTime),
        new("CollectedDateTime", NpgsqlDbType.TimestampTz, r => r.CollectedDateTime),
        new("Count", NpgsqlDbType.Bigint, r => r.Count),
    ], d => string.Join(", ",
        $"\"FirstSeenDateTime\" = {d.Least}(\"PassiveDnsRecords\".\"FirstSeenDateTime\", excluded.\"FirstSeenDateTime\")",
        $"\"LastSeenDateTime\" = {d.Greatest}(\"PassiveDnsRecords\".\"LastSeenDateTime\", excluded.\"LastSeenDateTime\")",
        $"\"CollectedDateTime\" = {d.Greatest}(\"PassiveDnsRecords\".\"LastSeenDateTime\", excluded.\"LastSeenDateTime\")",
        "\"Count\" = \"PassiveDnsRecords\".\"Count\" + excluded.\"Count\""))
    {
        Key = ["ParentHostId", "Id"],
    };

    /// <summary>Writes a batch's hosts and the subdomains derived from them, set-based.</summary>
    public static async Task WriteAsync(SetWriter writer, HostUpserter hosts, CancellationToken cancellationToken)
    {
        var (hostRows, subdomainRows) = hosts.TakeRows();
        await writer.UpsertAsync(Hosts, hostRows, cancellationToken);
        await writer.UpsertAsync(Subdomains, subdomainRows, cancellationToken);
    }
}
