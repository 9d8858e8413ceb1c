using Microsoft.Extensions.DependencyInjection;
using Sightline.OData;
using Sightline.Tests.Support;
using static Sightline.Tests.Support.TestData;

namespace Sightline.Tests.Api;

/// <summary>Server-driven paging with a small default and maximum page, so the bounds are visible.</summary>
public sealed class PagingBoundsTests : IAsyncLifetime
{
    private SightlineServer _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await SightlineServer.StartAsync(loadDemo: false, services: s => s.AddSingleton(new PagingOptions(DefaultPageSize: 4, MaxPageSize: 10)));
        await using (var db = _server.CreateDb())
        {
            await SeedAsync(db);
        }
        _client = _server.Client();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Without_top_a_page_has_the_default_size_and_links_to_the_next()
    {
        var page = await _client.GetJsonAsync($"{Graph.Root}/hosts/{Domain}/passiveDns?$select=id&$orderby=firstSeenDateTime");
        Assert.Equal(4, page.Values().Count);
        Assert.Equal($"http://localhost/v1.0/security/threatIntelligence/hosts/{Domain}/passiveDns?$select=id&$orderby=firstSeenDateTime&$skip=4",
            page.GetProperty("@odata.nextLink").GetString());
    }

    [Fact]
    public async Task A_top_above_the_maximum_is_served_in_maximum_pages()
    {
        var ids = new List<string>();
        string? next = $"{Graph.Root}/hosts/{Domain}/passiveDns?$top=25";
        var pages = 0;
        while (next is not null)
        {
            var page = await _client.GetJsonAsync(next);
            Assert.True(page.Values().Count <= 10);
            ids.AddRange(page.Values().Select(v => v.GetProperty("id").GetString()!));
            next = page.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
            pages++;
        }
        Assert.Equal(3, pages);
        Assert.Equal(PassiveDnsCount, ids.Count);
        Assert.Equal(PassiveDnsCount, ids.Distinct().Count());
    }

    [Fact]
    public async Task The_last_page_has_no_next_link()
    {
        var page = await _client.GetJsonAsync($"{Graph.Root}/hosts/{Domain}/passiveDns?$skip=28");
        Assert.Equal(2, page.Values().Count);
        Assert.False(page.TryGetProperty("@odata.nextLink", out _));
        var exact = await _client.GetJsonAsync($"{Graph.Root}/hosts/{Domain}/passiveDns?$skip=26");
        Assert.Equal(4, exact.Values().Count);
        Assert.False(exact.TryGetProperty("@odata.nextLink", out _));
    }

    [Fact]
    public async Task Next_links_follow_the_beta_version_and_keep_the_filter()
    {
        var page = await _client.GetJsonAsync($"/beta/security/threatIntelligence/hosts('{Domain}')/passiveDns?$filter=recordType eq 'A'");
        var next = page.GetProperty("@odata.nextLink").GetString()!;
        Assert.StartsWith("http://localhost/beta/security/threatIntelligence/hosts/", next);
        Assert.Contains("$filter=recordType%20eq%20%27A%27", next);
        var second = await _client.GetJsonAsync(next);
        Assert.All(second.Values(), r => Assert.Equal("A", r.GetProperty("recordType").GetString()));
    }
}
