using System.Text.Json;
using Sightline.Data;
using Sightline.Tests.Support;
using static Sightline.Tests.Support.TestData;

namespace Sightline.Tests.Api;

/// <summary>Keys, segment names, encodings and query-string forms as real clients send them.</summary>
[Collection("known")]
public sealed class AddressingTests(KnownDataFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    [Theory]
    [InlineData("/v1.0/security/threatIntelligence/hosts/contoso.example")]
    [InlineData("/v1.0/security/threatIntelligence/hosts('contoso.example')")]
    [InlineData("/v1.0/security/threatIntelligence/hosts(%27contoso.example%27)")]
    [InlineData("/v1.0/security/threatIntelligence/HOSTS/Contoso.Example")]
    [InlineData("/v1.0/Security/ThreatIntelligence/Hosts('CONTOSO.example')")]
    [InlineData("/V1.0/security/threatIntelligence/hosts/contoso.example")]
    [InlineData("/v1.0//security/threatIntelligence/hosts/contoso.example")]
    [InlineData("/beta/security/threatIntelligence/hosts/contoso.example")]
    [InlineData("/v1.0/security/threatIntelligence/hosts/contoso.example.")]
    public async Task Host_keys_and_segment_names_are_accepted_in_every_client_form(string url)
    {
        var host = await _client.GetJsonAsync(url);
        Assert.Equal(Domain, host.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("WHOIS")]
    [InlineData("whois")]
    [InlineData("Whois")]
    public async Task Navigation_segments_match_case_insensitively(string segment)
    {
        var whois = await _client.GetJsonAsync($"{Graph.Root}/hosts('{Domain}')/{segment}");
        Assert.Equal(GraphIds.Compose(Domain, "3"), whois.GetProperty("id").GetString());
        Assert.Equal(2, (await _client.GetJsonAsync($"{Graph.Root}/hosts/{Domain}/HostPairs")).Values().Count);
        Assert.Single((await _client.GetJsonAsync($"{Graph.Root}/hosts/{Domain}/Subdomains")).Values());
        Assert.Single((await _client.GetJsonAsync($"{Graph.Root}/hosts/{Domain}/sslcertificates")).Values());
    }

    [Fact]
    public async Task Ipv6_hosts_are_found_with_the_address_percent_encoded_or_not()
    {
        Assert.Equal(Ip6, (await _client.GetJsonAsync($"{Graph.Root}/hosts/2001%3Adb8%3A%3A1")).GetProperty("id").GetString());
        Assert.Equal(Ip6, (await _client.GetJsonAsync($"{Graph.Root}/hosts/2001:DB8:0:0::1")).GetProperty("id").GetString());
    }

    [Fact]
    public async Task Base64_ids_work_raw_and_percent_encoded()
    {
        var id = GraphIds.Compose(Domain, "JSESSIONID", Domain);
        Assert.EndsWith("=", id);
        foreach (var form in new[] { id, Uri.EscapeDataString(id), $"('{id}')", $"('{Uri.EscapeDataString(id)}')" })
        {
            var json = await _client.GetJsonAsync($"{Graph.Root}/hostCookies{(form.StartsWith('(') ? "" : "/")}{form}");
            Assert.Equal(id, json.GetProperty("id").GetString());
        }
    }

    [Fact]
    public async Task Ids_with_plus_and_slash_survive_both_raw_and_encoded()
    {
        var tricky = PlusSlashCookieId;
        Assert.Contains('+', tricky);
        Assert.Contains('/', tricky);
        Assert.Equal(tricky, (await _client.GetJsonAsync($"{Graph.Root}/hostCookies/{tricky}")).GetProperty("id").GetString());
        Assert.Equal(tricky, (await _client.GetJsonAsync($"{Graph.Root}/hostCookies/{Uri.EscapeDataString(tricky)}")).GetProperty("id").GetString());
        Assert.Equal(Domain, (await _client.GetJsonAsync($"{Graph.Root}/hostCookies/{tricky}/host")).GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("CVE-2021-44228")]
    [InlineData("cve-2021-44228")]
    [InlineData("Cve-2021-44228")]
    public async Task Cve_ids_match_case_insensitively(string key)
    {
        var v = await _client.GetJsonAsync($"{Graph.Root}/vulnerabilities/{key}");
        Assert.Equal("CVE-2021-44228", v.GetProperty("id").GetString());
        Assert.Single((await _client.GetJsonAsync($"{Graph.Root}/vulnerabilities('{key}')/components")).Values());
    }

    [Theory]
    [InlineData("?$top=2&$count=true")]
    [InlineData("?%24top=2&%24count=true")]
    [InlineData("?top=2&count=true")]
    [InlineData("?$TOP=2&$Count=true")]
    [InlineData("?$top=2&$count=true&")]
    [InlineData("?&$top=2&&$count=true")]
    [InlineData("?$count=true&$top=2&$sort=createdDateTime")]
    public async Task Query_option_spellings_real_clients_use_are_understood(string query)
    {
        var json = await _client.GetJsonAsync($"{Graph.Root}/hosts/{Domain}/passiveDns{query}");
        Assert.Equal(2, json.Values().Count);
        Assert.Equal(PassiveDnsCount, json.GetProperty("@odata.count").GetInt32());
    }

    [Theory]
    [InlineData("$filter=recordType%20eq%20%27AAAA%27")]
    [InlineData("$filter=recordType+eq+'AAAA'")]
    [InlineData("$filter=recordType eq 'AAAA'")]
    [InlineData("%24filter=recordType%20eq%20%27AAAA%27")]
    public async Task Filter_values_decode_from_percent_and_plus_encoding(string query)
    {
        var json = await _client.GetJsonAsync($"{Graph.Root}/hosts/{Domain}/passiveDns?{query}");
        Assert.Equal(PassiveDnsCount / 3, json.Values().Count);
        Assert.All(json.Values(), r => Assert.Equal("AAAA", r.GetProperty("recordType").GetString()));
    }

    [Fact]
    public async Task Whois_history_record_is_also_reached_through_the_singular_segment_of_the_docs()
    {
        var id = GraphIds.Compose(Domain, "1");
        var plural = await _client.GetJsonAsync($"{Graph.Root}/whoisHistoryRecords/{id}");
        var singular = await _client.GetJsonAsync($"{Graph.Root}/whoisHistoryRecord/{id}");
        Assert.Equal(plural.GetProperty("rawWhoisText").GetString(), singular.GetProperty("rawWhoisText").GetString());
        Assert.Equal("#microsoft.graph.security.whoisHistoryRecord", singular.GetProperty("@odata.type").GetString());
    }

    [Fact]
    public async Task Responses_carry_graph_headers()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Graph.Root}/hosts/{Domain}");
        request.Headers.Add("client-request-id", "7d5ad3c6-5b1a-4f0b-9f6e-0a0c7d1a2b3c");
        request.Headers.Add("SdkVersion", "graph-dotnet/6.10.0");
        request.Headers.Add("Prefer", "odata.maxpagesize=10");
        using var response = await _client.SendAsync(request);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("7d5ad3c6-5b1a-4f0b-9f6e-0a0c7d1a2b3c", response.Headers.GetValues("client-request-id").Single());
        Assert.True(Guid.TryParse(response.Headers.GetValues("request-id").Single(), out _));
        Assert.Equal("4.0", response.Headers.GetValues("OData-Version").Single());
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(response.Content.Headers.ContentType.Parameters, p => p.Name == "odata.metadata" && p.Value == "minimal");
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.String, doc.RootElement.GetProperty("@odata.context").ValueKind);
    }
}
