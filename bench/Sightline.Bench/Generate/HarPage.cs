using System.Globalization;
using System.Text.Json;

namespace Sightline.Bench.Generate;

/// <summary>The entries of one crawled page, written as HAR 1.2 entries with Chrome's <c>_resourceType</c>.</summary>
internal static class HarPage
{
    /// <summary>Writes the page's entries; returns how many.</summary>
    public static int Write(Utf8JsonWriter json, string pageId, HarSite site, string path, DateTimeOffset at, Random random)
    {
        var n = 0;
        var t = at;
        void Entry(string url, int status, string type, string mime, IEnumerable<(string, string)> headers, string? body = null, (string Name, string Value, string? Domain)[]? cookies = null)
        {
            t = t.AddMilliseconds(20 + random.Next(200));
            WriteEntry(json, pageId, t, url, status, type, mime, headers, body, cookies ?? []);
            n++;
        }
        var page = "https://" + site.PageHost + path;
        if (site.RedirectsToWww)
        {
            Entry("http://" + site.Domain + path, 301, "document", "text/html", [("Location", page), ("Server", site.Server)]);
        }
        var headers = new List<(string, string)> { ("Server", site.Server), ("Content-Type", "text/html; charset=UTF-8") };
        if (site.PoweredBy is not null)
        {
            headers.Add(("X-Powered-By", site.PoweredBy));
        }
        headers.Add(("Set-Cookie", $"{site.SessionCookie}={random.NextInt64():x}; path=/; HttpOnly"));
        Entry(page, 200, "document", "text/html", headers, site.Html(path),
            [(site.SessionCookie, "s", null), ("_ga", "GA1.1." + random.Next().ToString(CultureInfo.InvariantCulture), "." + site.Domain), ("consent", "1", site.Domain)]);
        Entry($"https://code.jquery.com/jquery-{site.JQuery}.min.js", 200, "script", "application/javascript", [("Server", "nginx")]);
        Entry($"https://cdn.{site.Domain}/js/app.{random.Next(0x10000):x4}.js", 200, "script", "application/javascript", [("Server", site.Server)]);
        Entry($"https://cdn.{site.Domain}/css/site.css", 200, "stylesheet", "text/css", [("Server", site.Server)]);
        for (var i = random.Next(1, 4); i > 0; i--)
        {
            Entry($"https://cdn.{site.Domain}/img/{random.Next(500)}.webp", 200, "image", "image/webp", [("Server", site.Server)]);
        }
        if (site.Gtm is not null)
        {
            Entry($"https://www.googletagmanager.com/gtm.js?id={site.Gtm}", 200, "script", "application/javascript", [("Server", "Google Tag Manager")]);
        }
        if (site.Ga4 is not null)
        {
            Entry($"https://www.googletagmanager.com/gtag/js?id={site.Ga4}", 200, "script", "application/javascript", [("Server", "Google Tag Manager")]);
            Entry($"https://region1.google-analytics.com/g/collect?v=2&tid={site.Ga4}&en=page_view", 204, "ping", "text/plain", []);
        }
        if (site.Pixel is not null)
        {
            Entry("https://connect.facebook.net/en_US/fbevents.js", 200, "script", "application/javascript", []);
            Entry($"https://www.facebook.com/tr/?id={site.Pixel}&ev=PageView&noscript=1", 200, "image", "image/gif", []);
        }
        if (site.Hotjar is not null)
        {
            Entry($"https://static.hotjar.com/c/hotjar-{site.Hotjar}.js?sv=6", 200, "script", "application/javascript", []);
        }
        if (site.Clarity is not null)
        {
            Entry($"https://www.clarity.ms/tag/{site.Clarity}", 200, "script", "application/javascript", []);
        }
        if (random.Chance(0.2))
        {
            Entry($"https://www.youtube.com/embed/{random.Next():x8}", 200, "document", "text/html", [("Server", "ESF")], "<html><body>video</body></html>");
        }
        if (random.Chance(0.5))
        {
            Entry($"https://api.{site.Domain}/v1/session", 200, "fetch", "application/json", [("Server", site.Server)]);
        }
        return n;
    }

    private static void WriteEntry(Utf8JsonWriter json, string pageId, DateTimeOffset at, string url, int status, string type, string mime,
        IEnumerable<(string Name, string Value)> headers, string? body, (string Name, string Value, string? Domain)[] cookies)
    {
        json.WriteStartObject();
        json.WriteString("pageref", pageId);
        json.WriteString("startedDateTime", HarWriter.Stamp(at));
        json.WriteNumber("time", 35);
        json.WriteString("_resourceType", type);
        json.WriteStartObject("request");
        json.WriteString("method", "GET");
        json.WriteString("url", url);
        json.WriteString("httpVersion", "h2");
        json.WriteStartArray("headers");
        Header(json, "accept", type == "document" ? "text/html,application/xhtml+xml" : "*/*");
        json.WriteEndArray();
        json.WriteStartArray("cookies");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartObject("response");
        json.WriteNumber("status", status);
        json.WriteString("statusText", status switch { 200 => "OK", 204 => "No Content", 301 => "Moved Permanently", _ => "" });
        json.WriteString("httpVersion", "h2");
        json.WriteStartArray("headers");
        foreach (var (name, value) in headers)
        {
            Header(json, name, value);
        }
        json.WriteEndArray();
        json.WriteStartArray("cookies");
        foreach (var (name, value, domain) in cookies)
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WriteString("value", value);
            if (domain is not null)
            {
                json.WriteString("domain", domain);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("content");
        json.WriteNumber("size", body?.Length ?? 0);
        json.WriteString("mimeType", mime);
        if (body is not null)
        {
            json.WriteString("text", body);
        }
        json.WriteEndObject();
        json.WriteString("redirectURL", headers.FirstOrDefault(h => h.Name == "Location").Value ?? "");
        json.WriteEndObject();
        json.WriteStartObject("cache");
        json.WriteEndObject();
        json.WriteStartObject("timings");
        json.WriteNumber("send", 0);
        json.WriteNumber("wait", 30);
        json.WriteNumber("receive", 5);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Header(Utf8JsonWriter json, string name, string value)
    {
        json.WriteStartObject();
        json.WriteString("name", name);
        json.WriteString("value", value);
        json.WriteEndObject();
    }
}
