using System.Globalization;
using System.Text;
using Sightline.Data.Entities;
using Sightline.Parsers.Common;
using Sightline.Parsers.Cve;
using static Sightline.Data.Ingestion.VulnerabilityRules;

namespace Sightline.Data.Ingestion;

/// <summary>
/// EPSS scores (FIRST's daily CSV, or KEV_EPSS's <c>epss_kev_nvd.csv</c>). The EPSS probability itself is not
/// stored: the entity has no field for it and the priority score is the demo's formula (CVSS 3 x 7 + 20 exploited
/// + 10 exploits + 5 chatter, capped at 100), which already spends its whole range and which the demo shares, so an
/// EPSS term would make imported and demo scores disagree. What a row can give is the NVD CVSS 3 base score of
/// the KEV_EPSS layout: it fills <c>cvss3Summary.score</c> (and the severity) of a stored vulnerability that has no
/// CVSS 3 yet, as the demo does for KEV-only CVEs, and the priority score is recomputed. Every other row, and
/// every row for a CVE not stored, is counted as ignored; EPSS never creates a vulnerability.
/// </summary>
internal sealed class EpssImporter : BatchImporter<EpssScore>
{
    public override string Format => "epss";

    /// <summary>The first line that is not a <c>#</c> comment names the cve, epss and percentile columns.</summary>
    public override bool Recognises(string extension, string head)
    {
        var header = head.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#'));
        return header is not null && EpssColumns.FromHeader([.. header.Split(',').Select(c => c.Trim().Trim('"'))]) is not null;
    }

    protected override IEnumerable<Parsed<EpssScore>> Parse(Stream input, ImportContext context) =>
        EpssCsvReader.Read(new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16));

    protected override string Fingerprint(EpssScore s) => string.Join('\t',
        s.Cve, Number(s.Epss), Number(s.Percentile), s.ScoreDate?.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) ?? "",
        s.ModelVersion ?? "", s.Cvss3 is { } cvss ? Number(cvss) : "");

    protected override async Task<BatchResult> StoreAsync(SightlineDb db, IReadOnlyList<EpssScore> batch, CancellationToken cancellationToken)
    {
        // The last row for a CVE wins, as in a file that was appended to.
        var rows = new Dictionary<string, EpssScore>(StringComparer.Ordinal);
        foreach (var row in batch)
        {
            rows[row.Cve] = row;
        }
        var scored = rows.Values.Where(r => r.Cvss3 is > 0).Select(r => r.Cve).ToList();
        var stored = await LoadAsync(db, scored, cancellationToken);
        long filled = 0;
        foreach (var id in scored)
        {
            if (stored.TryGetValue(id, out var v) && Lacks(v.Cvss3))
            {
                Fill(v, rows[id].Cvss3!.Value);
                filled++;
            }
        }
        return new BatchResult(filled, filled, batch.Count - filled);
    }

    private static void Fill(Vulnerability v, double cvss3)
    {
        v.Cvss3 = Summary(cvss3);
        v.Severity = SeverityOf(v.Cvss3, v.Cvss2);
        Rescore(v);
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
