using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sightline.Data.Entities;
using Sightline.Parsers.Common;
using Sightline.Parsers.Whois;

namespace Sightline.Data.Ingestion;

/// <summary>
/// One raw WHOIS response per input into the versions of its domain's <see cref="WhoisRecord"/>. Content equal to a
/// stored version widens that version's first and last seen; new content is a new version. The version seen last is
/// the current one (so a response imported late, with an older <c>seen</c>, goes into the history), and the
/// domain's host takes its registrar and registrant from it. Name servers become hosts.
/// </summary>
/// <remarks>
/// Settings: <c>domain</c>, the domain queried, used when the text does not name it; <c>seen</c>, when the response
/// was collected (ISO 8601), by default the time of the import. The importer never reads file metadata; a caller
/// that knows when a file was fetched (the CLI could pass the file's modification time) names it with <c>seen</c>.
/// </remarks>
internal sealed partial class WhoisImporter : BatchImporter<WhoisObservation>
{
    private static readonly HashSet<string> _otherFormats = new(StringComparer.Ordinal)
    {
        ".md", ".markdown", ".json", ".ndjson", ".jsonl", ".xml", ".cof", ".har", ".pem", ".crt", ".cer", ".der", ".csv", ".html", ".htm",
    };

    public override string Format => "whois";

    public override bool Recognises(string extension, string head) =>
        extension == ".whois"
        || (!_otherFormats.Contains(extension) && head.Length > 0 && head[0] is not ('{' or '[' or '<') && !head.StartsWith("---", StringComparison.Ordinal)
            && WhoisKeyRegex().IsMatch(head));

    protected override IEnumerable<Parsed<WhoisObservation>> Parse(Stream input, ImportContext context)
    {
        var hint = context.Settings.GetValueOrDefault("domain") is { Length: > 0 } domain ? domain : null;
        var (seen, given, error) = Seen(context.Settings);
        if (error is not null)
        {
            return [Parsed<WhoisObservation>.Fail(1, error)];
        }
        var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return WhoisParser.Parse(reader, hint).Select(item => item.IsError
            ? Parsed<WhoisObservation>.Fail(item.Position, item.Error!)
            : Parsed<WhoisObservation>.Ok(item.Position, new WhoisObservation(item.Record!, seen, given)));
    }

    /// <summary>
    /// The raw text, and the collection time only when it was named: importing the same file again without one is
    /// the same batch (nothing changes), while a re-fetch (new banner or timestamp lines) or a named later time is a
    /// new observation that widens the version's window.
    /// </summary>
    protected override string Fingerprint(WhoisObservation o) => string.Join('\n',
        o.Data.Domain, o.SeenGiven ? o.Seen.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) : "", o.Data.RawText);

    protected override async Task<BatchResult> StoreAsync(SightlineDb db, IReadOnlyList<WhoisObservation> batch, CancellationToken cancellationToken)
    {
        var domains = batch.Select(o => o.Data.Domain).Distinct(StringComparer.Ordinal).ToList();
        var versions = (await db.WhoisRecords.AsTracking().Where(r => domains.Contains(r.HostId)).ToListAsync(cancellationToken))
            .GroupBy(r => r.HostId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var touched = new Dictionary<string, WhoisRecord>(StringComparer.Ordinal);
        var hosts = new HostUpserter();
        long merged = 0;
        foreach (var o in batch.OrderBy(o => o.Seen))
        {
            var domain = o.Data.Domain;
            var known = versions.TryGetValue(domain, out var list) ? list : versions[domain] = [];
            var id = WhoisVersion.Id(o.Data);
            if (known.Find(v => v.Id == id) is { } version)
            {
                WhoisVersion.Widen(version, o.Seen);
                merged++;
            }
            else
            {
                version = WhoisVersion.Create(id, o);
                known.Add(version);
                db.WhoisRecords.Add(version);
            }
            touched[domain] = version;
            hosts.See(domain, o.Seen, o.Seen);
            foreach (var nameserver in o.Data.NameServers)
            {
                hosts.See(nameserver, o.Seen, o.Seen);
            }
        }
        await hosts.ApplyAsync(db, cancellationToken);
        foreach (var (domain, version) in touched)
        {
            var current = ElectCurrent(versions[domain], version);
            var host = db.Hosts.Local.First(h => h.Id == domain);
            host.Registrar = current.Registrar?.Name;
            host.Registrant = WhoisVersion.RegistrantName(current);
        }
        return new BatchResult(batch.Count, merged, 0);
    }

    /// <summary>
    /// Exactly one version is current: the one seen last; on a tie the one this import touched (the newest word),
    /// then the one updated last.
    /// </summary>
    private static WhoisRecord ElectCurrent(List<WhoisRecord> versions, WhoisRecord touched)
    {
        var current = versions
            .OrderByDescending(v => v.LastSeenDateTime)
            .ThenByDescending(v => ReferenceEquals(v, touched))
            .ThenByDescending(v => v.LastUpdateDateTime)
            .ThenBy(v => v.Id, StringComparer.Ordinal)
            .First();
        foreach (var version in versions)
        {
            var isCurrent = ReferenceEquals(version, current);
            if (version.IsCurrent != isCurrent)
            {
                version.IsCurrent = isCurrent;
            }
        }
        return current;
    }

    private static (DateTimeOffset Seen, bool Given, string? Error) Seen(IReadOnlyDictionary<string, string> settings)
    {
        if (settings.GetValueOrDefault("seen") is not { Length: > 0 } text)
        {
            var now = DateTimeOffset.UtcNow;
            return (now.AddTicks(-(now.Ticks % TimeSpan.TicksPerSecond)), false, null);
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var seen)
            ? (seen, true, null)
            : (default, false, $"the setting seen='{text}' is not a time: write it in ISO 8601, e.g. 2026-10-01T00:00:00Z");
    }

    // The keys that open or fill nearly every response: ICANN "Domain Name:", RIPE-style "domain:", "nserver:",
    // "Registrar:", JPRS "[Domain Name]", or a "% ... whois" comment banner.
    [GeneratedRegex(@"^\s*(?:(?:domain(?:\s*name)?|registrar|registrant|nserver|name\s*servers?)\s*\.*:|\[domain name\]|%.*\bwhois\b)",
        RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex WhoisKeyRegex();
}
