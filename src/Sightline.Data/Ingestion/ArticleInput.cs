using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Sightline.Data.Entities;
using Sightline.Parsers.Articles;
using Sightline.Parsers.Common;

namespace Sightline.Data.Ingestion;

/// <summary>One parsed article with what the importer settled: its id and its dates.</summary>
internal sealed record ArticleInput(ArticleDocument Document, string Id, DateTimeOffset Created, DateTimeOffset Updated);

/// <summary>The article-level rules: ids, required dates, and the mapping of extracted indicators to artifacts.</summary>
internal static partial class ArticleInputs
{
    /// <summary>
    /// The id from the front matter, else the first 8 hex characters (lower-case) of the SHA-256 of
    /// "{title}\n{created date as yyyy-MM-dd}", the 8-hex shape Graph's article ids have ("a272d5ab"). Only the date
    /// counts, so correcting the time of day keeps the id. Without a created date (front matter or the <c>seen</c>
    /// setting) the article is rejected: an import must not invent when something was published.
    /// </summary>
    public static Parsed<ArticleInput> Settle(Parsed<ArticleDocument> parsed, IReadOnlyDictionary<string, string> settings)
    {
        if (parsed.IsError)
        {
            return Parsed<ArticleInput>.Fail(parsed.Position, parsed.Error!);
        }
        var doc = parsed.Record!;
        DateTimeOffset? seen = null;
        if (settings.GetValueOrDefault("seen") is { Length: > 0 } text)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
            {
                return Parsed<ArticleInput>.Fail(parsed.Position, $"the setting seen='{text}' is not a time: write it in ISO 8601, e.g. 2026-10-01T00:00:00Z");
            }
            seen = value;
        }
        if ((doc.Created ?? seen) is not { } created)
        {
            return Parsed<ArticleInput>.Fail(parsed.Position,
                "the article has no created date: give it 'created:' (or 'published:' or 'date:') in the front matter, or import it with the setting seen=<ISO 8601 time>");
        }
        var id = doc.Id ?? DerivedId(doc.Title, created);
        if (!IdRegex().IsMatch(id))
        {
            return Parsed<ArticleInput>.Fail(parsed.Position, $"the id '{id}' cannot be an article id: use letters, digits, '.', '_' and '-' (at most 64)");
        }
        var updated = doc.Updated is { } u && u > created ? u : created;
        return Parsed<ArticleInput>.Ok(parsed.Position, new ArticleInput(doc, id, created, updated));
    }

    public static string DerivedId(string title, DateTimeOffset created)
    {
        var key = title + "\n" + created.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..8];
    }

    /// <summary>Every field the import stores, in a fixed order.</summary>
    public static string Fingerprint(ArticleInput a)
    {
        var d = a.Document;
        return string.Join('\u001f', a.Id, Stamp(a.Created), Stamp(a.Updated), d.Title, d.Summary, d.BodyMarkdown, string.Join('\u001e', d.Tags),
            d.IsFeatured ? "featured" : "", d.ImageUrl, d.Source?.ToString() ?? "");
    }

    public static void Fill(Article article, ArticleInput input)
    {
        var d = input.Document;
        article.Title = d.Title;
        article.SummaryContent = d.Summary;
        article.SummaryFormat = ContentFormat.Markdown;
        article.BodyContent = d.BodyMarkdown;
        article.BodyFormat = ContentFormat.Markdown;
        article.CreatedDateTime = input.Created;
        article.LastUpdatedDateTime = input.Updated;
        article.IsFeatured = d.IsFeatured;
        article.ImageUrl = d.ImageUrl;
        article.Tags = [.. d.Tags];
    }

    /// <summary>
    /// The article's indicators as the demo forms them: id = b64(value); hosts (domains, addresses, the hosts of URLs
    /// and e-mail addresses) point at the host; anything else is an unclassified artifact with id b64(value).
    /// </summary>
    public static List<ArticleIndicator> Indicators(ArticleInput input)
    {
        var source = input.Document.Source switch
        {
            ArticleSource.Microsoft => IndicatorSource.Microsoft,
            ArticleSource.Osint => IndicatorSource.Osint,
            _ => IndicatorSource.Public,
        };
        var indicators = new Dictionary<string, ArticleIndicator>(StringComparer.Ordinal);
        foreach (var found in input.Document.Indicators)
        {
            var id = GraphIds.Compose(found.Value);
            var type = TypeOf(found.Kind);
            indicators.TryAdd(id, new ArticleIndicator
            {
                ArticleId = input.Id,
                Id = id,
                Source = source,
                ArtifactType = type,
                ArtifactId = type == ArtifactType.Unclassified ? id : found.Value,
                ArtifactKind = type == ArtifactType.Unclassified ? found.Kind : null,
                ArtifactValue = found.Value,
            });
        }
        return [.. indicators.Values];
    }

    /// <summary>CVE ids the article names: in its text (as indicators) and in its title.</summary>
    public static IEnumerable<string> Cves(ArticleInput input) =>
        input.Document.Indicators.Concat(IndicatorExtractor.Extract(input.Document.Title))
            .Where(i => i.Kind == IndicatorKinds.Cve)
            .Select(i => i.Value)
            .Distinct(StringComparer.Ordinal);

    public static ArtifactType TypeOf(string kind) => kind switch
    {
        IndicatorKinds.Domain => ArtifactType.Hostname,
        IndicatorKinds.IPv4 or IndicatorKinds.IPv6 => ArtifactType.IpAddress,
        _ => ArtifactType.Unclassified,
    };

    private static string Stamp(DateTimeOffset value) => value.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex IdRegex();
}
