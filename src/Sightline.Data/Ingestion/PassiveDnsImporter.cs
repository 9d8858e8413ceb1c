using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Sightline.Data.Entities;
using Sightline.Parsers.Common;
using Sightline.Parsers.PassiveDns;

namespace Sightline.Data.Ingestion;

/// <summary>
/// Passive DNS (COF) into <see cref="PassiveDnsRecord"/> rows and the hosts they name. The same resolution seen
/// again (same name, answer and type) widens the first and last seen and adds its count; a PTR answer is stored
/// from the address it names, so it shows under that IP. A batch is written set-based (<see cref="SetWriter"/>),
/// not through change tracking.
/// </summary>
internal sealed class PassiveDnsImporter : BatchImporter<PassiveDnsObservation>
{
    public override string Format => "cof";

    public override bool Recognises(string extension, string head) =>
        extension == ".cof" || (head.StartsWith('{') && head.Contains("\"rrname\"", StringComparison.Ordinal));

    protected override IEnumerable<Parsed<PassiveDnsObservation>> Parse(Stream input, ImportContext context) =>
        CofReader.Read(new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16));

    protected override string Fingerprint(PassiveDnsObservation o) => string.Join('\t',
        o.Name, o.Type, o.Data, o.FirstSeen.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        o.LastSeen.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), o.Count.ToString(CultureInfo.InvariantCulture), o.SensorId ?? "");

    protected override async Task<BatchResult> StoreAsync(SightlineDb db, IReadOnlyList<PassiveDnsObservation> batch, CancellationToken cancellationToken)
    {
        var rows = new Dictionary<string, PassiveDnsRecord>(StringComparer.Ordinal);
        var hosts = new HostUpserter();
        long accepted = 0, merged = 0, ignored = 0;
        foreach (var o in batch)
        {
            if (!PassiveDnsObservation.HasHostAnswer(o.Type))
            {
                ignored++;
                continue;
            }
            var (parent, answer) = o.Type == "PTR" && ReverseName(o.Name) is { } ip ? (ip, o.Data) : (o.Name, o.Data);
            var id = GraphIds.Compose(parent, answer, o.Type);
            accepted++;
            if (rows.TryGetValue(id, out var row))
            {
                Widen(row, o);
                merged++;
            }
            else
            {
                rows[id] = new PassiveDnsRecord
                {
                    ParentHostId = parent, Id = id, ArtifactId = answer, RecordType = o.Type,
                    ArtifactKind = IPAddress.TryParse(answer, out _) ? HostKind.IpAddress : HostKind.Hostname,
                    FirstSeenDateTime = o.FirstSeen, LastSeenDateTime = o.LastSeen, CollectedDateTime = o.LastSeen, Count = o.Count,
                };
            }
            hosts.See(parent, o.FirstSeen, o.LastSeen);
            hosts.See(answer, o.FirstSeen, o.LastSeen);
        }

        // Set-based: the batch's own duplicates are merged above, the stored rows by the tables' merge rules.
        var trace = Trace ? Stopwatch.StartNew() : null;
        var writer = new SetWriter(db);
        merged += await writer.CountStoredAsync(HostRows.PassiveDns, rows.Keys, cancellationToken);
        var counted = trace?.Elapsed;
        await writer.UpsertAsync(HostRows.PassiveDns, rows.Values, cancellationToken);
        var records = trace?.Elapsed;
        var (hostRows, subdomainRows) = hosts.TakeRows();
        var derived = trace?.Elapsed;
        await writer.UpsertAsync(HostRows.Hosts, hostRows, cancellationToken);
        var hostsWritten = trace?.Elapsed;
        await writer.UpsertAsync(HostRows.Subdomains, subdomainRows, cancellationToken);
        if (trace is not null)
        {
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {rows.Count} records: count stored {counted!.Value.TotalMilliseconds:N0} ms, upsert records {(records - counted)!.Value.TotalMilliseconds:N0} ms; " +
                $"{hostRows.Count} hosts, {subdomainRows.Count} subdomains: derive and enrich {(derived - records)!.Value.TotalMilliseconds:N0} ms, " +
                $"upsert hosts {(hostsWritten - derived)!.Value.TotalMilliseconds:N0} ms, upsert subdomains {(trace.Elapsed - hostsWritten)!.Value.TotalMilliseconds:N0} ms"));
        }
        return new BatchResult(accepted, merged, ignored);
    }

    private static void Widen(PassiveDnsRecord row, PassiveDnsObservation o)
    {
        row.FirstSeenDateTime = o.FirstSeen < row.FirstSeenDateTime ? o.FirstSeen : row.FirstSeenDateTime;
        row.LastSeenDateTime = o.LastSeen > row.LastSeenDateTime ? o.LastSeen : row.LastSeenDateTime;
        row.CollectedDateTime = row.LastSeenDateTime;
        row.Count += o.Count;
    }

    /// <summary>The address an <c>in-addr.arpa</c> or <c>ip6.arpa</c> name stands for, or null.</summary>
    internal static string? ReverseName(string name)
    {
        if (name.EndsWith(".in-addr.arpa", StringComparison.Ordinal))
        {
            var parts = name[..^".in-addr.arpa".Length].Split('.');
            return parts.Length == 4 && IPAddress.TryParse(string.Join('.', parts.Reverse()), out var v4) ? v4.ToString() : null;
        }
        if (name.EndsWith(".ip6.arpa", StringComparison.Ordinal))
        {
            var nibbles = name[..^".ip6.arpa".Length].Split('.');
            if (nibbles.Length != 32 || nibbles.Any(n => n.Length != 1 || !Uri.IsHexDigit(n[0])))
            {
                return null;
            }
            var hex = string.Concat(nibbles.Reverse());
            var text = string.Join(':', Enumerable.Range(0, 8).Select(i => hex.Substring(i * 4, 4)));
            return IPAddress.TryParse(text, out var v6) ? v6.ToString() : null;
        }
        return null;
    }
}
