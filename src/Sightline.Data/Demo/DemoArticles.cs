using System.Text;
using System.Text.Json;
using Sightline.Data.Entities;

namespace Sightline.Data.Demo;

/// <summary>Articles from the Unit 42 ATOM playbooks (MIT licence), one per bundle, with the bundle's indicators.</summary>
internal static class DemoArticles
{
    private const int MaxIndicators = 40;
    private const int FeaturedCount = 3;

    public static void Add(DemoBuilder b)
    {
        foreach (var name in DemoResources.Names("unit42", ".json"))
        {
            using var bundle = DemoResources.Json(name);
            AddBundle(b, bundle.RootElement);
        }

        DemoSyntheticArticle.Add(b);
        foreach (var article in b.Articles.OrderByDescending(a => a.CreatedDateTime).ThenBy(a => a.Id, StringComparer.Ordinal).Take(FeaturedCount))
        {
            article.IsFeatured = true;
        }
    }

    public static string ArticleId(string key) => DemoHash.Hex(key)[..8];

    private static void AddBundle(DemoBuilder b, JsonElement bundle)
    {
        var objects = bundle.Arr("objects").ToList();
        var report = objects.FirstOrDefault(o => o.Str("type") == "report" && o.Str("description") is not null);
        if (report.ValueKind != JsonValueKind.Object || report.Str("id") is not { } reportId)
        {
            return;
        }

        var id = ArticleId(reportId);
        if (b.Articles.Any(a => a.Id == id))
        {
            return;
        }

        var created = DemoJson.Date(report.Str("published")) ?? DemoJson.Date(report.Str("created")) ?? DemoBuilder.BaseDate;
        var title = (report.Str("name") ?? "Unit 42 report").Trim();
        var summary = report.Str("description")!.Trim();
        var indicators = objects.Where(o => o.Str("type") == "indicator").Take(MaxIndicators).ToList();
        var hosts = new List<string>();
        var rows = new List<(DemoArtifact Artifact, string Label)>();
        foreach (var indicator in indicators)
        {
            if (DemoStixPattern.Parse(indicator.Str("pattern") ?? "") is not { } artifact)
            {
                continue;
            }

            if (artifact.Type != ArtifactType.Unclassified)
            {
                var seen = DemoJson.Date(indicator.Str("valid_from")) ?? created;
                b.EnsureHost(artifact.Value, false, seen, DemoJson.Date(indicator.Str("modified")) ?? seen);
                hosts.Add(artifact.Value);
            }

            if (AddIndicator(b, id, artifact, IndicatorSource.Public))
            {
                rows.Add((artifact, indicator.Str("name") ?? artifact.Value));
            }
        }

        b.Articles.Add(new Article
        {
            Id = id,
            Title = title,
            SummaryContent = summary,
            SummaryFormat = ContentFormat.Text,
            BodyContent = Body(summary, rows),
            BodyFormat = ContentFormat.Markdown,
            CreatedDateTime = created,
            LastUpdatedDateTime = DemoJson.Date(report.Str("modified")) ?? created,
            Tags = [.. report.Strings("labels"), "Unit 42"],
        });
        var actor = objects.FirstOrDefault(o => o.Str("type") == "intrusion-set").Str("name") ?? title;
        b.ArticleHosts.Add((actor.Trim(), id, hosts.Distinct(StringComparer.Ordinal).ToList()));
    }

    /// <summary>Adds the indicator unless the article already lists the same artifact. Graph forms the id from the value.</summary>
    public static bool AddIndicator(DemoBuilder b, string articleId, DemoArtifact artifact, IndicatorSource source)
    {
        var id = GraphIds.Compose(artifact.Value);
        if (!b.Claim("article-indicator:" + articleId, id))
        {
            return false;
        }

        var isHost = artifact.Type != ArtifactType.Unclassified;
        b.ArticleIndicators.Add(new ArticleIndicator
        {
            ArticleId = articleId,
            Id = id,
            Source = source,
            ArtifactType = artifact.Type,
            ArtifactId = isHost ? artifact.Value : GraphIds.Compose(artifact.Value),
            ArtifactKind = artifact.Kind,
            ArtifactValue = artifact.Value,
        });
        return true;
    }

    private static string Body(string summary, List<(DemoArtifact Artifact, string Label)> rows)
    {
        var body = new StringBuilder();
        body.Append("## Summary\n\n").Append(summary).Append("\n\n");
        if (rows.Count > 0)
        {
            body.Append("## Indicators of compromise\n\n| Type | Indicator |\n| --- | --- |\n");
            foreach (var (artifact, _) in rows)
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

        body.Append("_Source: Palo Alto Networks Unit 42 ATOM playbooks (github.com/pan-unit42/playbook_viewer), MIT licence._\n");
        return body.ToString();
    }
}
