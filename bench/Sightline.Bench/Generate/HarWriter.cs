using System.Globalization;
using System.Text.Json;

namespace Sightline.Bench.Generate;

/// <summary>
/// HAR 1.2 crawl captures, a hundred pages per file (one crawler session), the sites drawn from a long tail so
/// popular sites are crawled many times over the crawl's weeks. A page is an optional http-to-https-www redirect,
/// the HTML document (server headers, session and analytics cookies, generator meta, tag snippets), then what it
/// loads: jQuery from a public CDN, the tag manager and analytics scripts, the site's own CDN (script, style,
/// images), sometimes the pixel's image beacon, a YouTube frame, an API call.
/// </summary>
internal static class HarWriter
{
    private const int PagesPerFile = 100;
    private static readonly DateTimeOffset _crawlStart = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public static async Task<int> WriteAsync(string folder, int pages, NamePool pool, int seed, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var random = Seeded.For(seed, "har");
        var sites = Math.Max(1, pages / 4);
        var entries = 0;
        for (var start = 0; start < pages; start += PagesPerFile)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"crawl-{start / PagesPerFile:D4}.har"));
            await using var stream = File.Create(path);
            await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false });
            json.WriteStartObject();
            json.WriteStartObject("log");
            json.WriteString("version", "1.2");
            json.WriteStartObject("creator");
            json.WriteString("name", "Sightline.Bench");
            json.WriteString("version", "1.0");
            json.WriteEndObject();
            var count = Math.Min(PagesPerFile, pages - start);
            var plan = Enumerable.Range(start, count)
                .Select(p => (Id: "page_" + (p - start + 1).ToString(CultureInfo.InvariantCulture), Site: HarSite.For(pool, random.LongTail(sites)),
                    At: _crawlStart.AddSeconds((p * 37.0) + random.Next(30)), Path: random.Pick(["/", "/about", "/products", "/blog/", "/contact", "/login"])))
                .ToList();
            json.WriteStartArray("pages");
            foreach (var page in plan)
            {
                json.WriteStartObject();
                json.WriteString("startedDateTime", Stamp(page.At));
                json.WriteString("id", page.Id);
                json.WriteString("title", "https://" + page.Site.PageHost + page.Path);
                json.WriteStartObject("pageTimings");
                json.WriteNumber("onLoad", 800 + random.Next(3000));
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("entries");
            foreach (var page in plan)
            {
                entries += HarPage.Write(json, page.Id, page.Site, page.Path, page.At, random);
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            await json.FlushAsync(cancellationToken);
        }
        return entries;
    }

    public static string Stamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
