using System.Text.Json;
using Microsoft.Playwright;
using Sightline.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Sightline.Tests.Portal;

/// <summary>
/// The relationship graph, and the article, intel profile and vulnerability pages, in Debian's Chromium against the
/// demo. Expected content comes from the API the portal reads, asked directly.
/// </summary>
[Collection("demo")]
public sealed class PortalPagesTests(DemoServerFixture demo, PortalFixture portal) : PortalTestBase(demo, portal)
{
    private const string Showcase = "contoso-login.com";

    private static string Id(JsonElement e) => e.GetProperty("id").GetString()!;

    private Task<JsonElement> Api(string path) => Portal.Client.GetJsonAsync($"{Graph.Root}/{path}");

    private static async Task GraphSettledAsync(IPage page)
    {
        await page.Locator(".graph-canvas[data-busy='false']").WaitForAsync();
    }

    private static async Task<int> NodeCountAsync(IPage page) =>
        int.Parse((await page.Locator(".graph-status").GetAttributeAsync("data-nodes"))!, System.Globalization.CultureInfo.InvariantCulture);

    private static ILocator Entry(IPage page, string nodeId) => page.Locator($".graph-nodes li[data-node-id=\"{nodeId}\"]");

    [BrowserFact]
    public async Task The_graph_shows_the_hosts_relations_and_a_click_on_an_address_adds_its_neighbours()
    {
        // What the API says the showcase host is related to: the first two of every relation are always drawn.
        var resolutions = (await Api($"hosts/{Showcase}/passiveDns?$top=25")).Values()
            .Select(r => r.GetProperty("artifact")).Where(a => a.GetProperty("@odata.type").GetString()!.EndsWith("ipAddress", StringComparison.Ordinal))
            .Select(Id).Distinct().ToList();
        var trackers = (await Api($"hosts/{Showcase}/trackers?$top=25")).Values().Select(t => t.GetProperty("value").GetString()!).Distinct().Take(2).ToList();
        var certificates = (await Api($"hosts/{Showcase}/sslCertificates?$top=25")).Values().Select(c => Id(c.GetProperty("sslCertificate"))).Distinct().Take(2).ToList();
        var nameServers = (await Api($"hosts/{Showcase}/whois")).GetProperty("nameservers").EnumerateArray()
            .Select(n => Id(n.GetProperty("host"))).Take(1).ToList();
        Assert.NotEmpty(resolutions);
        Assert.NotEmpty(trackers);
        Assert.NotEmpty(certificates);
        Assert.NotEmpty(nameServers);

        var page = await Portal.SignedInPageAsync();
        // The host page links to its graph.
        await page.GotoAsync($"/#/host/{Showcase}");
        await page.Locator("a.pivot-graph").ClickAsync();
        await page.UntilUrlAsync(url => url.EndsWith($"#/graph/{Showcase}", StringComparison.Ordinal));
        await GraphSettledAsync(page);
        Assert.Equal($"Graph of {Showcase}", (await page.Locator("h1").TextContentAsync())?.Trim());

        foreach (var ip in resolutions.Take(2))
        {
            await Expect(Entry(page, $"host:{ip}")).ToBeVisibleAsync();
        }
        foreach (var tracker in trackers)
        {
            await Expect(Entry(page, $"tracker:{tracker}")).ToBeVisibleAsync();
        }
        foreach (var certificate in certificates)
        {
            await Expect(Entry(page, $"certificate:{certificate}")).ToBeVisibleAsync();
        }
        await Expect(Entry(page, $"host:{nameServers[0]}")).ToBeVisibleAsync();
        // The relation is the edge's label: the host resolves to the address.
        var edge = await page.EvaluateAsync<string?>(
            "([from, to]) => window.sightlineGraph.edges().filter(e => e.source().id() === from && e.target().id() === to).map(e => e.data('label')).join(',')",
            new[] { $"host:{Showcase}", $"host:{resolutions[0]}" });
        Assert.StartsWith("resolves to (", edge, StringComparison.Ordinal);
        await Portal.ScreenshotAsync(page, "graph");

        // A click on the address node on the canvas expands it: the hosts that resolved to it join the graph.
        var ipNode = $"host:{resolutions[0]}";
        var reverse = (await Api($"hosts/{resolutions[0]}/passiveDnsReverse?$top=25")).Values()
            .Select(r => Id(r.GetProperty("parentHost"))).Distinct().ToList();
        Assert.Contains(Showcase, reverse);
        var before = await NodeCountAsync(page);
        var point = await page.EvaluateAsync<double[]>(
            "id => { const n = window.sightlineGraph.getElementById(id); const p = n.renderedPosition(); const r = window.sightlineGraph.container().getBoundingClientRect(); return [r.left + p.x, r.top + p.y]; }",
            ipNode);
        await page.Mouse.ClickAsync((float)point[0], (float)point[1]);
        await Expect(Entry(page, ipNode).Locator("button[aria-expanded='true']")).ToBeVisibleAsync();
        await GraphSettledAsync(page);
        foreach (var neighbour in reverse.Take(2))
        {
            await Expect(Entry(page, $"host:{neighbour}")).ToBeVisibleAsync();
        }
        if (reverse.Count > 1)
        {
            Assert.True(await NodeCountAsync(page) > before, "expanding the address added no node");
        }
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task The_node_list_works_with_the_keyboard_and_a_large_neighbourhood_comes_in_bounded_steps()
    {
        // northwind-flux.net resolves to hundreds of addresses: one expansion draws a bounded number and a "more" node.
        const string flux = "northwind-flux.net";
        var page = await Portal.SignedInPageAsync();
        await page.GotoAsync($"/#/graph/{flux}");
        await GraphSettledAsync(page);
        var first = await NodeCountAsync(page);
        Assert.InRange(first, 2, 26);
        var more = Entry(page, $"more:host:{flux}").Locator("button");
        await Expect(more).ToBeVisibleAsync();

        // Keyboard: focus the "more" entry and press Enter; the next batch comes in.
        await more.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("n => Number(document.querySelector('.graph-status').dataset.nodes) > n", first);
        await GraphSettledAsync(page);
        var second = await NodeCountAsync(page);
        Assert.InRange(second, first + 1, first + 25);

        // Keyboard: Tab from the "more" entry reaches the next entries, and Enter on an address expands it.
        var address = page.Locator(".graph-nodes .node-entry[data-kind='ipAddress']:not([aria-expanded])").First;
        var nodeId = await address.GetAttributeAsync("data-node-id");
        await address.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(Entry(page, nodeId!).Locator("button[aria-expanded='true']")).ToBeVisibleAsync();
        await GraphSettledAsync(page);
        var reverse = (await Api($"hosts/{nodeId!["host:".Length..]}/passiveDnsReverse?$top=5")).Values().Select(r => Id(r.GetProperty("parentHost"))).ToList();
        Assert.Contains(flux, reverse);
        var edges = await page.EvaluateAsync<int>("id => window.sightlineGraph.getElementById(id).connectedEdges().length", nodeId);
        Assert.True(edges >= 1);

        // The "open" link of a node goes to its host page.
        await Entry(page, nodeId!).Locator("a.node-open").ClickAsync();
        await page.UntilUrlAsync(url => url.Contains("#/host/", StringComparison.Ordinal));
        Assert.Equal(nodeId!["host:".Length..], (await page.Locator("h1").TextContentAsync())?.Split(' ')[0]);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task An_article_shows_its_content_and_indicators_and_an_indicator_is_a_pivot()
    {
        // The demo's synthetic article names the showcase infrastructure.
        var found = (await Api("articles?$search=%22contoso%22&$top=5")).Values();
        Assert.NotEmpty(found);
        var article = await Api($"articles/{Id(found[0])}");
        var indicators = (await Api($"articles/{Id(article)}/indicators?$top=100")).Values();
        Assert.NotEmpty(indicators);

        var page = await Portal.SignedInPageAsync();
        await page.Locator("nav.sections a", new() { HasText = "Articles" }).ClickAsync();
        await page.Locator("#articles-q").FillAsync("contoso");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("table.data a.pivot-article").First.ClickAsync();
        await page.UntilUrlAsync(url => url.Contains("#/article/", StringComparison.Ordinal));
        await page.Locator("table.data tbody tr").First.WaitForAsync();
        Assert.Equal(article.GetProperty("title").GetString(), (await page.Locator("h1").TextContentAsync())?.Trim());

        // The body is rendered (markdown to sanitised HTML), not shown as raw markup.
        var bodyText = await page.Locator(".formatted.body").InnerTextAsync();
        var firstWords = article.GetProperty("body").GetProperty("content").GetString()!
            .Split('\n').Select(l => l.Trim()).First(l => l.Length > 20 && char.IsLetter(l[0]) && !l.Contains('[', StringComparison.Ordinal) && !l.Contains('*', StringComparison.Ordinal) && !l.Contains('`', StringComparison.Ordinal));
        Assert.Contains(firstWords[..20], bodyText, StringComparison.Ordinal);

        var rows = page.Locator("[data-table^='article-'] table.data tbody tr");
        Assert.Equal(indicators.Count, await rows.CountAsync());
        var host = indicators.Select(i => i.GetProperty("artifact"))
            .First(a => a.GetProperty("@odata.type").GetString()!.EndsWith("hostname", StringComparison.Ordinal));
        await page.Locator($"[data-table^='article-'] a.pivot-host:text-is(\"{Id(host)}\")").First.ClickAsync();
        await page.UntilUrlAsync(url => url.Contains($"#/host/{Id(host)}", StringComparison.Ordinal));
        Assert.StartsWith(Id(host), (await page.Locator("h1").TextContentAsync())?.Trim(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task An_intel_profile_shows_its_aliases_targets_and_indicators()
    {
        var found = (await Api("intelProfiles?$filter=title%20eq%20'APT28'")).Values();
        Assert.Single(found);
        var profile = found[0];
        var indicators = (await Api($"intelProfiles/{Id(profile)}/indicators?$top=100")).Values();
        Assert.NotEmpty(indicators);

        var page = await Portal.SignedInPageAsync();
        await page.Locator("nav.sections a", new() { HasText = "Profiles" }).ClickAsync();
        await page.Locator("table.data a.pivot-profile", new() { HasText = "APT28" }).ClickAsync();
        await page.UntilUrlAsync(url => url.Contains($"#/profile/{Id(profile)}", StringComparison.Ordinal));
        await page.Locator("[data-table^='profile-'] table.data tbody tr").First.WaitForAsync();
        Assert.StartsWith("APT28", (await page.Locator("h1").TextContentAsync())?.Trim(), StringComparison.Ordinal);
        var aliases = await page.Locator("ul.aliases li").AllTextContentsAsync();
        Assert.Equal(profile.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!), aliases);
        var targets = await page.Locator("ul.targets li").AllTextContentsAsync();
        Assert.Equal(profile.GetProperty("targets").EnumerateArray().Select(a => a.GetString()!), targets);
        Assert.Equal(indicators.Count, await page.Locator("[data-table^='profile-'] table.data tbody tr").CountAsync());
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_vulnerability_shows_scores_exploitation_and_the_articles_naming_it()
    {
        const string cve = "CVE-2024-3273";
        var v = await Api($"vulnerabilities/{cve}");
        var articles = (await Api($"vulnerabilities/{cve}/articles?$top=50")).Values();

        var page = await Portal.SignedInPageAsync();
        await page.Locator("#search-box").FillAsync(cve.ToLowerInvariant());
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("a.pivot-cve").ClickAsync();
        await page.UntilUrlAsync(url => url.Contains($"#/vulnerability/", StringComparison.Ordinal));
        await page.Locator("[data-table$='-articles']").WaitForAsync();
        Assert.StartsWith(cve, (await page.Locator("h1").TextContentAsync())?.Trim(), StringComparison.Ordinal);
        var facts = await page.Locator("dl.facts").InnerTextAsync();
        Assert.Contains($"{v.GetProperty("priorityScore").GetInt32()} of 100", facts, StringComparison.Ordinal);
        var kev = v.GetProperty("activeExploitsObserved").GetBoolean();
        Assert.Equal(kev, facts.Contains("exploited in the wild", StringComparison.Ordinal));
        var description = v.GetProperty("description").GetProperty("content").GetString()!;
        Assert.Contains(description[..30], await page.Locator(".formatted.description").InnerTextAsync(), StringComparison.Ordinal);
        var titles = await page.Locator("[data-table$='-articles'] a.pivot-article").AllTextContentsAsync();
        Assert.Equal(articles.Select(a => a.GetProperty("title").GetString()!).Order(), titles.Order());
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Formatted_content_from_the_api_is_sanitised_before_it_reaches_the_page()
    {
        var page = await Portal.SignedInPageAsync();
        var html = await page.EvaluateAsync<string>(
            """
            async () => {
              const m = await import('/js/content.js');
              const box = document.createElement('div');
              box.append(m.formatted({ format: 'html', content: '<p onclick="x()">ok<script>window.pwned=1</script><img src="x" onerror="window.pwned=2"><a href="javascript:alert(1)">j</a></p>' }));
              box.append(m.formatted({ format: 'markdown', content: '# Title\n\n<iframe src="https://example.org"></iframe>\n\nSee [link](https://example.org).' }));
              box.append(m.formatted({ format: 'text', content: '<b>not bold</b>' }));
              return box.innerHTML;
            }
            """);
        Assert.DoesNotContain("script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<h1>Title</h1>", html, StringComparison.Ordinal);
        Assert.Contains("rel=\"noopener noreferrer\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;not bold&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Null(await page.EvaluateAsync<int?>("() => window.pwned ?? null"));
        await page.Context.CloseAsync();
    }
}
