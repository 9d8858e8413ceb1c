using System.Text.Json;
using Sightline.Tests.Support;
using static Sightline.Tests.Support.TestData;

namespace Sightline.Tests.Api;

[Collection("known")]
public sealed class HostRoutesTests(KnownDataFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    [Fact]
    public async Task Host_is_returned_with_its_concrete_type_and_fields()
    {
        var host = await _client.GetJsonAsync($"{Graph.Root}/hosts/{Domain}");
        Assert.Equal("#microsoft.graph.security.hostname", host.GetProperty("@odata.type").GetString());
        Assert.Equal(Domain, host.GetProperty("id").GetString());
        Assert.Equal("MarkMonitor Inc.", host.GetProperty("registrar").GetString());
        Assert.Equal("2025-01-01T00:00:00Z", host.GetProperty("firstSeenDateTime").GetString());
        Assert.EndsWith("/v1.0/$metadata#security/threatIntelligence/hosts/$entity", host.GetProperty("@odata.context").GetString());

        var ip = await _client.GetJsonAsync($"{Graph.Root}/hosts/{Ip}");
        Assert.Equal("#microsoft.graph.security.ipAddress", ip.GetProperty("@odata.type").GetString());
        Assert.Equal("NL", ip.GetProperty("countryOrRegion").GetString());
        Assert.Equal("20.103.0.0/16", ip.GetProperty("netblock").GetString());
        Assert.Equal(8075, ip.GetProperty("autonomousSystem").GetProperty("number").GetInt32());
        Assert.False(ip.TryGetProperty("registrar", out _));
    }

    [Fact]
    public async Task Passive_dns_pages_with_an_absolute_next_link_that_reproduces_the_query()
    {
        var first = await _client.GetJsonAsync($"{Graph.Root}/hosts/{Domain}/passiveDns?$count=true&$top=12&$filter=recordType eq 'A'&$orderby=lastSeenDateTime desc");
        Assert.Equal(JsonValueKind.Number, first.GetProperty("@odata.count").ValueKind);
        Assert.Equal(20, first.GetProperty("@odata.count").GetInt32());
        var page = first.Values();
        Assert.Equal(12, page.Count);
        Assert.All(page, r => Assert.Equal("A", r.GetProperty("recordType").GetString()));
        // As on Graph, $top is the page size: the rest is one next link away, with the same options.
        var rest = await _client.GetJsonAsync(first.GetProperty("@odata.nextLink").GetString()!);
        Assert.Equal(8, rest.Values().Count);
        Assert.False(rest.TryGetProperty("@odata.nextLink", out _));
        Assert.Empty(page.Select(r => r.GetProperty("id").GetString()).Intersect(rest.Values().Select(r => r.GetProperty("id").GetString())));

        var all = new List<JsonElement>();
        string? next = $"{Graph.Root}/hosts/{Domain}/passiveDns?$filter=recordType eq 'A'&$orderby=lastSeenDateTime desc";
        var pages = 0;
        while (next is not null)
        {
            var json = await _client.GetJsonAsync(next.Replace("http://localhost", "", StringComparison.Ordinal) + (pages == 0 ? "&$top=3" : ""));
            all.AddRange(json.Values());
            next = json.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
            if (next is not null)
            {
                Assert.StartsWith("http://localhost/v1.0/security/threatIntelligence/hosts/" + Domain + "/passiveDns?", next);
            }
            pages++;
        }
        Assert.Equal(20, all.Count);
        Assert.Equal(7, pages);
        var dates = all.Select(r => r.GetProperty("lastSeenDateTime").GetDateTimeOffset()).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
    }
}
