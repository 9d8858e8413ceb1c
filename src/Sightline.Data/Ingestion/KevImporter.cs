using System.Globalization;
using System.Text;
using Sightline.Data.Entities;
using Sightline.Parsers.Common;
using Sightline.Parsers.Cve;
using static Sightline.Data.Ingestion.VulnerabilityRules;

namespace Sightline.Data.Ingestion;

/// <summary>
/// CISA's Known Exploited Vulnerabilities catalog: every listed CVE is exploited in the wild, so its vulnerability
/// gets <c>activeExploitsObserved</c> and <c>exploitsAvailable</c>, KEV's required action (with its due date) as the
/// remediation, KEV's CWEs, chatter when ransomware campaigns use it, and a recomputed priority score. A CVE not yet
/// stored gets the demo's minimal KEV-only vulnerability (no CVSS, so severity none) and one component,
/// "vendor product"; a later CVE record replaces that with the full data.
/// </summary>
internal sealed class KevImporter : BatchImporter<KevEntry>
{
    public override string Format => "kev";

    public override bool Recognises(string extension, string head) =>
        head.StartsWith('{')
        && (head.Contains("\"catalogVersion\"", StringComparison.Ordinal)
            || (head.Contains("\"vulnerabilities\"", StringComparison.Ordinal) && head.Contains("\"cveID\"", StringComparison.Ordinal)));

    protected override IEnumerable<Parsed<KevEntry>> Parse(Stream input, ImportContext context) => KevCatalogReader.Read(input);

    // The entry's own fields only: the same entries in the next catalog version are the same batch.
    protected override string Fingerprint(KevEntry e) => string.Join('\t',
        e.CveId, e.VendorProject, e.Product, e.VulnerabilityName ?? "", Date(e.DateAdded), e.ShortDescription ?? "", e.RequiredAction ?? "",
        e.DueDate is { } due ? Date(due) : "", e.KnownRansomwareCampaignUse ? "known" : "unknown", e.Notes ?? "", string.Join(',', e.Cwes));

    protected override async Task<BatchResult> StoreAsync(SightlineDb db, IReadOnlyList<KevEntry> batch, CancellationToken cancellationToken)
    {
        long accepted = 0, merged = 0;
        var entries = new Dictionary<string, KevEntry>(StringComparer.Ordinal);
        foreach (var entry in batch)
        {
            accepted++;
            if (!entries.TryAdd(entry.CveId, entry))
            {
                merged++;
                entries[entry.CveId] = entry;
            }
        }

        var stored = await LoadAsync(db, entries.Keys, cancellationToken);
        var missing = entries.Keys.Where(id => !stored.ContainsKey(id)).ToList();
        var components = await LoadComponentsAsync(db, missing, cancellationToken);
        foreach (var (id, entry) in entries)
        {
            if (stored.TryGetValue(id, out var existing))
            {
                Mark(existing, entry);
                merged++;
                continue;
            }
            var created = Minimal(entry);
            Mark(created, entry);
            db.Vulnerabilities.Add(created);
            var component = Component(id, (entry.VendorProject + " " + entry.Product).Trim());
            if (!components[id].Any(c => string.Equals(c.Id, component.Id, StringComparison.Ordinal)))
            {
                db.VulnerabilityComponents.Add(component);
            }
        }
        return new BatchResult(accepted, merged, 0);
    }

    /// <summary>What being listed in KEV means for any vulnerability, stored or new.</summary>
    private static void Mark(Vulnerability v, KevEntry e)
    {
        v.ActiveExploitsObserved = true;
        v.ExploitsAvailable = true;
        v.HasChatter |= e.KnownRansomwareCampaignUse;
        if (Remediation(e) is { } remediation)
        {
            v.RemediationContent = remediation;
            v.RemediationFormat = ContentFormat.Text;
        }
        var cwes = e.Cwes.Select(c => c.Trim().ToUpperInvariant()).Where(c => c.StartsWith("CWE-", StringComparison.Ordinal));
        v.CommonWeaknessEnumerationIds = [.. v.CommonWeaknessEnumerationIds.Concat(cwes).Distinct(StringComparer.Ordinal)];
        Rescore(v);
    }

    /// <summary>
    /// Whether a row is still the KEV-only placeholder <see cref="Minimal"/> made: no CVSS vector, and created, published
    /// and modified on one KEV calendar day at midnight UTC, which no CVE record's timestamps are. The model keeps no
    /// provenance, so this is how a CVE record knows it may replace the row even when KEV listed the CVE after the
    /// record's last update.
    /// </summary>
    public static bool IsPlaceholder(Vulnerability v) =>
        v.Cvss3.VectorString is null && v.Cvss2.VectorString is null
        && v.CreatedDateTime == v.PublishedDateTime && v.PublishedDateTime == v.LastModifiedDateTime
        && v.LastModifiedDateTime.UtcDateTime.TimeOfDay == TimeSpan.Zero;

    /// <summary>The demo's KEV-only vulnerability: KEV's name and description, its note URLs as references, dated when listed.</summary>
    private static Vulnerability Minimal(KevEntry e) => new()
    {
        Id = e.CveId,
        Severity = Severity.None,
        DescriptionContent = Describe(e),
        DescriptionFormat = ContentFormat.Text,
        References = [.. e.NoteUrls.Distinct(StringComparer.Ordinal).Select(u => Link(u, null))],
        CreatedDateTime = e.DateAdded,
        LastModifiedDateTime = e.DateAdded,
        PublishedDateTime = e.DateAdded,
    };

    private static string Describe(KevEntry e) => (e.VulnerabilityName, e.ShortDescription) switch
    {
        ({ Length: > 0 } name, { Length: > 0 } text) => name + ". " + text,
        ({ Length: > 0 } name, _) => name,
        (_, var text) => text ?? "",
    };

    /// <summary>KEV's required action and the date federal agencies must have applied it by.</summary>
    private static string? Remediation(KevEntry e)
    {
        var text = new StringBuilder(e.RequiredAction?.Trim() ?? "");
        if (e.DueDate is { } due)
        {
            text.Append(text.Length > 0 ? " " : "").Append("Due date: ").Append(Date(due)).Append('.');
        }
        return text.Length > 0 ? text.ToString() : null;
    }

    private static string Date(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
