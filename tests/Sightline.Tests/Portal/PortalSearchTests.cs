using Microsoft.Playwright;

using Sightline.Tests.Support;

namespace Sightline.Tests.Portal;

/// <summary>The search box: what it recognises and where each kind of query leads.</summary>
[Collection("demo")]
public sealed class PortalSearchTests(DemoServerFixture demo, PortalFixture portal) : PortalTestBase(demo, portal)
{
    private const string Showcase = "contoso-login.com";

    [BrowserFact]
    public async Task Searching_a_showcase_host_recognises_it_and_leads_to_its_page()
    {
        var page = await Portal.OpenAsync("#/search");
        // '/' anywhere but in a field focuses the search box.
        await page.Locator("main h1").First.ClickAsync();
        await page.Keyboard.PressAsync("/");
        Assert.Equal("search-box", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.TypeAsync(Showcase);
        await page.Keyboard.PressAsync("Enter");

        var recognised = page.Locator(".recognised");
        await Assertions.Expect(recognised).ToHaveAttributeAsync("data-kind", "hostname");
        Assert.Contains("host name", await recognised.TextContentAsync(), StringComparison.Ordinal);
        var host = await Portal.ApiAsync($"hosts/{Showcase}");
        var card = page.Locator(".result-card");
        await Assertions.Expect(card).ToContainTextAsync(host.GetProperty("firstSeenDateTime").GetString()![..10]);
        var reputation = await Portal.ApiAsync($"hosts/{Showcase}/reputation");
        await Assertions.Expect(card.Locator(".badge")).ToHaveTextAsync($"{reputation.GetProperty("classification").GetString()} {reputation.GetProperty("score").GetInt32()}");
        await Portal.ScreenshotAsync(page, "portal-search");

        await card.Locator($"a.pivot-host").First.ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync(Showcase);
        Assert.Contains($"#/host/{Showcase}", page.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Each_kind_of_query_is_recognised_and_lists_what_the_api_finds()
    {
        var tracker = (await Portal.ApiValuesAsync($"hosts/{Showcase}/trackers?$top=1000"))
            .First(t => t.GetProperty("kind").GetString() == "GoogleTagManagerId").GetProperty("value").GetString()!;
        var address = await Portal.ApiAsync("hosts/40.83.183.71");
        var netblock = address.GetProperty("netblock").GetString()!;
        var certificate = (await Portal.ApiValuesAsync($"hosts/{Showcase}/sslCertificates?$top=1"))[0].GetProperty("sslCertificate");
        var sha1 = certificate.GetProperty("sha1").GetString()!;
        var articles = await Portal.ApiValuesAsync("articles?$search=\"phishing\"&$top=25");
        Assert.NotEmpty(articles);

        var page = await Portal.OpenAsync("#/search");
        async Task<ILocator> SearchAsync(string query, string kind)
        {
            await page.Locator("#search-box").FillAsync(query);
            await page.Locator("#search-box").PressAsync("Enter");
            await Assertions.Expect(page.Locator(".recognised")).ToHaveAttributeAsync("data-kind", kind);
            return page.Locator(".results");
        }

        var hosts = await (await SearchAsync(tracker, "tracker")).TableAsync();
        Assert.Contains(Showcase, await hosts.ColumnAsync("Host"));
        Assert.All(await hosts.ColumnAsync("Tracker"), v => Assert.Equal(tracker, v));

        var inBlock = await (await SearchAsync(netblock, "cidr")).TableAsync();
        Assert.Contains("40.83.183.71", await inBlock.ColumnAsync("Host"));
        Assert.All(await inBlock.ColumnAsync("Netblock"), v => Assert.Equal(netblock, v));

        var certificates = await (await SearchAsync(sha1.ToUpperInvariant(), "sha1")).TableAsync();
        Assert.Equal([sha1], await certificates.ColumnAsync("SHA-1"));

        var text = await SearchAsync("phishing", "text");
        var articleTable = await text.Locator("section[aria-label='Articles']").TableAsync();
        Assert.Equal(articles.Select(a => a.GetProperty("title").GetString()!), await articleTable.ColumnAsync("Title"));

        await SearchAsync("CVE-2024-3273", "cve");
        await Assertions.Expect(page.Locator(".results a.pivot-cve")).ToHaveAttributeAsync("href", "#/vulnerability/CVE-2024-3273");
        await page.Context.CloseAsync();
    }
}
