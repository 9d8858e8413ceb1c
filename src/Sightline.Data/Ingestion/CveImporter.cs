using System.Text.Json;
using Sightline.Data.Entities;
using Sightline.Parsers.Common;
using Sightline.Parsers.Cve;
using static Sightline.Data.Ingestion.VulnerabilityRules;

namespace Sightline.Data.Ingestion;

/// <summary>
/// CVE JSON 5.x records (one per file, an array, or one per line) into <see cref="Vulnerability"/> rows and their
/// <see cref="VulnerabilityComponent"/>s. A record updated later than the stored row (<c>dateUpdated</c>), or any
/// record for a KEV-only placeholder, replaces its fields and its component set; an older or equal one only fills
/// what the row still lacks, so importing an old copy never rolls a vulnerability back. Exploitation flags only
/// ever turn on and CWE ids only accumulate (a KEV import may have set them), and a remediation already stored
/// (KEV's required action) is kept. Rejected CVEs are ignored.
/// </summary>
internal sealed class CveImporter : BatchImporter<CveRecordData>
{
    private static readonly JsonSerializerOptions _fingerprintJson = new() { WriteIndented = false };

    public override string Format => "cve";

    public override bool Recognises(string extension, string head) =>
        (head.StartsWith('{') || head.StartsWith('['))
        && (head.Contains("\"CVE_RECORD\"", StringComparison.Ordinal) || head.Contains("\"cveMetadata\"", StringComparison.Ordinal));

    protected override IEnumerable<Parsed<CveRecordData>> Parse(Stream input, ImportContext context) => CveRecordReader.Read(input);

    // Every mapped field, so a corrected record with the same dateUpdated is still a different batch.
    protected override string Fingerprint(CveRecordData record) => JsonSerializer.Serialize(record, _fingerprintJson);

    protected override async Task<BatchResult> StoreAsync(SightlineDb db, IReadOnlyList<CveRecordData> batch, CancellationToken cancellationToken)
    {
        long accepted = 0, merged = 0, ignored = 0;
        var latest = new Dictionary<string, CveRecordData>(StringComparer.Ordinal);
        foreach (var record in batch)
        {
            if (!string.Equals(record.State, "PUBLISHED", StringComparison.Ordinal))
            {
                ignored++;
                continue;
            }
            accepted++;
            if (latest.TryGetValue(record.Id, out var other))
            {
                merged++;
                latest[record.Id] = Updated(record) >= Updated(other) ? record : other;
                continue;
            }
            latest[record.Id] = record;
        }

        var stored = await LoadAsync(db, latest.Keys, cancellationToken);
        var components = await LoadComponentsAsync(db, latest.Keys, cancellationToken);
        foreach (var (id, record) in latest)
        {
            if (!stored.TryGetValue(id, out var existing))
            {
                var created = Create(record);
                Rescore(created);
                db.Vulnerabilities.Add(created);
                SyncComponents(db, id, components[id], record.ComponentNames, replace: false);
                continue;
            }
            merged++;
            var newer = KevImporter.IsPlaceholder(existing) || Updated(record) > existing.LastModifiedDateTime;
            if (newer)
            {
                Replace(existing, record);
            }
            else
            {
                FillGaps(existing, record);
            }
            if (newer || !components[id].Any())
            {
                SyncComponents(db, id, components[id], record.ComponentNames, replace: newer);
            }
            Rescore(existing);
        }
        return new BatchResult(accepted, merged, ignored);
    }

    private static DateTimeOffset Updated(CveRecordData r) => r.DateUpdated ?? r.DatePublished ?? DateTimeOffset.MinValue;

    private static DateTimeOffset Published(CveRecordData r) => r.DatePublished ?? r.DateReserved ?? r.DateUpdated ?? DateTimeOffset.UnixEpoch;

    private static Vulnerability Create(CveRecordData r)
    {
        var v = new Vulnerability { Id = r.Id, RemediationContent = VendorRemediation, RemediationFormat = ContentFormat.Text };
        Replace(v, r);
        return v;
    }

    /// <summary>Takes every field the record gives; exploitation flags and a stored remediation are kept.</summary>
    private static void Replace(Vulnerability v, CveRecordData r)
    {
        v.Cvss3 = Summary(r.Cvss3);
        v.Cvss2 = Summary(r.Cvss2);
        v.Severity = SeverityOf(v.Cvss3, v.Cvss2);
        // CWE ids accumulate: KEV adds its own, and a ledger-skipped KEV re-import could not restore them.
        v.CommonWeaknessEnumerationIds = [.. r.CweIds.Concat(v.CommonWeaknessEnumerationIds).Distinct(StringComparer.Ordinal)];
        SetDescription(v, r.Description);
        v.References = [.. r.References.Select(x => Link(x.Url, x.Name))];
        v.Exploits = [.. r.References.Where(x => x.IsExploit).Select(x => Link(x.Url, x.Name))];
        v.ExploitsAvailable |= ExploitsAvailable(r);
        v.ActiveExploitsObserved |= ActivelyExploited(r);
        v.RemediationContent ??= VendorRemediation;
        v.CreatedDateTime = Published(r);
        v.PublishedDateTime = Published(r);
        v.LastModifiedDateTime = Updated(r) == DateTimeOffset.MinValue ? Published(r) : Updated(r);
    }

    /// <summary>An older (or the same) version of the record: it only supplies what the stored row lacks.</summary>
    private static void FillGaps(Vulnerability v, CveRecordData r)
    {
        if (Lacks(v.Cvss3) && r.Cvss3 is not null)
        {
            v.Cvss3 = Summary(r.Cvss3);
        }
        if (Lacks(v.Cvss2) && r.Cvss2 is not null)
        {
            v.Cvss2 = Summary(r.Cvss2);
        }
        if (v.Severity == Severity.None)
        {
            v.Severity = SeverityOf(v.Cvss3, v.Cvss2);
        }
        if (v.CommonWeaknessEnumerationIds.Count == 0 && r.CweIds.Count > 0)
        {
            v.CommonWeaknessEnumerationIds = [.. r.CweIds];
        }
        if (string.IsNullOrEmpty(v.DescriptionContent))
        {
            SetDescription(v, r.Description);
        }
        if (v.References.Count == 0 && r.References.Count > 0)
        {
            v.References = [.. r.References.Select(x => Link(x.Url, x.Name))];
        }
        if (v.Exploits.Count == 0 && r.References.Any(x => x.IsExploit))
        {
            v.Exploits = [.. r.References.Where(x => x.IsExploit).Select(x => Link(x.Url, x.Name))];
        }
        // Exploitation seen in any version of the record stays a fact.
        v.ExploitsAvailable |= ExploitsAvailable(r);
        v.ActiveExploitsObserved |= ActivelyExploited(r);
    }

    private static void SetDescription(Vulnerability v, string? description)
    {
        v.DescriptionContent = description ?? "";
        v.DescriptionFormat = FormatOf(v.DescriptionContent);
    }

    /// <summary>CISA's ADP lists the CVE in KEV, or its SSVC decision says exploitation is active.</summary>
    private static bool ActivelyExploited(CveRecordData r) => r.Kev is not null || r.SsvcExploitation == "active";

    /// <summary>
    /// A reference tagged exploit, SSVC exploitation <c>poc</c> or <c>active</c>, or a KEV listing (the demo's rule:
    /// exploitation observed in the wild implies an exploit exists).
    /// </summary>
    private static bool ExploitsAvailable(CveRecordData r) =>
        ActivelyExploited(r) || r.SsvcExploitation == "poc" || r.References.Any(x => x.IsExploit);

    /// <summary>Adds the named components that are missing; with <paramref name="replace"/> also drops those no longer named.</summary>
    private static void SyncComponents(SightlineDb db, string cveId, IEnumerable<VulnerabilityComponent> stored, IReadOnlyList<string> names, bool replace)
    {
        var wanted = names.Select(n => Component(cveId, n)).DistinctBy(c => c.Id, StringComparer.Ordinal).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var have = stored.ToDictionary(c => c.Id, StringComparer.Ordinal);
        if (replace)
        {
            db.VulnerabilityComponents.RemoveRange(have.Values.Where(c => !wanted.ContainsKey(c.Id)));
        }
        db.VulnerabilityComponents.AddRange(wanted.Values.Where(c => !have.ContainsKey(c.Id)));
    }
}
