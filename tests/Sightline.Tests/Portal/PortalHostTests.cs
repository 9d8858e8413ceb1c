using System.Text.Json;
using Microsoft.Playwright;
using Sightline.Tests.Support;

namespace Sightline.Tests.Portal;

/// <summary>The host page: summary, reputation, every tab against the API's data, pivots, export and the keyboard.</summary>
[Collection("demo")]
public sealed class PortalHostTests(DemoServerFixture demo, PortalFixture portal) : PortalTestBase(demo, portal)
{
    private const string Showcase = "contoso-login.com";
    private const string Address = "40.83.183.71";

    private static string Id(JsonElement e, string property) => e.GetProperty(property).GetProperty("id").GetString()!;

    private static string S(JsonElement e, string property) => e.GetProperty(property).GetString() ?? "";

    private async Task<ILocator> TabAsync(IPage page, string tab)
    {
        await page.Locator($"[role=tab][data-tab={tab}]").ClickAsync();
        await Assertions.Expect(page.Locator($"[role=tab][data-tab={tab}]")).ToHaveAttributeAsync("aria-selected", "true");
        return await page.Locator($"#panel-{tab}").TableAsync();
    }

    [BrowserFact]
    public async Task The_summary_and_reputation_show_the_api_data_and_evidence_links_lead_to_their_pages()
    {
        var page = await Portal.OpenAsync($"#/host/{Address}");
        var host = await Portal.ApiAsync($"hosts/{Address}");
        var summary = page.Locator(".host-summary");
        var asn = host.GetProperty("autonomousSystem").GetProperty("number").GetInt32();
        await Assertions.Expect(summary.Locator("a.pivot-asn")).ToHaveTextAsync(S(host.GetProperty("autonomousSystem"), "value"));
        await Assertions.Expect(summary.Locator("a.pivot-netblock")).ToHaveTextAsync(S(host, "netblock"));
        await Assertions.Expect(summary.Locator("a.pivot-country")).ToHaveTextAsync(S(host, "countryOrRegion"));

        await page.GotoAsync($"{Portal.BaseUrl}/#/host/{Showcase}");
        var reputation = await Portal.ApiAsync($"hosts/{Showcase}/reputation");
        var panel = page.Locator(".host-reputation");
        await Assertions.Expect(panel.Locator(".score")).ToHaveTextAsync(reputation.GetProperty("score").GetInt32().ToString());
        var rules = reputation.GetProperty("rules").EnumerateArray().ToList();
        await Assertions.Expect(panel.Locator("li.rule")).ToHaveCountAsync(rules.Count);
        Assert.Equal(rules.Select(r => S(r, "name")), await panel.Locator("li.rule strong").AllTextContentsAsync());
        await Portal.ScreenshotAsync(page, "portal-host");

        var article = rules.First(r => S(r, "name") == "Article indicator");
        var articleId = S(article, "relatedDetailsUrl").Split('/').Last();
        await panel.Locator("li.rule", new() { HasText = "Article indicator" }).Locator("a.evidence").ClickAsync();
        await page.UntilUrlAsync(u => u.EndsWith($"#/article/{articleId}", StringComparison.Ordinal));

        // The ASN pivot of the address lists the hosts of that AS, as the API's pivot does.
        await page.GotoAsync($"{Portal.BaseUrl}/#/host/{Address}");
        await page.Locator(".host-summary a.pivot-asn").ClickAsync();
        var list = await page.Locator("main").TableAsync();
        var expected = await Portal.ApiAsync($"hosts?$filter=microsoft.graph.security.ipAddress/autonomousSystem/number eq {asn}&$count=true&$top=100");
        await Assertions.Expect(page.Locator(".total")).ToHaveAttributeAsync("data-total", expected.GetProperty("@odata.count").GetInt32().ToString());
        Assert.Equal(expected.Values().Select(h => S(h, "id")), await list.ColumnAsync("Host"));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Every_tab_shows_the_hosts_observations_from_the_api()
    {
        var page = await Portal.OpenAsync($"#/host/{Showcase}");

        var dns = await TabAsync(page, "resolutions");
        var pdns = await Portal.ApiValuesAsync($"hosts/{Showcase}/passiveDns?$top=100");
        Assert.Equal(pdns.Select(r => Id(r, "artifact")), await dns.ColumnAsync("Resolves to"));
        Assert.Equal(pdns.Select(r => S(r, "recordType")), await dns.ColumnAsync("Type"));
        await Assertions.Expect(page.Locator("#dns-chart canvas")).ToHaveCountAsync(1);

        await page.Locator("[role=tab][data-tab=whois]").ClickAsync();
        var whois = await Portal.ApiAsync($"hosts/{Showcase}/whois");
        await Assertions.Expect(page.Locator("#panel-whois .whois-current")).ToContainTextAsync(S(whois.GetProperty("registrar"), "name"));
        var history = await Portal.ApiValuesAsync($"hosts/{Showcase}/whois/history?$top=100");
        var versions = await page.Locator("#panel-whois").TableAsync();
        await Assertions.Expect(versions.Locator("tbody tr")).ToHaveCountAsync(history.Count);
        // Each later version names what changed: the demo's WHOIS history changes between versions.
        Assert.True(await versions.Locator(".diff-list li").CountAsync() >= history.Count - 1);

        var certificates = await TabAsync(page, "certificates");
        Assert.Equal((await Portal.ApiValuesAsync($"hosts/{Showcase}/sslCertificates?$top=50")).Select(c => S(c.GetProperty("sslCertificate"), "sha1")),
            await certificates.ColumnAsync("Certificate (SHA-1)"));

        var subdomains = await TabAsync(page, "subdomains");
        Assert.Equal((await Portal.ApiValuesAsync($"hosts/{Showcase}/subdomains?$top=100")).Select(s => Id(s, "host")), await subdomains.ColumnAsync("Subdomain"));

        var trackers = await TabAsync(page, "trackers");
        Assert.Equal((await Portal.ApiValuesAsync($"hosts/{Showcase}/trackers?$top=100")).Select(t => S(t, "value")), await trackers.ColumnAsync("Tracker"));

        var components = await TabAsync(page, "components");
        Assert.Equal((await Portal.ApiValuesAsync($"hosts/{Showcase}/components?$top=100")).Select(c => S(c, "name")), await components.ColumnAsync("Component"));

        var pairs = await TabAsync(page, "pairs");
        Assert.Equal((await Portal.ApiValuesAsync($"hosts/{Showcase}/hostPairs?$top=100")).Select(p => Id(p, "childHost")), await pairs.ColumnAsync("Child host"));

        var cookies = await TabAsync(page, "cookies");
        Assert.Equal((await Portal.ApiValuesAsync($"hosts/{Showcase}/cookies?$top=100")).Select(c => S(c, "name")), await cookies.ColumnAsync("Cookie"));

        var ports = await TabAsync(page, "ports");
        var apiPorts = await Portal.ApiValuesAsync($"hosts/{Showcase}/ports?$top=50&$expand=mostRecentSslCertificate");
        Assert.Equal(apiPorts.Select(p => p.GetProperty("port").GetInt32().ToString()), await ports.ColumnAsync("Port"));
        var banner = apiPorts.SelectMany(p => p.GetProperty("banners").EnumerateArray()).Select(b => S(b, "banner")).First();
        await Assertions.Expect(ports.Locator("pre.banner").First).ToBeVisibleAsync();
        Assert.Contains(banner.Trim(), string.Join("\n", await ports.ColumnAsync("Banners")), StringComparison.Ordinal);
        Assert.Contains("tab=ports", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Resolutions_filter_by_record_type_and_time_fence_as_the_api_does()
    {
        var page = await Portal.OpenAsync($"#/host/{Showcase}?tab=resolutions");
        await page.Locator("#panel-resolutions").TableAsync();
        await page.Locator("#dns-type").SelectOptionAsync("MX");
        await Assertions.Expect(page.Locator("#dns-chart")).ToHaveAttributeAsync("data-types", "MX");
        var mx = await page.Locator("#panel-resolutions").TableAsync();
        var expected = await Portal.ApiValuesAsync($"hosts/{Showcase}/passiveDns?$filter=recordType eq 'MX'&$top=100");
        Assert.Equal(expected.Select(r => Id(r, "artifact")), await mx.ColumnAsync("Resolves to"));

        // A fence after every record's last sighting leaves nothing.
        var latest = (await Portal.ApiValuesAsync($"hosts/{Showcase}/passiveDns?$top=1000")).Max(r => DateTimeOffset.Parse(S(r, "lastSeenDateTime")));
        await page.Locator("#dns-type").SelectOptionAsync("");
        await page.Locator("#dns-from").FillAsync(latest.AddDays(1).ToString("yyyy-MM-dd"));
        await page.Locator("#dns-filters button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#panel-resolutions .empty")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#panel-resolutions tbody tr")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_tracker_pivot_lists_every_host_with_that_tracker()
    {
        var page = await Portal.OpenAsync($"#/host/{Showcase}?tab=trackers");
        var trackers = await page.Locator("#panel-trackers").TableAsync();
        var link = trackers.Locator("a.pivot-tracker").First;
        var value = (await link.TextContentAsync())!.Trim();
        // Keyboard: focus the link and press Enter.
        await link.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync($"Hosts with tracker {value}");
        var list = await page.Locator("main").TableAsync();
        var expected = await Portal.ApiAsync($"hostTrackers?$filter=value eq '{value}'&$top=100&$count=true");
        Assert.Equal(expected.Values().Select(t => Id(t, "host")), await list.ColumnAsync("Host"));
        Assert.Contains(Showcase, await list.ColumnAsync("Host"));
        await Assertions.Expect(page.Locator(".total")).ToHaveAttributeAsync("data-total", expected.GetProperty("@odata.count").GetInt32().ToString());
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_table_exports_to_csv_and_json_with_the_api_data()
    {
        var page = await Portal.OpenAsync($"#/host/{Showcase}?tab=components");
        var panel = page.Locator("#panel-components");
        await panel.TableAsync();
        var api = await Portal.ApiValuesAsync($"hosts/{Showcase}/components?$top=100");

        var csvDownload = await page.RunAndWaitForDownloadAsync(() => panel.Locator("button[data-export=csv]").ClickAsync());
        Assert.Equal($"{Showcase}-components.csv", csvDownload.SuggestedFilename);
        var lines = (await File.ReadAllTextAsync((await csvDownload.PathAsync())!)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Component,Version,Category,Host,First seen,Last seen", lines[0]);
        Assert.Equal(api.Count, lines.Length - 1);
        Assert.Equal(api.Select(c => $"{S(c, "name")},{S(c, "version")},{S(c, "category")},{Id(c, "host")},{S(c, "firstSeenDateTime")},{S(c, "lastSeenDateTime")}"),
            lines.Skip(1));

        var jsonDownload = await page.RunAndWaitForDownloadAsync(() => panel.Locator("button[data-export=json]").ClickAsync());
        Assert.Equal($"{Showcase}-components.json", jsonDownload.SuggestedFilename);
        using var exported = JsonDocument.Parse(await File.ReadAllTextAsync((await jsonDownload.PathAsync())!));
        Assert.Equal(api.Select(c => JsonSerializer.Serialize(c)), exported.RootElement.EnumerateArray().Select(c => JsonSerializer.Serialize(c)));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Tabs_move_with_the_arrow_keys_and_load_on_selection()
    {
        var page = await Portal.OpenAsync($"#/host/{Showcase}");
        var first = page.Locator("[role=tab][data-tab=resolutions]");
        await Assertions.Expect(first).ToHaveAttributeAsync("aria-selected", "true");
        await first.FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        var whois = page.Locator("[role=tab][data-tab=whois]");
        await Assertions.Expect(whois).ToBeFocusedAsync();
        await Assertions.Expect(whois).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(page.Locator("#panel-whois")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#panel-resolutions")).ToBeHiddenAsync();
        await page.Keyboard.PressAsync("End");
        await Assertions.Expect(page.Locator("[role=tab][data-tab=ports]")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(first).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(page.Locator("[role=tab][data-tab=ports]")).ToHaveAttributeAsync("aria-selected", "true");
        await page.Locator("#panel-ports").TableAsync();
        // Only the selected tab is in the tab order.
        Assert.Equal(1, await page.Locator("[role=tab][tabindex='0']").CountAsync());
        await page.Context.CloseAsync();
    }
}
