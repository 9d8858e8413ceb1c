using Sightline.Tests.Support;
using static Sightline.Tests.Api.PivotsData;

namespace Sightline.Tests.Api;

/// <summary>What no index serves on a pivot set is a 400 in Graph's envelope naming the indexed properties.</summary>
[Collection("pivots")]
public sealed class PivotsBoundsTests(PivotsFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    [Theory]
    [InlineData("hostTrackers?$filter=contains(value, 'PIVOT')", "value")]
    [InlineData("hostTrackers?$filter=kind eq 'GoogleAnalyticsID'", "value")]
    [InlineData("hostTrackers?$filter=value eq 'G-A' or value eq 'G-B'", "value")]
    [InlineData("hostTrackers?$filter=not (value eq 'G-A')", "value")]
    [InlineData("hostTrackers?$orderby=lastSeenDateTime desc", "value")]
    [InlineData("hostCookies?$filter=startswith(name, '_pivot')", "name, domain")]
    [InlineData("hostComponents?$filter=version eq '1.18.0'", "name")]
    [InlineData("hostPairs?$filter=linkKind eq 'script'", "childHost/id")]
    [InlineData("passiveDnsRecords?$filter=recordType eq 'A'", "artifact/id")]
    [InlineData("hostSslCertificates?$filter=lastSeenDateTime ge 2026-01-01", "sslCertificate/id")]
    [InlineData("hostPorts?$filter=port gt 1000", "port")]
    [InlineData("subdomains?$filter=firstSeenDateTime ge 2026-01-01", "host/id")]
    [InlineData("whoisRecords?$filter=registrant/address/state eq 'WA'", "registrant/email")]
    [InlineData("whoisHistoryRecords?$filter=lastUpdateDateTime ge 2026-01-01", "nameservers/host/id")]
    [InlineData("hosts?$filter=lastSeenDateTime ge 2026-01-01", "autonomousSystem/number")]
    [InlineData("hosts?$filter=microsoft.graph.security.ipAddress/hostingProvider eq 'Contoso'", "netblock")]
    public async Task A_query_no_index_serves_is_a_bad_request_that_names_the_indexed_properties(string url, string named)
    {
        using var response = await _client.GetAsync($"{Graph.Root}/{url}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal("BadRequest", await _client.GetErrorAsync($"{Graph.Root}/{url}", 400));
        Assert.Contains(named, body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hostTrackers?$orderby=id desc")]
    [InlineData("whoisRecords?$orderby=host/id")]
    [InlineData("whoisRecords?$search=\"registrant/name:Registrant 3\"&$orderby=lastUpdateDateTime desc")]
    [InlineData("whoisRecords?$search=\"registrant/name:Registrant 3\"&$filter=lastUpdateDateTime ge 2026-01-01")]
    [InlineData("hosts?$filter=microsoft.graph.security.ipAddress/autonomousSystem/number in (64500, 64501) and lastSeenDateTime eq null")]
    public async Task Queries_an_index_serves_are_answered(string url)
    {
        var page = await _client.GetJsonAsync($"{Graph.Root}/{url}");
        Assert.NotEmpty(page.Values());
    }

    [Fact]
    public async Task Host_scoped_lists_keep_graphs_skip_paging()
    {
        var page = await _client.GetJsonAsync($"{Graph.Root}/hosts/{Name(0)}/whois/history?$top=1");
        Assert.EndsWith("$top=1&$skip=1", page.GetProperty("@odata.nextLink").GetString(), StringComparison.Ordinal);
    }
}
