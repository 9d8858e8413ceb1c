using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Sightline.Data.Entities;
using Sightline.Parsers.Common;
using Sightline.Parsers.Har;

namespace Sightline.Data.Ingestion;

/// <summary>
/// HAR 1.2 web crawls into what they show about each host: <see cref="HostComponent"/> (web technologies),
/// <see cref="HostTracker"/> (analytics and ad ids), <see cref="HostCookie"/> and <see cref="HostPair"/>
/// (redirects and the hosts a page loads from). Ids follow the demo dataset's rules; the same observation seen
/// again (another page, another crawl) widens the row's first and last seen instead of adding a row.
/// </summary>
internal sealed class HarImporter : BatchImporter<HarObservation>
{
    public override string Format => "har";

    /// <summary>
    /// A <c>.har</c> file, or a JSON object whose head names <c>log</c> and also <c>entries</c> or <c>creator</c>
    /// (a browser export starts <c>{"log":{"version":"1.2","creator":{...</c>, so entries may lie past the head).
    /// </summary>
    public override bool Recognises(string extension, string head) =>
        extension == ".har"
        || (head.StartsWith('{')
            && head.Contains("\"log\"", StringComparison.Ordinal)
            && (head.Contains("\"entries\"", StringComparison.Ordinal) || head.Contains("\"creator\"", StringComparison.Ordinal)));

    // HarReader streams log.entries one entry at a time; the base class cuts the observations into bounded batches.
    protected override IEnumerable<Parsed<HarObservation>> Parse(Stream input, ImportContext context) => HarReader.Read(input);

    protected override string Fingerprint(HarObservation record)
    {
        var seen = record.Seen.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return record switch
        {
            HarComponentObservation c => string.Join('\t', "component", c.Host, c.Name, c.Version, c.Category, seen),
            HarTrackerObservation t => string.Join('\t', "tracker", t.Host, t.Kind, t.Value, seen),
            HarCookieObservation k => string.Join('\t', "cookie", k.Host, k.Name, k.Domain, seen),
            HarHostPairObservation p => string.Join('\t', "pair", p.ParentHost, p.ChildHost, p.LinkKind, seen),
            _ => throw new ArgumentException("Unknown HAR observation.", nameof(record)),
        };
    }

    protected override async Task<BatchResult> StoreAsync(SightlineDb db, IReadOnlyList<HarObservation> batch, CancellationToken cancellationToken)
    {
        var rows = new HarRows();
        var hosts = new HostUpserter();
        foreach (var observation in batch)
        {
            rows.Add(observation, hosts);
        }
        var merged = rows.MergedInBatch;
        merged += await MergeAsync(db.HostComponents, rows.Components, c => c.Id, WidenComponent, cancellationToken);
        merged += await MergeAsync(db.HostTrackers, rows.Trackers, t => t.Id, WidenTracker, cancellationToken);
        merged += await MergeAsync(db.HostCookies, rows.Cookies, k => k.Id, WidenCookie, cancellationToken);
        merged += await MergeAsync(db.HostPairs, rows.Pairs, p => p.Id, WidenPair, cancellationToken);
        await hosts.ApplyAsync(db, cancellationToken);
        return new BatchResult(batch.Count, merged, 0);
    }

    /// <summary>
    /// Loads the stored rows of one entity with one query, widens those that exist and adds the rest; returns how
    /// many rows merged into stored ones. The four entities share no interface, so the key is read through EF.
    /// </summary>
    private static async Task<long> MergeAsync<TEntity>(DbSet<TEntity> set, Dictionary<string, TEntity> rows, Func<TEntity, string> idOf,
        Action<TEntity, TEntity> widen, CancellationToken cancellationToken) where TEntity : class
    {
        if (rows.Count == 0)
        {
            return 0;
        }
        var ids = rows.Keys.ToList();
        var stored = await set.AsTracking().Where(r => ids.Contains(EF.Property<string>(r, "Id")))
            .ToDictionaryAsync(idOf, StringComparer.Ordinal, cancellationToken);
        long merged = 0;
        foreach (var (id, row) in rows)
        {
            if (stored.TryGetValue(id, out var existing))
            {
                widen(existing, row);
                merged++;
            }
            else
            {
                set.Add(row);
            }
        }
        return merged;
    }

    internal static void WidenComponent(HostComponent row, HostComponent other) =>
        (row.FirstSeenDateTime, row.LastSeenDateTime) = Widen(row.FirstSeenDateTime, row.LastSeenDateTime, other.FirstSeenDateTime, other.LastSeenDateTime);

    internal static void WidenTracker(HostTracker row, HostTracker other) =>
        (row.FirstSeenDateTime, row.LastSeenDateTime) = Widen(row.FirstSeenDateTime, row.LastSeenDateTime, other.FirstSeenDateTime, other.LastSeenDateTime);

    internal static void WidenCookie(HostCookie row, HostCookie other) =>
        (row.FirstSeenDateTime, row.LastSeenDateTime) = Widen(row.FirstSeenDateTime, row.LastSeenDateTime, other.FirstSeenDateTime, other.LastSeenDateTime);

    internal static void WidenPair(HostPair row, HostPair other)
    {
        row.FirstSeenDateTime = HostUpserter.Min(row.FirstSeenDateTime, other.FirstSeenDateTime);
        row.LastSeenDateTime = HostUpserter.Max(row.LastSeenDateTime, other.LastSeenDateTime);
    }

    private static (DateTimeOffset First, DateTimeOffset Last) Widen(DateTimeOffset first, DateTimeOffset last, DateTimeOffset otherFirst, DateTimeOffset otherLast) =>
        (otherFirst < first ? otherFirst : first, otherLast > last ? otherLast : last);
}

/// <summary>One batch's observations folded into rows by id, so a host seen on many pages gives one row per fact.</summary>
internal sealed class HarRows
{
    public Dictionary<string, HostComponent> Components { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, HostTracker> Trackers { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, HostCookie> Cookies { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, HostPair> Pairs { get; } = new(StringComparer.Ordinal);

    /// <summary>Observations that widened a row an earlier observation of the same batch made.</summary>
    public long MergedInBatch { get; private set; }

    public void Add(HarObservation observation, HostUpserter hosts)
    {
        var seen = observation.Seen.ToUniversalTime();
        switch (observation)
        {
            case HarComponentObservation c:
                // Same rule as the demo: name, version, category, host.
                Fold(Components, new HostComponent
                {
                    HostId = c.Host, Id = GraphIds.Compose(c.Name, c.Version, c.Category, c.Host), Name = c.Name, Version = c.Version,
                    Category = c.Category, FirstSeenDateTime = seen, LastSeenDateTime = seen,
                }, r => r.Id, HarImporter.WidenComponent);
                hosts.See(c.Host, seen, seen);
                break;
            case HarTrackerObservation t:
                Fold(Trackers, new HostTracker
                {
                    HostId = t.Host, Id = GraphIds.Compose(t.Value, t.Kind, t.Host), Kind = t.Kind, Value = t.Value,
                    FirstSeenDateTime = seen, LastSeenDateTime = seen,
                }, r => r.Id, HarImporter.WidenTracker);
                hosts.See(t.Host, seen, seen);
                break;
            case HarCookieObservation k:
                Fold(Cookies, new HostCookie
                {
                    HostId = k.Host, Id = GraphIds.Compose(k.Host, k.Name, k.Domain), Name = k.Name, Domain = k.Domain,
                    FirstSeenDateTime = seen, LastSeenDateTime = seen,
                }, r => r.Id, HarImporter.WidenCookie);
                hosts.See(k.Host, seen, seen);
                break;
            case HarHostPairObservation p:
                Fold(Pairs, new HostPair
                {
                    ParentHostId = p.ParentHost, ChildHostId = p.ChildHost, Id = GraphIds.Compose(p.LinkKind, p.ParentHost, p.ChildHost, p.ParentHost),
                    ParentHostKind = KindOf(p.ParentHost), ChildHostKind = KindOf(p.ChildHost), LinkKind = p.LinkKind,
                    FirstSeenDateTime = seen, LastSeenDateTime = seen,
                }, r => r.Id, HarImporter.WidenPair);
                hosts.See(p.ParentHost, seen, seen);
                hosts.See(p.ChildHost, seen, seen);
                break;
        }
    }

    private void Fold<TEntity>(Dictionary<string, TEntity> rows, TEntity row, Func<TEntity, string> idOf, Action<TEntity, TEntity> widen)
    {
        if (rows.TryGetValue(idOf(row), out var existing))
        {
            widen(existing, row);
            MergedInBatch++;
        }
        else
        {
            rows[idOf(row)] = row;
        }
    }

    private static HostKind KindOf(string host) => IPAddress.TryParse(host, out _) ? HostKind.IpAddress : HostKind.Hostname;
}
