using System.Text.Json;
using Sightline.Tests.Support;
using static Sightline.Tests.Api.PivotsData;

namespace Sightline.Tests.Api;

/// <summary>Each pivot returns exactly the rows that share the value, and its next links walk them once each.</summary>
[Collection("pivots")]
public sealed class PivotsTests(PivotsFixture fixture)
{
    private readonly HttpClient _client = fixture.Client;

    public static TheoryData<string, string, bool, int> Pivots => new()
    {
        // url below threatIntelligence, the property naming the host, whether the hosts are the IPs, rows expected
        { $"hostTrackers?$filter=value eq '{Tracker}'", "host", false, Fanout },
        { $"hostTrackers?$filter=kind eq 'GoogleAnalyticsID' and value eq '{Tracker}'", "host", false, Fanout },
        { $"hostCookies?$filter=name eq '{Cookie}'", "host", false, Fanout },
        { $"hostCookies?$filter=domain eq '{CookieDomain}'", "host", false, Fanout },
        { "hostComponents?$filter=name eq 'nginx' and version eq '1.18.0'", "host", true, Fanout },
        { $"hostPairs?$filter=childHost/id eq '{Child}'", "parentHost", false, Fanout },
        { $"passiveDnsRecords?$filter=artifact/id eq '{Answer}'", "parentHost", false, Fanout },
        { $"hostSslCertificates?$filter=sslCertificate/id eq '{CertificateId}'", "host", false, Fanout },
        { "hostPorts?$filter=port eq 3389", "host", true, Fanout },
        { $"whoisRecords?$search=\"registrant/email:{Email.ToUpperInvariant()}\"", "host", false, Fanout },
        { $"whoisRecords?$filter=nameservers/any(n: n/host/id eq '{Nameserver}')", "host", false, Fanout },
        { $"whoisRecords?$filter=registrar/name eq '{Registrar}'", "host", false, Fanout },
        { $"whoisHistoryRecords?$filter=registrar/name in ('{Registrar}', 'No Such Registrar')", "host", false, 2 * Fanout },
        { $"hosts?$filter=microsoft.graph.security.ipAddress/autonomousSystem/number eq {Asn}", "id", true, Fanout },
        { $"hosts?$filter=microsoft.graph.security.ipAddress/netblock eq '{Netblock}'", "id", true, Fanout },
        { "hosts?$filter=microsoft.graph.security.ipAddress/countryOrRegion eq 'NL'", "id", true, Fanout },
        { $"hosts?$filter=microsoft.graph.security.hostname/registrar eq '{Registrar}'", "id", false, Fanout },
        { $"hosts?$filter=microsoft.graph.security.hostname/registrant eq '{Registrant}'", "id", false, Fanout },
    };

    [Theory]
    [MemberData(nameof(Pivots))]
    public async Task A_pivot_pages_through_every_row_with_the_value_once(string url, string hostProperty, bool ips, int expected)
    {
        var (rows, links) = await FollowAsync($"{Graph.Root}/{url}&$top=10&$count=true");

        Assert.Equal(expected, rows.Count);
        Assert.Equal(expected, rows.Select(r => r.GetProperty("id").GetString()).Distinct().Count());
        var hosts = rows.Select(r => hostProperty == "id" ? r.GetProperty("id").GetString()! : r.GetProperty(hostProperty).GetProperty("id").GetString()!).ToHashSet();
        Assert.Equal(Enumerable.Range(0, Fanout).Select(i => ips ? Ip(i) : Name(i)).Order(), hosts.Order());
        Assert.Equal((expected + 9) / 10 - 1, links.Count);
        Assert.All(links, l => Assert.Contains("$skiptoken=", l, StringComparison.Ordinal));
        Assert.All(links, l => Assert.DoesNotContain("$skip=", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_pivot_answers_its_count()
    {
        var page = await _client.GetJsonAsync($"{Graph.Root}/hostTrackers?$filter=value eq '{Tracker}'&$count=true&$top=1");
        Assert.Equal(Fanout, page.GetProperty("@odata.count").GetInt32());
        Assert.Equal(Fanout.ToString(System.Globalization.CultureInfo.InvariantCulture),
            await _client.GetStringAsync($"{Graph.Root}/hostTrackers/$count?$filter=value eq '{Tracker}'"));
    }

    [Fact]
    public async Task Whois_contact_filters_keep_odata_equality_while_search_ignores_case()
    {
        // Even-numbered domains store the email as written, odd ones in lower case.
        var exact = (await FollowAsync($"{Graph.Root}/whoisRecords?$filter=registrant/email eq '{Email}'")).Rows;
        Assert.Equal((Fanout + 1) / 2, exact.Count);
        var anyCase = (await FollowAsync($"{Graph.Root}/whoisRecords?$search=\"registrant/email:{Email}\"")).Rows;
        Assert.Equal(Fanout, anyCase.Count);
    }

    [Fact]
    public async Task Without_a_filter_a_pivot_set_pages_by_key_through_every_row()
    {
        var (rows, links) = await FollowAsync($"{Graph.Root}/hostTrackers?$top=7");
        Assert.Equal(Fanout + Noise, rows.Count);
        Assert.Equal(Fanout + Noise, rows.Select(r => r.GetProperty("id").GetString()).Distinct().Count());
        Assert.Equal(4, links.Count);
    }

    [Fact]
    public async Task Whois_records_continue_after_the_last_host()
    {
        var page = await _client.GetJsonAsync($"{Graph.Root}/whoisRecords?$top=10");
        var hosts = page.Values().Select(v => v.GetProperty("host").GetProperty("id").GetString()).ToList();
        Assert.Equal(Enumerable.Range(0, 10).Select(Name), hosts);
        Assert.EndsWith("$top=10&$skiptoken=" + Name(9), page.GetProperty("@odata.nextLink").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pivot_with_orderby_and_other_conditions_sorts_within_the_value_and_pages_by_skip()
    {
        var url = $"{Graph.Root}/hostTrackers?$filter=value eq '{Tracker}' and lastSeenDateTime ge 2026-01-11&$orderby=lastSeenDateTime desc&$top=5";
        var (rows, links) = await FollowAsync(url);
        Assert.Equal(Fanout - 10, rows.Count);
        var seen = rows.Select(r => r.GetProperty("lastSeenDateTime").GetDateTimeOffset()).ToList();
        Assert.Equal(seen.OrderByDescending(d => d), seen);
        Assert.All(links, l => Assert.Contains("$skip=", l, StringComparison.Ordinal));
    }

    private async Task<(List<JsonElement> Rows, List<string> Links)> FollowAsync(string url)
    {
        var rows = new List<JsonElement>();
        var links = new List<string>();
        for (string? next = url; next is not null;)
        {
            var page = await _client.GetJsonAsync(next);
            rows.AddRange(page.Values());
            next = page.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
            if (next is not null)
            {
                links.Add(next);
            }
            Assert.True(links.Count < 20, "the next links do not end");
        }
        return (rows, links);
    }
}
