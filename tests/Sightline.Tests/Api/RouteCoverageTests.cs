using System.Text.Json;
using Microsoft.OData.Edm;
using Sightline.Edm;
using Sightline.Tests.Support;
using Sightline.ThreatIntelligence;
using static Sightline.Tests.Support.TestData;

namespace Sightline.Tests.Api;

/// <summary>Every navigation of the reference schema has a route, and every route answers with data.</summary>
[Collection("known")]
public sealed class RouteCoverageTests(KnownDataFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    /// <summary>Route patterns the schema allows, down to set/{key}/nav/{key} (plus hosts/{key}/whois/history).</summary>
    public static IEnumerable<string> SchemaPatterns()
    {
        foreach (var set in GraphModel.ThreatIntelligence.NavigationProperties())
        {
            yield return set.Name;
            yield return set.Name + "/{key}";
            foreach (var nav in set.ToEntityType().NavigationProperties())
            {
                var path = $"{set.Name}/{{key}}/{nav.Name}";
                yield return path;
                if (nav.Type.IsCollection())
                {
                    yield return path + "/{key}";
                }
            }
        }
        yield return "hosts/{key}/whois/history";
        yield return "hosts/{key}/whois/history/{key}";
    }

    [Fact]
    public void Every_navigation_in_the_reference_schema_has_a_route()
    {
        var routes = ThreatIntelligenceRoutes.Build().Patterns.ToHashSet();
        var missing = SchemaPatterns().Where(p => !routes.Contains(p)).ToList();
        Assert.True(missing.Count == 0, "No route for: " + string.Join(", ", missing));
        Assert.True(routes.Count >= 85, $"only {routes.Count} routes");
    }

    public static TheoryData<string> AllRoutes()
    {
        var data = new TheoryData<string>();
        foreach (var pattern in ThreatIntelligenceRoutes.Build().Patterns.Order(StringComparer.Ordinal))
        {
            data.Add(pattern);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllRoutes))]
    public async Task Every_route_answers_with_data_from_the_store(string pattern)
    {
        var url = await ResolveAsync(pattern);
        Assert.True(url is not null, $"No key assignment makes {pattern} answer 200 with data.");
        var json = await _client.GetJsonAsync(url);
        Assert.StartsWith("http://localhost/v1.0/$metadata#security/threatIntelligence/", json.GetProperty("@odata.context").GetString());
        var counted = await _client.GetAsync(url + "/$count");
        if (json.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array)
        {
            Assert.True(value.GetArrayLength() > 0);
            Assert.Equal("text/plain", counted.Content.Headers.ContentType?.MediaType);
            Assert.Equal(value.GetArrayLength().ToString(), await counted.Content.ReadAsStringAsync());
        }
        if (json.TryGetProperty("value", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            // The options every Graph collection takes, together, as clients send them.
            var paged = await _client.GetJsonAsync(url + "?$top=1&$skip=0&$count=true&$select=id");
            Assert.Single(paged.Values());
            Assert.Equal(items.GetArrayLength(), paged.GetProperty("@odata.count").GetInt32());
            Assert.Equal(["@odata.type", "id"], paged.Values()[0].EnumerateObject().Select(p => p.Name).ToArray());
            Assert.Equal(items.GetArrayLength() > 1, paged.TryGetProperty("@odata.nextLink", out _));
        }
        else
        {
            Assert.False(string.IsNullOrEmpty(json.GetProperty("id").GetString()));
            var selected = await _client.GetJsonAsync(url + "?$select=id");
            Assert.Equal(json.GetProperty("id").GetString(), selected.GetProperty("id").GetString());
            Assert.StartsWith("#microsoft.graph.security.", json.GetProperty("@odata.type").GetString());
            Assert.Equal(400, (int)counted.StatusCode);
        }
    }

    /// <summary>Finds keys (from the store, through the API itself) for which the route returns data.</summary>
    private async Task<string?> ResolveAsync(string pattern)
    {
        var parts = pattern.Split('/');
        var prefixes = new List<string> { Graph.Root };
        for (var i = 0; i < parts.Length; i++)
        {
            var next = new List<string>();
            foreach (var prefix in prefixes)
            {
                if (parts[i] != "{key}")
                {
                    next.Add(prefix + "/" + parts[i]);
                    continue;
                }
                var keys = parts[i - 1] == "hosts" ? [Domain, Ip, "www." + Domain] : await IdsAsync(prefix);
                next.AddRange(keys.Select(k => prefix + "/" + Uri.EscapeDataString(k)));
            }
            prefixes = next;
        }
        foreach (var candidate in prefixes)
        {
            using var response = await _client.GetAsync(candidate);
            if (!response.IsSuccessStatusCode)
            {
                continue;
            }
            var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            if (!json.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > 0)
            {
                return candidate;
            }
        }
        return null;
    }

    private async Task<IReadOnlyList<string>> IdsAsync(string collectionUrl)
    {
        using var response = await _client.GetAsync(collectionUrl);
        if (!response.IsSuccessStatusCode)
        {
            return [];
        }
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return json.TryGetProperty("value", out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(v => v.GetProperty("id").GetString()!).Take(10).ToList()
            : [];
    }
}
