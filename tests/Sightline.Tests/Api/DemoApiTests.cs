using System.Text.Json;
using Sightline.Data.Demo;
using Sightline.Tests.Support;

namespace Sightline.Tests.Api;

/// <summary>The demo dataset, read through the API the way an analyst's client would after a first start.</summary>
[Collection("demo")]
public sealed class DemoApiTests(DemoServerFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    private Task<JsonElement> Get(string relative) => _client.GetJsonAsync(Graph.Root + relative);

    private async Task<int> CountAsync(string relative) => int.Parse(await _client.GetStringAsync(Graph.Root + relative + "/$count"), System.Globalization.CultureInfo.InvariantCulture);

    public static TheoryData<string> ShowcaseNames() => new(DemoDataset.ShowcaseHosts.Where(h => !System.Net.IPAddress.TryParse(h, out _)));

    public static TheoryData<string> ShowcaseAddresses() => new(DemoDataset.ShowcaseHosts.Where(h => System.Net.IPAddress.TryParse(h, out _)));

    [Fact]
    public async Task The_demo_is_large_enough_to_explore()
    {
        Assert.True(await CountAsync("/hosts") >= 200);
        Assert.True(await CountAsync("/articles") >= 20);
        Assert.True(await CountAsync("/intelProfiles") >= 20);
        Assert.True(await CountAsync("/vulnerabilities") >= 50);
        var kinds = (await Get("/intelProfiles?$top=1000&$select=kind")).Values().Select(p => p.GetProperty("kind").GetString()).Distinct().Order().ToList();
        Assert.Equal(["actor", "tool"], kinds);
    }

    [Theory]
    [MemberData(nameof(ShowcaseNames))]
    public async Task Every_navigation_of_a_showcase_hostname_has_data(string host)
    {
        foreach (var nav in new[] { "passiveDns", "subdomains", "components", "trackers", "cookies", "hostPairs", "childHostPairs", "parentHostPairs", "sslCertificates", "whois/history" })
        {
            Assert.True(await CountAsync($"/hosts/{host}/{nav}") > 0, $"{host}/{nav} is empty");
        }
        var types = (await Get($"/hosts/{host}/passiveDns?$top=1000&$select=recordType")).Values().Select(r => r.GetProperty("recordType").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { "A", "AAAA", "CNAME", "NS", "MX" }, types);
        Assert.True(await CountAsync($"/hosts/{host}/whois/history") >= 3);
        var whois = await Get($"/hosts/{host}/whois");
        Assert.False(string.IsNullOrEmpty(whois.GetProperty("rawWhoisText").GetString()));
        Assert.NotEmpty(whois.GetProperty("nameservers").EnumerateArray());
        var ports = (await Get($"/hosts/{host}/sslCertificates")).Values()
            .SelectMany(c => c.GetProperty("ports").EnumerateArray().Select(p => p.GetProperty("port").GetInt32())).Distinct().Count();
        Assert.True(ports >= 2, $"{host} has certificates on {ports} port(s)");
        var linkKinds = (await Get($"/hosts/{host}/hostPairs?$top=1000")).Values().Select(p => p.GetProperty("linkKind").GetString()).Distinct().Count();
        Assert.True(linkKinds >= 2);
        var reputation = await Get($"/hosts/{host}/reputation");
        Assert.InRange(reputation.GetProperty("score").GetInt32(), 0, 100);
    }

    [Theory]
    [MemberData(nameof(ShowcaseAddresses))]
    public async Task Every_navigation_of_a_showcase_address_has_data(string ip)
    {
        var host = await Get($"/hosts/{ip}");
        Assert.Equal("#microsoft.graph.security.ipAddress", host.GetProperty("@odata.type").GetString());
        Assert.False(string.IsNullOrEmpty(host.GetProperty("netblock").GetString()));
        Assert.True(await CountAsync($"/hosts/{ip}/passiveDnsReverse") > 0);
        var ports = (await Get($"/hosts/{ip}/ports?$expand=mostRecentSslCertificate")).Values();
        Assert.NotEmpty(ports);
        Assert.Contains(ports, p => p.GetProperty("banners").GetArrayLength() > 0 && p.GetProperty("services").GetArrayLength() > 0);
    }

    [Fact]
    public async Task Hosts_named_as_indicators_of_a_profile_come_out_malicious()
    {
        var profiles = (await Get("/intelProfiles?$top=5&$expand=indicators")).Values();
        var hostIndicators = profiles.SelectMany(p => p.GetProperty("indicators").EnumerateArray())
            .Select(i => i.GetProperty("artifact"))
            .Where(a => a.GetProperty("@odata.type").GetString() is "#microsoft.graph.security.hostname" or "#microsoft.graph.security.ipAddress")
            .Select(a => a.GetProperty("id").GetString()!)
            .Distinct().Take(10).ToList();
        Assert.NotEmpty(hostIndicators);
        foreach (var host in hostIndicators)
        {
            var reputation = await Get($"/hosts/{Uri.EscapeDataString(host)}/reputation");
            Assert.Equal("malicious", reputation.GetProperty("classification").GetString());
            Assert.NotEmpty(reputation.GetProperty("rules").EnumerateArray());
        }
    }

    [Theory]
    [MemberData(nameof(ShowcaseNames))]
    [MemberData(nameof(ShowcaseAddresses))]
    public async Task Every_showcase_host_shows_its_reputation_rules_with_evidence_that_resolves(string host)
    {
        var reputation = await Get($"/hosts/{host}/reputation");
        Assert.Equal("malicious", reputation.GetProperty("classification").GetString());
        var rules = reputation.GetProperty("rules").EnumerateArray().ToList();
        Assert.Contains(rules, r => r.GetProperty("severity").GetString() == "high");
        foreach (var rule in rules)
        {
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("name").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(rule.GetProperty("description").GetString()));
            if (rule.GetProperty("relatedDetailsUrl").GetString() is { Length: > 0 } url)
            {
                Assert.StartsWith("http://localhost/v1.0/", url);
                using var evidence = await _client.GetAsync(url);
                Assert.True(evidence.IsSuccessStatusCode, $"{host}: {rule.GetProperty("name").GetString()} links to {url}: {(int)evidence.StatusCode}");
            }
        }
        // The rule set that produced the verdict is named.
        Assert.Contains(rules, r => (r.GetProperty("description").GetString() ?? "").Contains("rule set", StringComparison.OrdinalIgnoreCase)
            || (r.GetProperty("name").GetString() ?? "").Contains("rule set", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Heavy_host_pages_through_hundreds_of_resolutions()
    {
        var heavy = (await Get("/passiveDnsRecords?$top=1")).Values();
        Assert.NotEmpty(heavy);
        var counts = new Dictionary<string, int>();
        foreach (var host in DemoDataset.ShowcaseHosts)
        {
            counts[host] = await CountAsync($"/hosts/{host}/passiveDns");
        }
        var page = await Get("/hosts/northwind-flux.net/passiveDns?$count=true");
        Assert.True(page.GetProperty("@odata.count").GetInt32() > 100);
        Assert.Equal(100, page.Values().Count);
        Assert.StartsWith("http://localhost/v1.0/security/threatIntelligence/hosts/northwind-flux.net/passiveDns?", page.GetProperty("@odata.nextLink").GetString());
    }
}
