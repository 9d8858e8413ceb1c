using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Sightline.Tests.Import;

/// <summary>
/// HAR crawls for the import tests. <c>Har/contoso.har</c> (a copy of the parser tests' fixture) is a Chrome
/// export of a WordPress site: http://contoso.example → https://contoso.example → https://www.contoso.example,
/// nginx 1.18.0, PHP 7.4.3, jQuery 3.6.0 from cdnjs, GA4 G-7X4QW2E9KD and GTM-K9T3ZQ8, an iframe from
/// widgets.fabrikam.example; crawled on 2024-03-05 from 10:15:30.000Z to 10:15:31.200Z.
/// </summary>
public static class HarFiles
{
    public const string Ga4 = "G-7X4QW2E9KD";

    public static readonly DateTimeOffset CrawlStart = new(2024, 3, 5, 10, 15, 30, TimeSpan.Zero);

    /// <summary>The time of entry 3 (the www.contoso.example page), written there as 11:15:30.250+01:00.</summary>
    public static readonly DateTimeOffset PageTime = new(2024, 3, 5, 10, 15, 30, 250, TimeSpan.Zero);

    /// <summary>Read from beside this source file (the compiler records its path), so no project change is needed.</summary>
    public static string ContosoPath([CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "Har", "contoso.har");

    public static string Contoso() => File.ReadAllText(ContosoPath());

    /// <summary>The same crawl <paramref name="days"/> later: every timestamp of the crawl moved by whole days.</summary>
    public static string ContosoAfter(int days) =>
        Contoso().Replace("\"2024-03-05T", "\"" + CrawlStart.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T", StringComparison.Ordinal);

    /// <summary>A HAR document holding <paramref name="entries"/> (raw JSON), as a browser exports it.</summary>
    public static string Document(params string[] entries) =>
        "{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"Firefox\",\"version\":\"124.0\"},\"pages\":[],\"entries\":[" + string.Join(",", entries) + "]}}";

    /// <summary>An HTML page of <paramref name="pageRef"/> served by <paramref name="server"/> whose body is <paramref name="html"/>.</summary>
    public static string Page(string url, string started, string server, string html, string pageRef = "page_1") =>
        Entry(url, started, server, "text/html; charset=utf-8", html, pageRef);

    /// <summary>A script the page <paramref name="pageRef"/> loads.</summary>
    public static string Script(string url, string started, string pageRef = "page_1") =>
        Entry(url, started, "nginx", "application/javascript", "void 0;", pageRef);

    private static string Entry(string url, string started, string server, string mime, string body, string pageRef) =>
        "{\"pageref\":\"" + pageRef + "\",\"startedDateTime\":\"" + started + "\",\"request\":{\"method\":\"GET\",\"url\":\"" + url + "\",\"headers\":[]}," +
        "\"response\":{\"status\":200,\"headers\":[{\"name\":\"Server\",\"value\":\"" + server + "\"},{\"name\":\"Content-Type\",\"value\":\"" + mime + "\"}]," +
        "\"content\":{\"mimeType\":\"" + mime + "\",\"text\":" + JsonSerializer.Serialize(body) + "}}}";

    /// <summary>
    /// Another site with the same GA4 property (what the tracker pivot is for), whose page also loads a script
    /// straight from an IP address.
    /// </summary>
    public static string SisterSite() => Document(
        Page("https://shop.fabrikam.example/", "2024-04-02T08:00:00Z", "nginx/1.24.0",
            "<html><head><script async src=\"https://www.googletagmanager.com/gtag/js?id=" + Ga4 + "\"></script>" +
            "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}gtag('js',new Date());gtag('config','" + Ga4 + "');</script>" +
            "</head><body>Shop</body></html>"),
        Script("https://203.0.113.77/t.js", "2024-04-02T08:00:01Z"));
}
