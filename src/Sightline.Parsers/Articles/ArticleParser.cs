using System.Globalization;
using Sightline.Parsers.Common;

namespace Sightline.Parsers.Articles;

/// <summary>
/// Reads one Markdown article (front matter plus body) into an <see cref="ArticleDocument"/>. Never throws on bad
/// input: malformed front matter yields one Fail whose position is the offending line.
/// </summary>
internal static class ArticleParser
{
    private static readonly string[] _createdKeys = ["created", "published", "date"];
    private static readonly string[] _updatedKeys = ["updated", "lastmod", "modified", "last_updated"];

    // Date-only, or date and time with 'T' or a space, optional fraction and zone; no zone means UTC.
    private static readonly string[] _dateFormats =
    [
        .. from separator in new[] { "'T'", " " }
           from time in new[] { "HH:mm", "HH:mm:ss", "HH:mm:ss.FFFFFFF" }
           from zone in new[] { "", "K", " K" }
           select $"yyyy-MM-dd{separator}{time}{zone}",
        "yyyy-MM-dd",
    ];

    public static Parsed<ArticleDocument> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var lines = ReadLines(reader);
        var front = FrontMatter.Parse(lines, out var errorLine, out var error);
        if (error is not null)
        {
            return Parsed<ArticleDocument>.Fail(errorLine, error);
        }
        var fields = new Fields(front);
        var title = fields.Text("title");
        var heading = MarkdownBlocks.FirstHeading(lines, front.BodyStart);
        var bodyStart = front.BodyStart;
        if (title is null && heading is { } h)
        {
            title = h.Text;
            // The heading became the title; drop it from the body when it opens the body, so it shows once.
            if (lines.Skip(bodyStart).Take(h.Index - bodyStart).All(string.IsNullOrWhiteSpace))
            {
                bodyStart = h.Index + 1;
            }
        }
        if (title is null)
        {
            return Parsed<ArticleDocument>.Fail(1, "the article has no title: give it a 'title:' in the front matter or a '# heading'");
        }
        var created = fields.Date(_createdKeys);
        var updated = fields.Date(_updatedKeys);
        var featured = fields.Bool("featured", "isFeatured");
        var source = fields.Source();
        if (fields.ErrorLine > 0)
        {
            return Parsed<ArticleDocument>.Fail(fields.ErrorLine, fields.Error!);
        }
        var body = string.Join('\n', lines.Skip(bodyStart)).Trim('\n', '\r', ' ');
        var declaredSummary = fields.Text("summary", "description");
        var indicatorText = declaredSummary is null ? body : declaredSummary + "\n" + body;
        return Parsed<ArticleDocument>.Ok(1, new ArticleDocument
        {
            Title = title,
            Id = fields.Text("id"),
            Created = created,
            Updated = updated,
            Tags = fields.List("tags", "keywords"),
            IsFeatured = featured ?? false,
            ImageUrl = fields.Text("image", "imageUrl", "image_url"),
            Summary = declaredSummary ?? MarkdownBlocks.FirstParagraph(lines, bodyStart),
            Source = source,
            BodyMarkdown = body,
            Indicators = IndicatorExtractor.Extract(indicatorText),
        });
    }

    private static List<string> ReadLines(TextReader reader)
    {
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(lines.Count == 0 ? line.TrimStart('\uFEFF') : line);
        }
        return lines;
    }

    /// <summary>Typed access to front matter keys; the first bad value is kept as the error (line and reason).</summary>
    private sealed class Fields(FrontMatter front)
    {
        public int ErrorLine { get; private set; }

        public string? Error { get; private set; }

        public string? Text(params string[] keys) =>
            Find(keys) is { Scalar: { Length: > 0 } value } ? value : null;

        public IReadOnlyList<string> List(params string[] keys)
        {
            if (Find(keys) is not { } entry)
            {
                return [];
            }
            var items = entry.List ?? (entry.Scalar is { Length: > 0 } one ? [one] : []);
            return items.Where(t => t.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }

        public DateTimeOffset? Date(string[] keys)
        {
            if (Find(keys) is not { Scalar: { Length: > 0 } value } entry)
            {
                return null;
            }
            if (DateTimeOffset.TryParseExact(value, _dateFormats, CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
            {
                return date;
            }
            Reject(entry, $"'{value}' is not a date: write it as yyyy-MM-dd or yyyy-MM-ddTHH:mm:ssZ");
            return null;
        }

        public bool? Bool(params string[] keys)
        {
            if (Find(keys) is not { Scalar: { Length: > 0 } value } entry)
            {
                return null;
            }
            switch (value.ToLowerInvariant())
            {
                case "true" or "yes":
                    return true;
                case "false" or "no":
                    return false;
                default:
                    Reject(entry, $"'{value}' is not true or false");
                    return null;
            }
        }

        public ArticleSource? Source()
        {
            if (Find(["source"]) is not { Scalar: { Length: > 0 } value } entry)
            {
                return null;
            }
            switch (value.ToLowerInvariant())
            {
                case "microsoft":
                    return ArticleSource.Microsoft;
                case "osint":
                    return ArticleSource.Osint;
                case "public":
                    return ArticleSource.Public;
                default:
                    Reject(entry, $"'{value}' is not a source: use microsoft, osint or public");
                    return null;
            }
        }

        private FrontMatterEntry? Find(string[] keys)
        {
            foreach (var key in keys)
            {
                if (front.Entries.TryGetValue(key, out var entry))
                {
                    return entry;
                }
            }
            return null;
        }

        private void Reject(FrontMatterEntry entry, string reason)
        {
            if (ErrorLine == 0)
            {
                ErrorLine = entry.Line;
                Error = reason;
            }
        }
    }
}
