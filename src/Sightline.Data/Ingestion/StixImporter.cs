using System.Globalization;
using System.Text.RegularExpressions;
using Sightline.Data.Entities;
using Sightline.Parsers.Common;
using Sightline.Parsers.Stix;

namespace Sightline.Data.Ingestion;

/// <summary>
/// Format settings: <c>source</c> (<c>public</c> by default, <c>osint</c>, <c>microsoft</c>) for the indicators,
/// <c>tag</c> added to every article's tags and <c>credit</c>, a markdown line ending every article body (the demo
/// imports Unit 42 playbooks with <c>tag=Unit 42</c> and their licence credit), and <c>profiles=described</c> to make
/// profiles only of the intrusion sets, malware and tools that have a description (a subset of ATT&amp;CK carries the
/// bare names of the software its groups use, which name relationship targets but would be empty profiles).
/// </summary>
internal sealed record StixImportSettings(IndicatorSource Source, IReadOnlyList<string> Tags, string? Credit)
{
    public bool DescribedProfilesOnly { get; init; }

    public static StixImportSettings From(IReadOnlyDictionary<string, string> settings) => new(
        settings.TryGetValue("source", out var source) && Enum.TryParse<IndicatorSource>(source, ignoreCase: true, out var parsed) ? parsed : IndicatorSource.Public,
        settings.TryGetValue("tag", out var tag) && tag.Trim().Length > 0 ? [tag.Trim()] : [],
        settings.TryGetValue("credit", out var credit) && credit.Trim().Length > 0 ? credit.Trim() : null)
    {
        DescribedProfilesOnly = settings.TryGetValue("profiles", out var profiles) && string.Equals(profiles.Trim(), "described", StringComparison.OrdinalIgnoreCase),
    };
}

/// <summary>
/// STIX 2.0 and 2.1 bundles (MITRE ATT&amp;CK, Unit 42 playbooks...) into intel profiles, articles and their
/// indicators; see <see cref="StixProfiles"/>, <see cref="StixArticles"/> and <see cref="StixProfileIndicators"/>.
/// A bundle's objects refer to each other (a report lists its indicators, a relationship ties an indicator to an
/// actor), so the whole bundle is one batch: it is stored atomically with one ledger row, a malformed object
/// rejects the whole bundle (with the default of no tolerated errors), and importing it again is a no-op.
/// </summary>
internal sealed partial class StixImporter : BatchImporter<StixObject>, IImporter
{
    private StixImportSettings _settings = StixImportSettings.From(new Dictionary<string, string>());

    public override string Format => "stix";

    public override bool Recognises(string extension, string head) =>
        extension == ".stix" || (head.StartsWith('{') && (BundleType().IsMatch(head) || (head.Contains("\"objects\"", StringComparison.Ordinal) && StixId().IsMatch(head))));

    /// <summary>
    /// Runs the shared pipeline with the whole bundle as its one batch, whatever batch size was asked for: cutting a
    /// bundle would store reports apart from the indicators and relationships they refer to. The importer is
    /// re-implemented here because the base's <c>ImportAsync</c> is not virtual.
    /// </summary>
    public new Task<ImportReport> ImportAsync(SightlineDb db, Stream input, ImportContext context, CancellationToken cancellationToken = default) =>
        base.ImportAsync(db, input, context with { Options = context.Options with { BatchSize = int.MaxValue } }, cancellationToken);

    protected override IEnumerable<Parsed<StixObject>> Parse(Stream input, ImportContext context)
    {
        // Parse runs before the one StoreAsync of the import, on this import's own instance.
        _settings = StixImportSettings.From(context.Settings);
        return StixBundleReader.Read(input);
    }

    protected override string Fingerprint(StixObject o) => string.Join('\t', new[]
    {
        o.Type, o.Id, Time(o.Created), Time(o.Modified), o.Revoked ? "revoked" : "", o.Deprecated ? "deprecated" : "",
        string.Join('|', o.Labels), string.Join('|', o.ExternalReferences.Select(r => $"{r.SourceName}:{r.ExternalId}:{r.Url}")),
    }.Concat(Content(o)));

    protected override async Task<BatchResult> StoreAsync(SightlineDb db, IReadOnlyList<StixObject> batch, CancellationToken cancellationToken)
    {
        var bundle = new StixBundle(batch);
        var hosts = new HostUpserter();
        var writer = new StixWriter(db, hosts);

        var profileObjects = bundle.Objects.Where(o => StixBundle.IsProfile(o) && StixBundle.IsLive(o))
            .Where(o => !_settings.DescribedProfilesOnly || !string.IsNullOrWhiteSpace(Description(o)))
            .ToList();
        var profiles = profileObjects.Select(o => StixProfiles.Build(o, bundle)).ToList();
        var updatedProfiles = await writer.SaveProfilesAsync(profiles, cancellationToken);

        var reports = bundle.Objects.OfType<StixReport>().Where(r => StixBundle.IsLive(r) && StixArticles.IsArticle(r)).ToList();
        var (updatedArticles, olderArticles) = await writer.SaveArticlesAsync(reports.Select(r => StixArticles.Build(r, bundle, _settings)).ToList(), cancellationToken);

        var links = StixProfileIndicators.Links(bundle).ToList();
        var known = profiles.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        // An indicator may point at a profile an earlier bundle brought (not at a revoked one this bundle holds).
        var elsewhere = links.Select(l => l.ProfileStixId).Where(id => !bundle.Holds(id))
            .Select(StixProfiles.ProfileId).Distinct(StringComparer.Ordinal).ToList();
        known.UnionWith(await writer.StoredProfilesAsync(elsewhere, cancellationToken));
        var widened = await writer.SaveProfileIndicatorsAsync(StixProfileIndicators.Rows(links, known, _settings.Source), cancellationToken);

        await hosts.ApplyAsync(db, cancellationToken);
        var ignored = batch.LongCount(o => IsIgnored(o, bundle, olderArticles));
        var merged = updatedProfiles + updatedArticles.Count + widened.Count;
        return new BatchResult(batch.Count - ignored, merged, ignored);
    }

    /// <summary>
    /// Not stored and not used: an older copy of an object the bundle holds again, a revoked or deprecated object,
    /// a report without text (or older than the stored article), and types nothing is built from.
    /// </summary>
    private static bool IsIgnored(StixObject o, StixBundle bundle, HashSet<string> olderArticles) =>
        !bundle.IsCurrent(o) || !StixBundle.IsLive(o) || o is StixOther
        || (o is StixReport report && (!StixArticles.IsArticle(report) || olderArticles.Contains(StixArticles.ArticleId(report.Id))));

    private static IEnumerable<string> Content(StixObject o) => o switch
    {
        StixIntrusionSet s => [s.Name, s.Description ?? "", string.Join('|', s.Aliases), Time(s.FirstSeen), Time(s.LastSeen)],
        StixMalware m => [m.Name, m.Description ?? "", string.Join('|', m.Aliases), Time(m.FirstSeen), Time(m.LastSeen)],
        StixTool t => [t.Name, t.Description ?? "", string.Join('|', t.Aliases), Time(t.FirstSeen), Time(t.LastSeen)],
        StixReport r => [r.Name, r.Description ?? "", Time(r.Published), string.Join('|', r.ObjectRefs)],
        StixIndicator i => [i.Name ?? "", i.Pattern, i.PatternType, Time(i.ValidFrom), Time(i.ValidUntil)],
        StixRelationship r => [r.RelationshipType, r.SourceRef, r.TargetRef, r.Description ?? ""],
        StixCampaign c => [c.Name, c.Description ?? "", Time(c.FirstSeen), Time(c.LastSeen)],
        StixIdentity i => [i.Name, string.Join('|', i.Sectors), string.Join('|', i.Countries)],
        StixLocation l => [l.Name ?? "", l.Country ?? "", l.Region ?? ""],
        StixAttackPattern a => [a.Name, a.TechniqueId ?? "", a.Description ?? ""],
        StixOther x => [x.Name ?? ""],
        _ => [],
    };

    private static string? Description(StixObject o) => o switch
    {
        StixIntrusionSet s => s.Description,
        StixMalware m => m.Description,
        StixTool t => t.Description,
        _ => null,
    };

    private static string Time(DateTimeOffset? value) => value?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) ?? "";

    [GeneratedRegex("\"type\"\\s*:\\s*\"bundle\"", RegexOptions.CultureInvariant)]
    private static partial Regex BundleType();

    // Bundles that put "objects" first: their objects' ids are type--uuid.
    [GeneratedRegex("\"id\"\\s*:\\s*\"[a-z][a-z0-9-]*--[0-9a-f]{8}-", RegexOptions.CultureInvariant)]
    private static partial Regex StixId();
}
