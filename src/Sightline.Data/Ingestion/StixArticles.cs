using System.Text;
using Sightline.Data.Entities;
using Sightline.Parsers.Stix;

namespace Sightline.Data.Ingestion;

/// <summary>An article built from a report, with the artifacts of its indicators and the window each host was seen in.</summary>
internal sealed record StixArticle(Article Article, IReadOnlyList<ArticleIndicator> Indicators, IReadOnlyList<(string Host, DateTimeOffset First, DateTimeOffset Last)> Hosts)
{
    /// <summary>The CVE ids the report's name and description name, upper-case.</summary>
    public IReadOnlyList<string> Cves { get; init; } = [];
}

/// <summary>
/// Reports with a description as articles, as follows: the id is the first 8
/// hex digits of the SHA-256 of the report's STIX id, the summary is the description, the body adds a table of the
/// indicators, each artifact is listed once with the id Graph forms from its value, and hosts are seen from the
/// indicator's valid_from to its modified. A report without a description (a Unit 42 playbook's campaign
/// sub-reports) has no text to show and is not an article.
/// </summary>
internal static partial class StixArticles
{
    /// <summary>The first 8 hex digits of the SHA-256 of the report's STIX id (Graph's article ids are 8 hex digits).</summary>
    public static string ArticleId(string stixId) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(stixId)))[..8];

    public static bool IsArticle(StixReport report) => !string.IsNullOrWhiteSpace(report.Description);

    public static StixArticle Build(StixReport report, StixBundle bundle, StixImportSettings settings)
    {
        var id = ArticleId(report.Id);
        var created = report.Published ?? report.Created ?? report.Modified ?? DateTimeOffset.UnixEpoch;
        var summary = report.Description!.Trim();
        var indicators = new Dictionary<string, ArticleIndicator>(StringComparer.Ordinal);
        var rows = new List<StixArtifact>();
        var hosts = new List<(string, DateTimeOffset, DateTimeOffset)>();
        foreach (var indicator in bundle.IndicatorsOf(report))
        {
            var seen = indicator.ValidFrom ?? created;
            foreach (var artifact in StixArtifacts.Of(indicator))
            {
                if (artifact.IsHost)
                {
                    hosts.Add((artifact.Value, seen, indicator.Modified ?? seen));
                }
                if (indicators.TryAdd(artifact.IndicatorId, Indicator(id, artifact, settings.Source)))
                {
                    rows.Add(artifact);
                }
            }
        }
        var article = new Article
        {
            Id = id,
            Title = report.Name.Trim(),
            SummaryContent = summary,
            SummaryFormat = ContentFormat.Text,
            BodyContent = Body(summary, rows, settings.Credit),
            BodyFormat = ContentFormat.Markdown,
            CreatedDateTime = created,
            LastUpdatedDateTime = report.Modified ?? created,
            Tags = [.. report.Labels, .. settings.Tags],
        };
        return new StixArticle(article, [.. indicators.Values], hosts)
        {
            Cves = [.. CveId().Matches(report.Name + "\n" + summary).Select(m => m.Value.ToUpperInvariant()).Distinct(StringComparer.Ordinal)],
        };
    }

    private static ArticleIndicator Indicator(string articleId, StixArtifact artifact, IndicatorSource source) => new()
    {
        ArticleId = articleId,
        Id = artifact.IndicatorId,
        Source = source,
        ArtifactType = artifact.Type,
        ArtifactId = artifact.ArtifactId,
        ArtifactKind = artifact.Kind,
        ArtifactValue = artifact.Value,
    };

    private static string Body(string summary, List<StixArtifact> rows, string? credit)
    {
        var body = new StringBuilder();
        body.Append("## Summary\n\n").Append(summary).Append("\n\n");
        if (rows.Count > 0)
        {
            body.Append("## Indicators of compromise\n\n| Type | Indicator |\n| --- | --- |\n");
            foreach (var artifact in rows)
            {
                var kind = artifact.Type switch
                {
                    ArtifactType.Hostname => "Domain",
                    ArtifactType.IpAddress => "IP address",
                    _ => artifact.Kind ?? "Other",
                };
                body.Append("| ").Append(kind).Append(" | `").Append(artifact.Value.Replace("|", "\\|", StringComparison.Ordinal)).Append("` |\n");
            }
            body.Append('\n');
        }
        if (credit is not null)
        {
            body.Append(credit).Append('\n');
        }
        return body.ToString();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bCVE-\d{4}-\d{4,7}\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex CveId();
}
