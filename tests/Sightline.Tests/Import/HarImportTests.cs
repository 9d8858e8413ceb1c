using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using Sightline.Tests.Support;
using static Sightline.Tests.Import.HarFiles;

namespace Sightline.Tests.Import;

/// <summary>HAR web crawls in, through the HTTP ingest endpoint, and back out through the Graph API.</summary>
public sealed class HarImportTests : IngestTestBase
{
    /// <summary>contoso.har gives 13 components, 2 trackers, 3 cookies and 8 host pairs.</summary>
    private const int ContosoObservations = 26;

    private async Task<(int Status, JsonElement Body)> IngestAsync(string content, string path = "/ingest/har?name=contoso.har")
    {
        using var body = new StringContent(content, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var response = await Importer.PostAsync(path, body);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task<IReadOnlyList<JsonElement>> ListAsync(string path) => (await Reader.GetJsonAsync($"{Graph.Root}/{path}")).Values();

    private static DateTimeOffset Time(JsonElement item, string name) =>
        DateTimeOffset.Parse(item.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    private static string Text(JsonElement item, string name) => item.GetProperty(name).GetString()!;

    [Fact]
    public async Task Components_of_each_crawled_host_are_served_with_names_versions_and_demo_ids()
    {
        var (status, report) = await IngestAsync(Contoso());
        Assert.Equal(200, status);
        Assert.Equal("har", Text(report, "format"));
        Assert.Equal(ContosoObservations, report.GetProperty("accepted").GetInt32());

        var components = await ListAsync("hosts/www.contoso.example/components");
        Assert.Equal(
            ["Cloudflare ", "Google Analytics ", "Google Tag Manager ", "MySQL ", "Nginx 1.18.0", "PHP 7.4.3", "WordPress 6.1.1", "cdnjs ", "jQuery 3.6.0"],
            components.Select(c => Text(c, "name") + " " + Text(c, "version")).Order(StringComparer.Ordinal));
        var jquery = components.Single(c => Text(c, "name") == "jQuery");
        Assert.Equal("JavaScript libraries", Text(jquery, "category"));
        Assert.Equal(GraphIds.Compose("jQuery", "3.6.0", "JavaScript libraries", "www.contoso.example"), Text(jquery, "id"));
        Assert.Equal(PageTime, Time(jquery, "firstSeenDateTime"));
        Assert.Equal("www.contoso.example", Text(jquery.GetProperty("host"), "id"));

        var apex = (await ListAsync("hosts/contoso.example/components")).Single();
        Assert.Equal(("Nginx", "1.18.0", "Web servers"), (Text(apex, "name"), Text(apex, "version"), Text(apex, "category")));
        Assert.Equal(CrawlStart, Time(apex, "firstSeenDateTime"));
        var widget = await ListAsync("hosts/widgets.fabrikam.example/components?$filter=name%20eq%20'Apache'");
        Assert.Equal("2.4.41", Text(widget.Single(), "version"));
    }

    [Fact]
    public async Task Trackers_and_cookies_are_served_under_the_host_that_uses_them()
    {
        Assert.Equal(200, (await IngestAsync(Contoso())).Status);

        var trackers = await ListAsync("hosts/www.contoso.example/trackers");
        Assert.Equal(["GoogleAnalytics4ID G-7X4QW2E9KD", "GoogleTagManagerId GTM-K9T3ZQ8"],
            trackers.Select(t => Text(t, "kind") + " " + Text(t, "value")).Order(StringComparer.Ordinal));
        var ga4 = trackers.Single(t => Text(t, "value") == Ga4);
        Assert.Equal(GraphIds.Compose(Ga4, "GoogleAnalytics4ID", "www.contoso.example"), Text(ga4, "id"));
        Assert.Equal(PageTime, Time(ga4, "lastSeenDateTime"));

        var cookies = await ListAsync("hosts/www.contoso.example/cookies");
        Assert.Equal(["PHPSESSID @ www.contoso.example", "wp_lang @ contoso.example"],
            cookies.Select(c => Text(c, "name") + " @ " + Text(c, "domain")).Order(StringComparer.Ordinal));
        Assert.Contains(cookies, c => Text(c, "id") == GraphIds.Compose("www.contoso.example", "wp_lang", "contoso.example"));
        var thirdParty = (await ListAsync("hosts/widgets.fabrikam.example/cookies")).Single();
        Assert.Equal(("fab_session", "fabrikam.example"), (Text(thirdParty, "name"), Text(thirdParty, "domain")));
    }

    [Fact]
    public async Task Redirects_and_loaded_resources_are_served_as_host_pairs()
    {
        Assert.Equal(200, (await IngestAsync(Contoso())).Status);

        var redirect = (await ListAsync("hosts/contoso.example/childHostPairs?$filter=linkKind%20eq%20'redirect'")).Single();
        Assert.Equal("www.contoso.example", Text(redirect.GetProperty("childHost"), "id"));
        Assert.Equal("contoso.example", Text(redirect.GetProperty("parentHost"), "id"));
        Assert.Equal("#microsoft.graph.security.hostname", Text(redirect.GetProperty("childHost"), "@odata.type"));
        Assert.Equal(GraphIds.Compose("redirect", "contoso.example", "www.contoso.example", "contoso.example"), Text(redirect, "id"));
        Assert.Equal(CrawlStart.AddMilliseconds(80), Time(redirect, "firstSeenDateTime"));

        var pairs = await ListAsync("hosts/www.contoso.example/hostPairs");
        Assert.Equal(
        [
            "contoso.example -> www.contoso.example finalRedirect",
            "contoso.example -> www.contoso.example redirect",
            "www.contoso.example -> cdn.contoso-media.example image",
            "www.contoso.example -> cdnjs.cloudflare.com script",
            "www.contoso.example -> fonts.gstatic.com font",
            "www.contoso.example -> region1.google-analytics.com other",
            "www.contoso.example -> widgets.fabrikam.example iframe",
            "www.contoso.example -> www.googletagmanager.com script",
        ], pairs.Select(p => $"{Text(p.GetProperty("parentHost"), "id")} -> {Text(p.GetProperty("childHost"), "id")} {Text(p, "linkKind")}").Order(StringComparer.Ordinal));

        // Every host the crawl names exists, and names below a registrable domain become its subdomains.
        var fonts = await Reader.GetJsonAsync($"{Graph.Root}/hosts/fonts.gstatic.com");
        Assert.Equal(CrawlStart.AddMilliseconds(650), Time(fonts, "firstSeenDateTime"));
        var subdomains = (await ListAsync("hosts/fabrikam.example/subdomains")).Select(s => Text(s.GetProperty("host"), "id"));
        Assert.Equal(["widgets.fabrikam.example"], subdomains);
    }

    [Fact]
    public async Task A_tracker_id_pivots_to_every_host_that_uses_it()
    {
        Assert.Equal(200, (await IngestAsync(Contoso())).Status);
        Assert.Equal(200, (await IngestAsync(SisterSite(), "/ingest/har?name=shop.har")).Status);

        var users = await ListAsync($"hostTrackers?$filter=value%20eq%20'{Ga4}'");
        Assert.Equal(["shop.fabrikam.example", "www.contoso.example"],
            users.Select(t => Text(t.GetProperty("host"), "id")).Order(StringComparer.Ordinal));

        // The sister site's page loads a script straight from an address: the pair knows the child is an IP.
        var script = (await ListAsync("hosts/shop.fabrikam.example/childHostPairs?$filter=linkKind%20eq%20'script'"))
            .Single(p => Text(p.GetProperty("childHost"), "id") == "203.0.113.77");
        Assert.Equal("#microsoft.graph.security.ipAddress", Text(script.GetProperty("childHost"), "@odata.type"));
        Assert.Equal("#microsoft.graph.security.hostname", Text(script.GetProperty("parentHost"), "@odata.type"));
        var ip = await Reader.GetJsonAsync($"{Graph.Root}/hosts/203.0.113.77");
        Assert.Equal("#microsoft.graph.security.ipAddress", Text(ip, "@odata.type"));
    }

    [Fact]
    public async Task Importing_the_same_crawl_twice_changes_nothing()
    {
        Assert.Equal(200, (await IngestAsync(Contoso())).Status);
        var before = await SnapshotAsync();
        var (status, report) = await IngestAsync(Contoso());
        Assert.Equal(200, status);
        Assert.Equal(0, report.GetProperty("accepted").GetInt32());
        Assert.Equal(ContosoObservations, report.GetProperty("alreadyImported").GetInt32());
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_crawl_a_week_later_widens_last_seen_without_adding_rows()
    {
        Assert.Equal(200, (await IngestAsync(Contoso())).Status);
        var counts = await CountsAsync();

        var (status, report) = await IngestAsync(ContosoAfter(7), "/ingest/har?name=contoso-week2.har");
        Assert.Equal(200, status);
        Assert.Equal(ContosoObservations, report.GetProperty("accepted").GetInt32());
        Assert.Equal(ContosoObservations, report.GetProperty("merged").GetInt32());
        Assert.Equal(counts, await CountsAsync());

        var jquery = (await ListAsync("hosts/www.contoso.example/components?$filter=name%20eq%20'jQuery'")).Single();
        Assert.Equal(PageTime, Time(jquery, "firstSeenDateTime"));
        Assert.Equal(PageTime.AddDays(7), Time(jquery, "lastSeenDateTime"));
        var tracker = (await ListAsync($"hostTrackers?$filter=value%20eq%20'{Ga4}'")).Single();
        Assert.Equal(PageTime.AddDays(7), Time(tracker, "lastSeenDateTime"));
        var host = await Reader.GetJsonAsync($"{Graph.Root}/hosts/www.contoso.example");
        Assert.Equal(CrawlStart.AddDays(7).AddMilliseconds(1200), Time(host, "lastSeenDateTime"));

        // An older crawl imported afterwards moves first seen back and leaves last seen alone.
        Assert.Equal(200, (await IngestAsync(ContosoAfter(-7), "/ingest/har?name=contoso-week0.har")).Status);
        var redirect = (await ListAsync("hosts/contoso.example/childHostPairs?$filter=linkKind%20eq%20'redirect'")).Single();
        Assert.Equal(CrawlStart.AddDays(-7).AddMilliseconds(80), Time(redirect, "firstSeenDateTime"));
        Assert.Equal(CrawlStart.AddDays(7).AddMilliseconds(80), Time(redirect, "lastSeenDateTime"));
        Assert.Equal(counts, await CountsAsync());
    }

    [Fact]
    public async Task A_crawl_cut_into_small_batches_stores_the_same_rows()
    {
        var (status, report) = await IngestAsync(Contoso(), "/ingest/har?name=contoso.har&batchSize=4");
        Assert.Equal(200, status);
        Assert.Equal(ContosoObservations, report.GetProperty("accepted").GetInt32());
        await using var db = Server.CreateDb();
        Assert.Equal(7, await db.ImportedBatches.CountAsync());
        var counts = await CountsAsync();
        Assert.Equal((13, 2, 3, 8), (counts.Item1, counts.Item2, counts.Item3, counts.Item4));
        var wordpress = (await ListAsync("hosts/www.contoso.example/components?$filter=name%20eq%20'WordPress'")).Single();
        Assert.Equal("6.1.1", Text(wordpress, "version"));
    }

    [Fact]
    public async Task A_batch_with_one_corrupt_entry_stores_nothing_and_names_the_entry()
    {
        var content = Document(
            Page("https://ok1.corrupt.example/", "2024-03-05T10:00:00Z", "nginx/1.18.0", "<html><body>one</body></html>", "p1"),
            "{\"startedDateTime\":\"yesterday\",\"request\":{\"method\":\"GET\",\"url\":\"https://bad.corrupt.example/\"}}",
            Page("https://ok3.corrupt.example/", "2024-03-05T10:00:02Z", "nginx/1.18.0", "<html><body>three</body></html>", "p3"));
        var (status, body) = await IngestAsync(content, "/ingest/har?name=broken.har");
        Assert.Equal(422, status);
        var error = body.GetProperty("error");
        Assert.Equal("importRejected", Text(error, "code"));
        var detail = error.GetProperty("details").EnumerateArray().Single();
        Assert.Equal("broken.har:2", Text(detail, "target"));
        Assert.Contains("startedDateTime", Text(detail, "message"));
        Assert.Equal(2, error.GetProperty("report").GetProperty("notStored").GetInt32());
        Assert.Equal("itemNotFound", await Reader.GetErrorAsync($"{Graph.Root}/hosts/ok1.corrupt.example", 404));

        var (relaxed, report) = await IngestAsync(content, "/ingest/har?name=broken.har&maxErrors=5");
        Assert.Equal(422, relaxed);
        Assert.Equal(2, report.GetProperty("error").GetProperty("report").GetProperty("accepted").GetInt32());
        var stored = (await ListAsync("hosts/ok3.corrupt.example/components")).Single();
        Assert.Equal(("Nginx", "1.18.0"), (Text(stored, "name"), Text(stored, "version")));
    }

    [Fact]
    public async Task A_crawl_is_recognised_by_its_content_and_other_json_is_not_taken_for_one()
    {
        var (status, report) = await IngestAsync(Contoso(), "/ingest?name=crawl-export.json");
        Assert.Equal(200, status);
        Assert.Equal("har", Text(report, "format"));

        Assert.Equal("har", Sightline.Data.Ingestion.Importers.Detect("export.json", Encoding.UTF8.GetBytes(SisterSite())));
        Assert.Equal("har", Sightline.Data.Ingestion.Importers.Detect("crawl.har", "{}"u8));
        Assert.Equal("cof", Sightline.Data.Ingestion.Importers.Detect("pdns.json", Encoding.UTF8.GetBytes(CofFiles.Line("a.example", "A", "192.0.2.1"))));
        Assert.NotEqual("har", Sightline.Data.Ingestion.Importers.Detect("app.json", "{\"log\":{\"level\":\"debug\"},\"name\":\"app\"}"u8));
    }

    [Fact]
    public async Task Cli_imports_crawls_into_the_store_the_server_reads()
    {
        var inputs = Path.Combine(Server.DataDir, "inputs");
        var first = CofFiles.Write(inputs, "contoso.har", Contoso());
        var (exit, stdout, stderr) = await SightlineCli.RunAsync(TimeSpan.FromSeconds(90), ["import", .. Server.StoreArgs, first]);
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains($"{ContosoObservations} accepted", stdout);
        var nginx = (await ListAsync("hosts/www.contoso.example/components?$filter=name%20eq%20'Nginx'")).Single();
        Assert.Equal("1.18.0", Text(nginx, "version"));

        // A week later, saved under a neutral name: recognised by its content, merged into the same rows.
        var second = CofFiles.Write(inputs, "crawl-2024-03-12.json", ContosoAfter(7));
        (exit, stdout, stderr) = await SightlineCli.RunAsync(TimeSpan.FromSeconds(90), ["import", .. Server.StoreArgs, second]);
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains($"{ContosoObservations} accepted ({ContosoObservations} merged into existing)", stdout);
        var widened = (await ListAsync("hosts/www.contoso.example/components?$filter=name%20eq%20'Nginx'")).Single();
        Assert.Equal(Time(nginx, "firstSeenDateTime"), Time(widened, "firstSeenDateTime"));
        Assert.Equal(Time(nginx, "lastSeenDateTime").AddDays(7), Time(widened, "lastSeenDateTime"));
    }

    private async Task<string> SnapshotAsync()
    {
        var parts = new List<string>();
        foreach (var path in new[] { "components", "trackers", "cookies", "hostPairs" })
        {
            parts.Add(await Reader.GetStringAsync($"{Graph.Root}/hosts/www.contoso.example/{path}?$orderby=id"));
        }
        parts.Add(await Reader.GetStringAsync($"{Graph.Root}/hosts/www.contoso.example"));
        return string.Join('\n', parts);
    }

    private async Task<(int, int, int, int, int)> CountsAsync()
    {
        await using var db = Server.CreateDb();
        return (await db.HostComponents.CountAsync(), await db.HostTrackers.CountAsync(), await db.HostCookies.CountAsync(),
            await db.HostPairs.CountAsync(), await db.Hosts.CountAsync());
    }
}
