using Microsoft.Graph;
using Microsoft.Graph.Models.Security;
using Microsoft.Graph.Security.ThreatIntelligence;
using Sightline.Tests.Support;
using static Sightline.Tests.Sdk.KnownIds;
using static Sightline.Tests.Support.TestData;

namespace Sightline.Tests.Sdk;

/// <summary>OData query options set through the SDK's typed query parameters, and paging with its PageIterator.</summary>
[Collection("sdk-known")]
public sealed class GraphSdkQueryTests(KnownDataFixture fixture)
{
    private readonly ThreatIntelligenceRequestBuilder _ti = SdkClients.For(fixture.Server).Security.ThreatIntelligence;

    [Fact]
    public async Task Top_skip_and_count_page_through_passive_dns()
    {
        var first = (await _ti.Hosts[Domain].PassiveDns.GetAsync(r =>
        {
            r.QueryParameters.Top = 5;
            r.QueryParameters.Count = true;
        }))!;
        var second = (await _ti.Hosts[Domain].PassiveDns.GetAsync(r =>
        {
            r.QueryParameters.Top = 5;
            r.QueryParameters.Skip = 5;
            r.QueryParameters.Count = true;
        }))!;

        Assert.Equal(PassiveDnsCount, first.OdataCount);
        Assert.Equal(PassiveDnsCount, second.OdataCount);
        Assert.Equal(5, first.Value!.Count);
        Assert.Equal(5, second.Value!.Count);
        Assert.Empty(first.Value.Select(r => r.Id).Intersect(second.Value.Select(r => r.Id)));
        // Default order is lastSeenDateTime descending: the newest record comes first.
        Assert.Equal(T0.AddDays(PassiveDnsCount - 1 + 10), first.Value[0].LastSeenDateTime);
        Assert.Equal(T0.AddDays(PassiveDnsCount - 6 + 10), second.Value[0].LastSeenDateTime);
    }

    [Fact]
    public async Task Filter_and_orderby_select_and_sort_records()
    {
        var page = (await _ti.Hosts[Domain].PassiveDns.GetAsync(r =>
        {
            r.QueryParameters.Filter = "recordType eq 'A'";
            r.QueryParameters.Orderby = ["lastSeenDateTime desc"];
            r.QueryParameters.Count = true;
        }))!;
        Assert.Equal(20, page.OdataCount);
        Assert.Equal(20, page.Value!.Count);
        Assert.All(page.Value, r => Assert.Equal("A", r.RecordType));
        var dates = page.Value.Select(r => r.LastSeenDateTime!.Value).ToList();
        Assert.Equal(dates.OrderDescending(), dates);

        var ascending = (await _ti.Hosts[Domain].PassiveDns.GetAsync(r => r.QueryParameters.Orderby = ["lastSeenDateTime asc"]))!.Value!;
        Assert.Equal(T0.AddDays(10), ascending[0].LastSeenDateTime);
    }

    [Fact]
    public async Task Select_returns_only_the_selected_fields_and_the_id()
    {
        var article = (await _ti.Articles[ArticleId].GetAsync(r => r.QueryParameters.Select = ["title", "createdDateTime"]))!;
        Assert.Equal(ArticleId, article.Id);
        Assert.Equal("Contoso phishing wave uses fake login pages", article.Title);
        Assert.Equal(T0.AddDays(20), article.CreatedDateTime);
        Assert.Null(article.Summary);
        Assert.Null(article.Body);
        Assert.Null(article.Tags);
        Assert.Null(article.LastUpdatedDateTime);

        var records = (await _ti.Hosts[Domain].PassiveDns.GetAsync(r => r.QueryParameters.Select = ["recordType"]))!.Value!;
        Assert.Equal(PassiveDnsCount, records.Count);
        Assert.All(records, r =>
        {
            Assert.False(string.IsNullOrEmpty(r.Id));
            Assert.NotNull(r.RecordType);
            Assert.Null(r.LastSeenDateTime);
            Assert.Null(r.Artifact);
        });
    }

    [Fact]
    public async Task Expand_inlines_article_indicators_and_port_certificates()
    {
        var plain = (await _ti.Articles[ArticleId].GetAsync())!;
        Assert.Null(plain.Indicators);
        var article = (await _ti.Articles[ArticleId].GetAsync(r => r.QueryParameters.Expand = ["indicators"]))!;
        Assert.Equal(new[] { HashIndicator, HostIndicator }.Order(StringComparer.Ordinal), article.Indicators!.Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.Contains(article.Indicators!, i => i.Artifact is Hostname { Id: Domain });

        // Unexpanded, Graph shows the certificate as a bare {id} reference.
        var reference = Assert.Single((await _ti.Hosts[Ip].Ports.GetAsync())!.Value!).MostRecentSslCertificate;
        Assert.Equal((Certificate, null), (reference?.Id, reference?.Sha1));
        var port = Assert.Single((await _ti.Hosts[Ip].Ports.GetAsync(r => r.QueryParameters.Expand = ["mostRecentSslCertificate"]))!.Value!);
        Assert.Equal(Sha1, port.MostRecentSslCertificate?.Sha1);
        Assert.Equal("Contoso Issuing CA", port.MostRecentSslCertificate?.Issuer?.CommonName);
        var portItem = (await _ti.HostPorts[Port443].GetAsync(r => r.QueryParameters.Expand = ["mostRecentSslCertificate"]))!;
        Assert.Equal(T0.AddDays(365), portItem.MostRecentSslCertificate?.ExpirationDateTime);
    }

    [Fact]
    public async Task Search_finds_articles_whois_records_and_certificates()
    {
        var articles = (await _ti.Articles.GetAsync(r => r.QueryParameters.Search = "phishing"))!.Value!;
        Assert.Equal(ArticleId, Assert.Single(articles).Id);
        Assert.Empty((await _ti.Articles.GetAsync(r => r.QueryParameters.Search = "nothing-matches-this"))!.Value!);

        var whois = (await _ti.WhoisRecords.GetAsync(r => r.QueryParameters.Search = "\"registrant/email:admin3@contoso.example\""))!.Value!;
        Assert.Equal(Whois(3), Assert.Single(whois).Id);
        Assert.Empty((await _ti.WhoisRecords.GetAsync(r => r.QueryParameters.Search = "\"registrant/email:nobody@contoso.example\""))!.Value!);

        var certificates = (await _ti.SslCertificates.GetAsync(r => r.QueryParameters.Search = "\"issuer/commonName:Contoso Issuing CA\""))!.Value!;
        Assert.Equal(Sha1, Assert.Single(certificates).Sha1);
        Assert.Empty((await _ti.SslCertificates.GetAsync(r => r.QueryParameters.Search = "\"issuer/commonName:Fabrikam CA\""))!.Value!);
    }

    [Fact]
    public async Task Page_iterator_follows_next_links_through_every_passive_dns_record()
    {
        await using var server = await SmallPageServer.StartAsync(pageSize: 7);
        var (graph, wire) = server.Sdk();

        var first = (await graph.Security.ThreatIntelligence.Hosts[Domain].PassiveDns.GetAsync())!;
        Assert.Equal(7, first.Value!.Count);
        Assert.StartsWith($"http://localhost/v1.0/security/threatIntelligence/hosts/{Domain}/passiveDns?", first.OdataNextLink);

        var ids = new List<string>();
        var iterator = PageIterator<PassiveDnsRecord, PassiveDnsRecordCollectionResponse>.CreatePageIterator(graph, first, r =>
        {
            Assert.IsType<IpAddress>(r.Artifact);
            ids.Add(r.Id!);
            return true;
        });
        await iterator.IterateAsync();

        Assert.Equal(PagingState.Complete, iterator.State);
        Assert.Equal(PassiveDnsCount, ids.Count);
        Assert.Equal(PassiveDnsCount, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(5, wire.Targets.Count); // 7 + 7 + 7 + 7 + 2
    }

    [Fact]
    public async Task Page_iterator_pages_a_filtered_sorted_query_with_the_query_kept()
    {
        await using var server = await SmallPageServer.StartAsync(pageSize: 7);
        var (graph, wire) = server.Sdk();

        var first = (await graph.Security.ThreatIntelligence.Hosts[Domain].PassiveDns.GetAsync(r =>
        {
            r.QueryParameters.Filter = "recordType eq 'A'";
            r.QueryParameters.Orderby = ["lastSeenDateTime asc"];
            r.QueryParameters.Count = true;
        }))!;
        Assert.Equal(20, first.OdataCount);

        var records = new List<PassiveDnsRecord>();
        await PageIterator<PassiveDnsRecord, PassiveDnsRecordCollectionResponse>
            .CreatePageIterator(graph, first, r => { records.Add(r); return true; })
            .IterateAsync();

        Assert.Equal(20, records.Count);
        Assert.All(records, r => Assert.Equal("A", r.RecordType));
        var dates = records.Select(r => r.LastSeenDateTime!.Value).ToList();
        Assert.Equal(dates.Order(), dates);
        Assert.Equal(3, wire.Targets.Count);
    }
}
