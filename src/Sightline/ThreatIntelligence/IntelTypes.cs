using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using Sightline.Data.Entities;
using Sightline.OData;
using static Sightline.OData.GraphJson;

namespace Sightline.ThreatIntelligence;

/// <summary>Articles, intelligence profiles, their indicators, and vulnerabilities.</summary>
internal static class IntelTypes
{
    public static void WriteArtifact(Utf8JsonWriter json, ArtifactType type, string id, string? kind, string? value)
    {
        if (type == ArtifactType.Unclassified)
        {
            json.WriteStartObject("artifact");
            json.WriteString("@odata.type", "#microsoft.graph.security.unclassifiedArtifact");
            json.WriteString("id", id);
            json.WriteString("kind", kind ?? "");
            json.WriteString("value", value ?? "");
            json.WriteEndObject();
            return;
        }
        WriteHostRef(json, "artifact", id, type == ArtifactType.IpAddress ? HostKind.IpAddress : HostKind.Hostname);
    }

    public static readonly GraphResource<ArticleIndicator> ArticleIndicator = new GraphResource<ArticleIndicator>("articleIndicator")
        .Prop("id", i => i.Id)
        .Prop("source", i => i.Source)
        .Custom("artifact", (j, i) => WriteArtifact(j, i.ArtifactType, i.ArtifactId, i.ArtifactKind, i.ArtifactValue))
        .Path("artifact/id", i => i.ArtifactId);

    public static readonly GraphResource<Article> Article = new GraphResource<Article>("article")
        .Prop("id", a => a.Id)
        .Custom("body", (j, a) => WriteContent(j, "body", a.BodyContent, a.BodyFormat))
        .Prop("createdDateTime", a => a.CreatedDateTime)
        .Prop("imageUrl", a => a.ImageUrl)
        .Prop("isFeatured", a => a.IsFeatured)
        .Prop("lastUpdatedDateTime", a => a.LastUpdatedDateTime)
        .Custom("summary", (j, a) => WriteContent(j, "summary", a.SummaryContent, a.SummaryFormat))
        .Prop("tags", a => a.Tags)
        .Prop("title", a => a.Title)
        .Path("summary/content", a => a.SummaryContent)
        .Path("body/content", a => a.BodyContent)
        .Expand("indicators", ExpandArticleIndicatorsAsync);

    private static async Task<Action<Utf8JsonWriter, Article>> ExpandArticleIndicatorsAsync(SightlineDb db, IReadOnlyList<Article> page, CancellationToken cancellationToken)
    {
        var ids = page.Select(a => a.Id).ToList();
        var indicators = (await db.ArticleIndicators.Where(i => ids.Contains(i.ArticleId)).OrderBy(i => i.Id).ToListAsync(cancellationToken))
            .ToLookup(i => i.ArticleId, StringComparer.Ordinal);
        return (json, article) =>
        {
            json.WriteStartArray("indicators");
            foreach (var indicator in indicators[article.Id])
            {
                ArticleIndicator.Write(json, indicator, Selection.All);
            }
            json.WriteEndArray();
        };
    }

    public static readonly GraphResource<IntelProfileIndicator> ProfileIndicator = new GraphResource<IntelProfileIndicator>("intelligenceProfileIndicator")
        .Prop("id", i => i.Id)
        .Prop("source", i => i.Source)
        .Prop("firstSeenDateTime", i => i.FirstSeenDateTime)
        .Prop("lastSeenDateTime", i => i.LastSeenDateTime)
        .Custom("artifact", (j, i) => WriteArtifact(j, i.ArtifactType, i.ArtifactId, i.ArtifactKind, i.ArtifactValue))
        .Path("artifact/id", i => i.ArtifactId);

    public static readonly GraphResource<IntelProfile> Profile = new GraphResource<IntelProfile>("intelligenceProfile")
        .Prop("id", p => p.Id)
        .Prop("aliases", p => p.Aliases)
        .Custom("countriesOrRegionsOfOrigin", WriteCountries)
        .Custom("description", (j, p) => WriteContent(j, "description", p.DescriptionContent, p.DescriptionFormat))
        .Prop("firstActiveDateTime", p => p.FirstActiveDateTime)
        .Prop("kind", p => p.Kind)
        .Custom("summary", (j, p) => WriteContent(j, "summary", p.SummaryContent, p.SummaryFormat))
        .Prop("targets", p => p.Targets)
        .Prop("title", p => p.Title)
        .Custom("tradecraft", WriteTradecraft)
        .Path("description/content", p => p.DescriptionContent)
        .Path("summary/content", p => p.SummaryContent)
        .Expand("indicators", ExpandProfileIndicatorsAsync);

    private static void WriteTradecraft(Utf8JsonWriter json, IntelProfile profile)
    {
        if (profile.TradecraftContent is null)
        {
            json.WriteNull("tradecraft");
            return;
        }
        WriteContent(json, "tradecraft", profile.TradecraftContent, profile.TradecraftFormat);
    }

    private static void WriteCountries(Utf8JsonWriter json, IntelProfile profile)
    {
        json.WriteStartArray("countriesOrRegionsOfOrigin");
        for (var i = 0; i < profile.CountryCodes.Count; i++)
        {
            json.WriteStartObject();
            json.WriteString("code", profile.CountryCodes[i]);
            json.WriteString("label", i < profile.CountryLabels.Count ? profile.CountryLabels[i] : profile.CountryCodes[i]);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static async Task<Action<Utf8JsonWriter, IntelProfile>> ExpandProfileIndicatorsAsync(SightlineDb db, IReadOnlyList<IntelProfile> page, CancellationToken cancellationToken)
    {
        var ids = page.Select(a => a.Id).ToList();
        var indicators = (await db.IntelProfileIndicators.Where(i => ids.Contains(i.ProfileId)).OrderBy(i => i.Id).ToListAsync(cancellationToken))
            .ToLookup(i => i.ProfileId, StringComparer.Ordinal);
        return (json, profile) =>
        {
            json.WriteStartArray("indicators");
            foreach (var indicator in indicators[profile.Id])
            {
                ProfileIndicator.Write(json, indicator, Selection.All);
            }
            json.WriteEndArray();
        };
    }

    public static readonly GraphResource<VulnerabilityComponent> VulnerabilityComponent = new GraphResource<VulnerabilityComponent>("vulnerabilityComponent")
        .Prop("id", c => c.Id)
        .Prop("name", c => c.Name);

    public static readonly GraphResource<Vulnerability> Vulnerability = new GraphResource<Vulnerability>("vulnerability")
        .Prop("id", v => v.Id)
        .Prop("activeExploitsObserved", v => v.ActiveExploitsObserved)
        .Prop("commonWeaknessEnumerationIds", v => v.CommonWeaknessEnumerationIds)
        .Prop("createdDateTime", v => v.CreatedDateTime)
        .Custom("cvss2Summary", (j, v) => WriteCvss(j, "cvss2Summary", v.Cvss2))
        .Custom("cvss3Summary", (j, v) => WriteCvss(j, "cvss3Summary", v.Cvss3))
        .Custom("description", (j, v) => WriteContent(j, "description", v.DescriptionContent, v.DescriptionFormat))
        .Custom("exploits", (j, v) => WriteLinks(j, "exploits", v.Exploits))
        .Prop("exploitsAvailable", v => v.ExploitsAvailable)
        .Prop("hasChatter", v => v.HasChatter)
        .Prop("lastModifiedDateTime", v => v.LastModifiedDateTime)
        .Prop("priorityScore", v => v.PriorityScore)
        .Prop("publishedDateTime", v => v.PublishedDateTime)
        .Custom("references", (j, v) => WriteLinks(j, "references", v.References))
        .Custom("remediation", WriteRemediation)
        .Prop("severity", v => v.Severity)
        .Path("cvss3Summary/score", v => v.Cvss3.Score)
        .Path("cvss2Summary/score", v => v.Cvss2.Score)
        .Path("description/content", v => v.DescriptionContent)
        .Expand("components", ExpandComponentsAsync);

    private static void WriteRemediation(Utf8JsonWriter json, Vulnerability v)
    {
        if (v.RemediationContent is null)
        {
            json.WriteNull("remediation");
            return;
        }
        WriteContent(json, "remediation", v.RemediationContent, v.RemediationFormat);
    }

    private static void WriteCvss(Utf8JsonWriter json, string name, CvssSummary cvss)
    {
        json.WriteStartObject(name);
        json.WriteNumber("score", cvss.Score);
        WriteValue(json, "severity", cvss.Severity);
        json.WriteString("vectorString", cvss.VectorString);
        json.WriteEndObject();
    }

    private static void WriteLinks(Utf8JsonWriter json, string name, List<Link> links)
    {
        json.WriteStartArray(name);
        foreach (var link in links)
        {
            json.WriteStartObject();
            json.WriteString("name", link.Name);
            json.WriteString("url", link.Url);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static async Task<Action<Utf8JsonWriter, Vulnerability>> ExpandComponentsAsync(SightlineDb db, IReadOnlyList<Vulnerability> page, CancellationToken cancellationToken)
    {
        var ids = page.Select(v => v.Id).ToList();
        var components = (await db.VulnerabilityComponents.Where(c => ids.Contains(c.VulnerabilityId)).OrderBy(c => c.Id).ToListAsync(cancellationToken))
            .ToLookup(c => c.VulnerabilityId, StringComparer.Ordinal);
        return (json, v) =>
        {
            json.WriteStartArray("components");
            foreach (var c in components[v.Id])
            {
                VulnerabilityComponent.Write(json, c, Selection.All);
            }
            json.WriteEndArray();
        };
    }
}
