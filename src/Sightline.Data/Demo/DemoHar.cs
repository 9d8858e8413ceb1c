using System.Globalization;
using System.Text.Json;

namespace Sightline.Data.Demo;

/// <summary>
/// Writes the demo crawls as one HAR 1.2 log: each showcase site's home page (headers, cookies and HTML from which
/// the HAR importer detects technologies and tracker ids), and for each link one page that shows it: a redirect,
/// a redirect chain through a click tracker, or a resource the parent's page loads from the child.
/// </summary>
internal static class DemoHar
{
    private const string ClickTracker = "go.tailspin-ads.com";

    private sealed record Entry(string Url, int Status, string Mime, string? ResourceType, string? Location, string? Html,
        IReadOnlyList<(string Name, string Value)> Headers);

    public static byte[] Write(DemoBuilder b)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            var pages = new List<(string Id, DateTimeOffset Started, List<Entry> Entries)>();
            foreach (var site in b.Sites)
            {
                foreach (var crawl in site.Crawls)
                {
                    pages.Add(($"site {site.Host} {Stamp(crawl)}", crawl, [SitePage(site.Spec, crawl)]));
                }
            }
            foreach (var link in b.Links)
            {
                foreach (var seen in new[] { link.First, link.Last })
                {
                    pages.Add(($"{link.Kind} {link.Parent} {link.Child} {Stamp(seen)}", seen, LinkPage(link)));
                }
            }
            json.WriteStartObject();
            json.WriteStartObject("log");
            json.WriteString("version", "1.2");
            json.WriteStartObject("creator");
            json.WriteString("name", "Sightline demo crawler (synthetic)");
            json.WriteString("version", "1.0");
            json.WriteEndObject();
            json.WriteStartArray("pages");
            foreach (var (id, started, _) in pages)
            {
                json.WriteStartObject();
                json.WriteString("startedDateTime", Iso(started));
                json.WriteString("id", id);
                json.WriteString("title", id);
                json.WriteStartObject("pageTimings");
                json.WriteEndObject();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("entries");
            foreach (var (id, started, entries) in pages)
            {
                for (var i = 0; i < entries.Count; i++)
                {
                    WriteEntry(json, id, started.AddSeconds(i), entries[i]);
                }
            }
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static Entry SitePage(ShowcaseSpec spec, DateTimeOffset crawl)
    {
        var d = spec.Domain;
        var headers = new List<(string, string)> { ("Server", DemoWeb.ServerHeader(spec)), ("Content-Type", "text/html; charset=utf-8") };
        string[] cookies;
        if (DemoWeb.IsIis(spec))
        {
            headers.Add(("X-Powered-By", "ASP.NET"));
            headers.Add(("X-AspNet-Version", "4.0.30319"));
            cookies = ["ASP.NET_SessionId", "ARRAffinity"];
        }
        else
        {
            cookies = spec.Server == "nginx" ? ["cdn_region"] : ["PHPSESSID"];
        }
        foreach (var name in cookies)
        {
            headers.Add(("Set-Cookie", $"{name}={DemoHash.Hex(d + name + Stamp(crawl), 24)}; Path=/; Secure; HttpOnly"));
        }
        headers.Add(("Set-Cookie", $"_ga=GA1.1.{DemoHash.Range(d + "ga", 100000000, 999999999)}.{crawl.ToUnixTimeSeconds()}; Domain=.{d}; Path=/; Max-Age=63072000"));
        return new Entry($"https://{d}/", 200, "text/html", "document", null, SiteHtml(spec), headers);
    }

    private static string SiteHtml(ShowcaseSpec spec)
    {
        var d = spec.Domain;
        var ga4 = "G-" + DemoHash.Hex(d + "ga4", 10).ToUpperInvariant();
        var ua = "UA-" + DemoHash.Range(d + "ua", 1000000, 9999999).ToString(CultureInfo.InvariantCulture) + "-1";
        var gtm = "GTM-" + DemoHash.Hex(d + "gtm", 7).ToUpperInvariant();
        var clarity = DemoHash.Hex(d + "clarity", 10);
        return $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{{d}}: sign in</title>
            <link rel="stylesheet" href="/assets/bootstrap-4.6.0/css/bootstrap.min.css">
            <script src="/assets/jquery-3.5.1.min.js"></script>
            <script src="/assets/bootstrap-4.6.0/js/bootstrap.min.js"></script>
            <script async src="https://www.googletagmanager.com/gtag/js?id={{ga4}}"></script>
            <script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', '{{ga4}}');</script>
            <script>ga('create', '{{ua}}', 'auto'); ga('send', 'pageview');</script>
            <script>(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});})(window,document,'script','dataLayer','{{gtm}}');</script>
            <script>(function(c,l,a,r,i,t,y){c[a]=c[a]||function(){(c[a].q=c[a].q||[]).push(arguments)};})(window, document, "clarity", "script", "{{clarity}}");</script>
            </head><body><form method="post" action="/login"><input name="username"><input name="password" type="password"></form></body></html>
            """;
    }

    private static List<Entry> LinkPage(LinkObservation link) => link.Kind switch
    {
        "redirect" => [Redirect(link.Parent, link.Child), Document(link.Child)],
        "finalRedirect" => [Redirect(link.Parent, ClickTracker), Redirect(ClickTracker, link.Child), Document(link.Child)],
        _ => [Document(link.Parent), Resource(link.Kind, link.Child)],
    };

    private static Entry Redirect(string from, string to) =>
        new($"https://{from}/", 302, "text/html", "document", $"https://{to}/", null, [("Location", $"https://{to}/")]);

    private static Entry Document(string host) =>
        new($"https://{host}/", 200, "text/html", "document", null, $"<!DOCTYPE html><html><head><title>{host}</title></head><body></body></html>", []);

    private static Entry Resource(string kind, string host) => kind switch
    {
        "script" => new($"https://{host}/static/app.js", 200, "application/javascript", "script", null, null, []),
        "stylesheet" => new($"https://{host}/static/site.css", 200, "text/css", "stylesheet", null, null, []),
        "image" => new($"https://{host}/static/logo.png", 200, "image/png", "image", null, null, []),
        "iframe" => new($"https://{host}/embed", 200, "text/html", "document", null, "<html><body></body></html>", []),
        _ => throw new ArgumentException($"No crawl shows a '{kind}' link.", nameof(kind)),
    };

    private static void WriteEntry(Utf8JsonWriter json, string pageId, DateTimeOffset started, Entry e)
    {
        json.WriteStartObject();
        json.WriteString("pageref", pageId);
        json.WriteString("startedDateTime", Iso(started));
        json.WriteNumber("time", 50);
        json.WriteStartObject("request");
        json.WriteString("method", "GET");
        json.WriteString("url", e.Url);
        json.WriteString("httpVersion", "HTTP/1.1");
        json.WriteStartArray("headers");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("response");
        json.WriteNumber("status", e.Status);
        json.WriteString("statusText", e.Status == 200 ? "OK" : "Found");
        json.WriteString("httpVersion", "HTTP/1.1");
        json.WriteStartArray("headers");
        foreach (var (name, value) in e.Headers)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("value", value);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("content");
        json.WriteNumber("size", e.Html?.Length ?? 0);
        json.WriteString("mimeType", e.Mime);
        if (e.Html is not null)
        {
            json.WriteString("text", e.Html);
        }
        json.WriteEndObject();
        json.WriteString("redirectURL", e.Location ?? "");
        json.WriteEndObject();
        if (e.ResourceType is not null)
        {
            json.WriteString("_resourceType", e.ResourceType);
        }
        json.WriteEndObject();
    }

    private static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Stamp(DateTimeOffset value) => value.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
