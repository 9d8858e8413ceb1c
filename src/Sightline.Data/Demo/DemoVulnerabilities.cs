using System.Text.Json;
using System.Text.RegularExpressions;
using Sightline.Data.Entities;

namespace Sightline.Data.Demo;

/// <summary>
/// Vulnerabilities from CISA vulnrichment CVE JSON 5.1 records (CC0) and the KEV catalog, plus KEV-only entries
/// for CVEs that a Unit 42 article names. Articles naming a CVE are linked to it.
/// </summary>
internal static partial class DemoVulnerabilities
{
    public static void Add(DemoBuilder b)
    {
        var kev = DemoKev.Catalog();
        foreach (var name in DemoResources.Names("cve", ".json"))
        {
            using var record = DemoResources.Json(name);
            var vulnerability = DemoCveRecord.Build(b, record.RootElement, kev);
            if (vulnerability is not null && b.Claim("vulnerability", vulnerability.Id))
            {
                b.Vulnerabilities.Add(vulnerability);
            }
        }

        AddKevOnly(b, kev);
        LinkArticles(b);
    }

    /// <summary>
    /// Priority score, 0 to 100: round(CVSS 3 base score x 7), plus 20 when CISA KEV lists the CVE as exploited in
    /// the wild, plus 10 when exploits are available, plus 5 when articles discuss it (chatter); capped at 100.
    /// </summary>
    public static int PriorityScore(double cvss3, bool activelyExploited, bool exploitsAvailable, bool hasChatter) =>
        Math.Min(100, (int)Math.Round(cvss3 * 7, MidpointRounding.AwayFromZero)
            + (activelyExploited ? 20 : 0) + (exploitsAvailable ? 10 : 0) + (hasChatter ? 5 : 0));

    public static Severity SeverityOf(string? name, double score) => name?.ToUpperInvariant() switch
    {
        "CRITICAL" => Severity.Critical,
        "HIGH" => Severity.High,
        "MEDIUM" => Severity.Medium,
        "LOW" => Severity.Low,
        "NONE" => Severity.None,
        _ => score switch
        {
            >= 9.0 => Severity.Critical,
            >= 7.0 => Severity.High,
            >= 4.0 => Severity.Medium,
            > 0 => Severity.Low,
            _ => Severity.None,
        },
    };

    public static void AddComponent(DemoBuilder b, string cveId, string name)
    {
        var id = GraphIds.Compose(cveId.ToLowerInvariant(), name);
        if (b.Claim("vulnerability-component:" + cveId, id))
        {
            b.Add(new VulnerabilityComponent { VulnerabilityId = cveId, Id = id, Name = name });
        }
    }

    /// <summary>CVEs named by an article but missing from the CVE records: described from KEV and its CVSS 3 score.</summary>
    private static void AddKevOnly(DemoBuilder b, Dictionary<string, KevEntry> kev)
    {
        var scores = DemoKev.Cvss3Scores();
        var known = b.Vulnerabilities.Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        var named = b.Articles.SelectMany(a => MentionedCves(a)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        foreach (var cveId in named.Where(id => !known.Contains(id) && kev.ContainsKey(id)))
        {
            var entry = kev[cveId];
            var score = scores.GetValueOrDefault(cveId);
            var published = entry.DateAdded ?? DemoBuilder.BaseDate;
            b.Vulnerabilities.Add(new Vulnerability
            {
                Id = cveId,
                Severity = SeverityOf(null, score),
                PriorityScore = PriorityScore(score, true, true, false),
                Cvss3 = new CvssSummary { Score = score, Severity = score > 0 ? SeverityOf(null, score) : null },
                CommonWeaknessEnumerationIds = [.. entry.Cwes],
                DescriptionContent = entry.Name + ". " + entry.Description,
                DescriptionFormat = ContentFormat.Text,
                RemediationContent = entry.RequiredAction,
                RemediationFormat = ContentFormat.Text,
                References = [.. entry.NoteUrls.Select(DemoCveRecord.Link)],
                ExploitsAvailable = true,
                ActiveExploitsObserved = true,
                HasChatter = entry.RansomwareUse,
                CreatedDateTime = published,
                LastModifiedDateTime = published,
                PublishedDateTime = published,
            });
            AddComponent(b, cveId, (entry.Vendor + " " + entry.Product).Trim());
        }
    }

    private static void LinkArticles(DemoBuilder b)
    {
        var byId = b.Vulnerabilities.ToDictionary(v => v.Id, StringComparer.Ordinal);
        foreach (var article in b.Articles)
        {
            foreach (var cveId in MentionedCves(article).Where(byId.ContainsKey))
            {
                if (b.Claim("vulnerability-article", cveId + "|" + article.Id))
                {
                    b.Add(new VulnerabilityArticle { VulnerabilityId = cveId, ArticleId = article.Id });
                    var v = byId[cveId];
                    v.HasChatter = true;
                    v.PriorityScore = PriorityScore(v.Cvss3.Score, v.ActiveExploitsObserved, v.ExploitsAvailable, true);
                }
            }
        }
    }

    private static IEnumerable<string> MentionedCves(Article article) =>
        CveId().Matches(article.Title + "\n" + article.SummaryContent)
            .Select(m => m.Value.ToUpperInvariant())
            .Distinct(StringComparer.Ordinal);

    [GeneratedRegex(@"CVE-\d{4}-\d{4,7}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CveId();
}
