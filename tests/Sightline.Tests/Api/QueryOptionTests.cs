using System.Text.Json;
using Sightline.Data;
using Sightline.Tests.Support;
using static Sightline.Tests.Support.TestData;

namespace Sightline.Tests.Api;

/// <summary>The OData query options each endpoint documents, with their results checked against known data.</summary>
[Collection("known")]
public sealed class QueryOptionTests(KnownDataFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    private Task<JsonElement> Get(string relative) => _client.GetJsonAsync(Graph.Root + relative);

    [Fact]
    public async Task Select_returns_only_the_selected_properties_and_always_the_id()
    {
        var json = await Get($"/intelProfiles?$select=tradecraft,kind");
        foreach (var profile in json.Values())
        {
            var names = profile.EnumerateObject().Select(p => p.Name).Where(n => !n.StartsWith('@')).Order().ToList();
            Assert.Equal(["id", "kind", "tradecraft"], names);
        }
        var host = await Get($"/hosts/{Domain}?$select=registrar");
        Assert.Equal(["id", "registrar"], host.EnumerateObject().Select(p => p.Name).Where(n => !n.StartsWith('@')).Order().ToList());
        var pairs = await Get($"/hosts/{Domain}/childHostPairs?$select=linkKind,parentHost");
        Assert.All(pairs.Values(), p => Assert.False(p.TryGetProperty("childHost", out _)));
        Assert.All(pairs.Values(), p => Assert.Equal(Domain, p.GetProperty("parentHost").GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("/hosts/contoso.example/passiveDns?$filter=recordType in ('AAAA','NS')", 10)]
    [InlineData("/hosts/contoso.example/passiveDns?$filter=recordType eq 'A' and firstSeenDateTime ge 2025-01-15T00:00:00Z", 11)]
    [InlineData("/hosts/contoso.example/passiveDns?$filter=recordType eq 'AAAA' or lastSeenDateTime lt 2025-01-13T00:00:00.000Z", 11)]
    [InlineData("/hosts/contoso.example/passiveDns?$filter=not (recordType eq 'A')", 10)]
    [InlineData("/hosts/contoso.example/passiveDns?$filter=startswith(artifact/id, '198.51.100.1')", 11)]
    [InlineData("/hosts/contoso.example/passiveDns?$filter=contains(artifact/id, '.2')", 11)]
    [InlineData("/hosts/contoso.example/passiveDns?$filter=firstSeenDateTime gt 2025-01-29", 1)]
    [InlineData("/hosts/contoso.example/passiveDns?$filter=firstSeenDateTime ge 2025-01-29T00:00:00%2B01:00", 2)]
    [InlineData("/hosts/contoso.example/childHostPairs?$filter=(linkKind eq 'redirect')", 1)]
    [InlineData("/hosts/contoso.example/hostPairs?$filter=parentHost/id in ('cdn.fabrikam.example','nowhere.example')", 1)]
    [InlineData("/hosts/contoso.example/hostPairs?$filter=childHost/id eq 'www.contoso.example'", 1)]
    [InlineData("/intelProfiles?$filter=firstActiveDateTime ge 2024-05-01T00:00:00Z", 1)]
    [InlineData("/intelProfiles?$filter=kind eq 'actor'", 1)]
    [InlineData("/intelProfiles?$filter=kind eq microsoft.graph.security.intelligenceProfileKind'tool'", 1)]
    [InlineData("/articles?$filter=createdDateTime ge 2025-02-01T00:00:00.123Z", 1)]
    [InlineData("/articles?$filter=isFeatured eq false and title ne null", 2)]
    [InlineData("/vulnerabilities?$filter=severity eq 'critical' and priorityScore gt 50", 1)]
    [InlineData("/hosts/contoso.example/whois/history?$filter=admin/address/state eq 'CA'", 2)]
    public async Task Filter_runs_in_the_database_with_the_results_graph_defines(string relative, int expected)
    {
        var json = await Get(relative + (relative.Contains('?') ? "&" : "?") + "$count=true");
        Assert.Equal(expected, json.Values().Count);
        Assert.Equal(expected, json.GetProperty("@odata.count").GetInt32());
    }

    [Theory]
    [InlineData("/hosts/contoso.example/passiveDns?$orderby=firstSeenDateTime asc", "firstSeenDateTime", false)]
    [InlineData("/hosts/contoso.example/passiveDns?$orderBy=lastSeenDateTime desc", "lastSeenDateTime", true)]
    [InlineData("/articles?$orderby=createdDateTime desc", "createdDateTime", true)]
    [InlineData("/articles?$orderby=createdDateTime", "createdDateTime", false)]
    [InlineData("/hosts/contoso.example/sslCertificates?$orderby=lastSeenDateTime desc", "lastSeenDateTime", true)]
    [InlineData("/whoisRecords?$orderby=host/id", null, false)]
    public async Task Orderby_sorts_in_the_requested_direction(string relative, string? property, bool descending)
    {
        var values = (await Get(relative)).Values();
        Assert.NotEmpty(values);
        if (property is null)
        {
            return;
        }
        var dates = values.Select(v => v.GetProperty(property).GetDateTimeOffset()).ToList();
        Assert.Equal(descending ? dates.OrderByDescending(d => d) : dates.Order(), dates);
    }

    [Fact]
    public async Task Top_and_skip_page_through_a_stable_order()
    {
        var all = (await Get($"/hosts/{Domain}/passiveDns?$top=100")).Values().Select(v => v.GetProperty("id").GetString()).ToList();
        Assert.Equal(PassiveDnsCount, all.Count);
        var paged = new List<string?>();
        for (var skip = 0; skip < PassiveDnsCount; skip += 7)
        {
            paged.AddRange((await Get($"/hosts/{Domain}/passiveDns?$top=7&$skip={skip}")).Values().Select(v => v.GetProperty("id").GetString()));
        }
        Assert.Equal(all, paged);
        Assert.Empty((await Get($"/hosts/{Domain}/passiveDns?$skip=1000")).Values());
    }

    [Fact]
    public async Task Count_is_an_integer_on_lists_and_plain_text_on_the_count_path()
    {
        var json = await Get($"/hosts/{Domain}/trackers?count=true");
        Assert.Equal(JsonValueKind.Number, json.GetProperty("@odata.count").ValueKind);
        Assert.Equal(1, json.GetProperty("@odata.count").GetInt32());
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Graph.Root}/hosts/{Domain}/passiveDns/$count?$filter=recordType eq 'A'");
        request.Headers.Accept.ParseAdd("text/plain;q=0.9");
        using var response = await _client.SendAsync(request);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("20", await response.Content.ReadAsStringAsync());
        Assert.Equal("3", await _client.GetStringAsync($"{Graph.Root}/hosts/{Domain}/whois/history/$count"));
        Assert.Equal("3", await _client.GetStringAsync($"{Graph.Root}/whoisRecords/{GraphIds.Compose(Domain, "3")}/history/$count"));
        Assert.Equal("1", await _client.GetStringAsync($"{Graph.Root}/sslCertificates/$count?$search=\"issuer/commonName:Contoso Issuing CA\""));
    }

    [Fact]
    public async Task Expand_inlines_article_indicators_and_the_most_recent_certificate_of_ports()
    {
        var article = await Get("/articles/a272d5ab?$expand=indicators");
        var indicators = article.GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal(2, indicators.Count);
        Assert.Contains(indicators, i => i.GetProperty("artifact").GetProperty("@odata.type").GetString() == "#microsoft.graph.security.unclassifiedArtifact");
        Assert.Contains(indicators, i => i.GetProperty("artifact").GetProperty("@odata.type").GetString() == "#microsoft.graph.security.hostname");

        var listed = await Get("/articles?$expand=indicators&$select=title");
        Assert.All(listed.Values(), a => Assert.True(a.TryGetProperty("indicators", out _)));

        var plain = (await Get($"/hosts/{Ip}/ports")).Values().Single();
        Assert.False(plain.GetProperty("mostRecentSslCertificate").TryGetProperty("sha1", out _));
        var expanded = (await Get($"/hosts/{Ip}/ports?$expand=mostRecentSslCertificate")).Values().Single();
        Assert.Equal("a3b59e5fe884ee1f34d98eef858e3fb662ac104a", expanded.GetProperty("mostRecentSslCertificate").GetProperty("sha1").GetString());
        var single = await Get($"/hostPorts/{GraphIds.Compose(Ip, "443")}?$expand=mostRecentSslCertificate");
        Assert.Equal("Contoso Issuing CA", single.GetProperty("mostRecentSslCertificate").GetProperty("issuer").GetProperty("commonName").GetString());
    }

    [Theory]
    [InlineData("/articles?$search=phishing", 1)]
    [InlineData("/articles?$search=\"phishing\"", 1)]
    [InlineData("/articles?$search=contoso phishing", 1)]
    [InlineData("/articles?$search=Contoso+login+pages", 1)]
    [InlineData("/articles?$search=ransomware", 1)]
    [InlineData("/articles?$search=nothing-matches-this", 0)]
    [InlineData("/intelProfiles?$search=TEMP.Contoso", 1)]
    [InlineData("/intelProfiles?$search=fabrikamrat", 1)]
    [InlineData("/whoisRecords?$search=\"admin/address/state:WA\"", 1)]
    [InlineData("/whoisRecords?$search=\"registrant/email:ADMIN3@contoso.example\"", 1)]
    [InlineData("/whoisRecords?$search=\"registrant/email:admin1@contoso.example\"", 0)]
    [InlineData("/whoisRecords?$search=\"nameservers/host/id:ns2.contoso.example\"", 1)]
    [InlineData("/whoisRecords?$search=registrar/name:MarkMonitor Inc.", 1)]
    [InlineData("/sslCertificates?$search=\"fingerprint:6DE6FFA8AA70F04C7E49B83EBEEE452A5A0C4B1E9FAB1B5DE9302A16DE86C64A\"", 1)]
    [InlineData("/sslCertificates?$search=\"sha1:a3b59e5fe884ee1f34d98eef858e3fb662ac104a\"", 1)]
    [InlineData("/sslCertificates?$search=\"serialNumber:1234567890\"", 1)]
    [InlineData("/sslCertificates?$search=\"subject/commonName:contoso.example\"", 1)]
    [InlineData("/sslCertificates?$search=\"issuer/organizationName:Fabrikam\"", 0)]
    public async Task Search_finds_by_free_text_or_by_path_and_value(string relative, int expected)
    {
        Assert.Equal(expected, (await Get(relative)).Values().Count);
    }

    [Fact]
    public async Task Whois_records_can_be_searched_and_ordered_together()
    {
        var json = await Get("/whoisRecords?$search=\"admin/address/state:WA\"&$orderby=registrationDateTime desc&$top=5&$count=true");
        Assert.Equal(1, json.GetProperty("@odata.count").GetInt32());
        Assert.Equal(GraphIds.Compose(Domain, "3"), json.Values().Single().GetProperty("id").GetString());
    }
}
