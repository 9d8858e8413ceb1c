using System.Collections;
using Microsoft.Graph;
using CollectionPage = Microsoft.Graph.Models.BaseCollectionPaginationCountResponse;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Models.Security;
using Microsoft.Graph.Security.ThreatIntelligence;
using Microsoft.Kiota.Abstractions.Authentication;
using Sightline.ThreatIntelligence;
using Sightline.Tests.Support;
using static Sightline.Tests.Sdk.KnownIds;
using static Sightline.Tests.Support.TestData;

namespace Sightline.Tests.Sdk;

/// <summary>The official Microsoft Graph .NET SDK (6.x) as a client of the server, on <see cref="TestData"/>.</summary>
[Collection("sdk-known")]
public sealed class GraphSdkTests(KnownDataFixture fixture)
{
    private readonly ThreatIntelligenceRequestBuilder _ti = SdkClients.For(fixture.Server).Security.ThreatIntelligence;

    [Fact]
    public async Task Hosts_deserialise_as_their_concrete_types()
    {
        var domain = Assert.IsType<Hostname>(await _ti.Hosts[Domain].GetAsync());
        Assert.Equal(Domain, domain.Id);
        Assert.Equal("MarkMonitor Inc.", domain.Registrar);
        Assert.Equal("Contoso Ltd", domain.Registrant);
        Assert.Equal(T0, domain.FirstSeenDateTime);
        Assert.Equal(T0.AddDays(90), domain.LastSeenDateTime);

        var ip = Assert.IsType<IpAddress>(await _ti.Hosts[Ip].GetAsync());
        Assert.Equal("NL", ip.CountryOrRegion);
        Assert.Equal("20.103.0.0/16", ip.Netblock);
        Assert.Equal("Microsoft Azure", ip.HostingProvider);
        Assert.Equal(8075, ip.AutonomousSystem?.Number);
        Assert.Equal("Microsoft Corporation", ip.AutonomousSystem?.Organization);

        // The SDK percent-encodes the colons of an IPv6 key.
        var ip6 = Assert.IsType<IpAddress>(await _ti.Hosts[Ip6].GetAsync());
        Assert.Equal(Ip6, ip6.Id);
        Assert.Equal("2001:db8::/32", ip6.Netblock);
    }

    [Fact]
    public async Task Host_relationships_are_read_with_typed_results()
    {
        var host = _ti.Hosts[Domain];
        var passiveDns = (await host.PassiveDns.GetAsync())!.Value!;
        Assert.Equal(PassiveDnsCount, passiveDns.Count);
        Assert.All(passiveDns, r => Assert.IsType<IpAddress>(r.Artifact));
        Assert.All(passiveDns, r => Assert.Equal(Domain, Assert.IsType<Hostname>(r.ParentHost).Id));
        Assert.Equal(10, passiveDns.Count(r => r.RecordType == "AAAA"));

        var reverse = Assert.Single((await _ti.Hosts[Ip].PassiveDnsReverse.GetAsync())!.Value!);
        Assert.Equal(PassiveDnsWwwToIp, reverse.Id);
        Assert.Equal(Www, reverse.ParentHost?.Id);

        Assert.Equal(Www, Assert.Single((await host.Subdomains.GetAsync())!.Value!).Host?.Id);
        Assert.Equal("jQuery", Assert.Single((await host.Components.GetAsync())!.Value!).Name);
        Assert.Contains((await host.Cookies.GetAsync())!.Value!, c => c.Name == "JSESSIONID");
        Assert.Equal("G-ABC123", Assert.Single((await host.Trackers.GetAsync())!.Value!).Value);
        Assert.Equal(2, (await host.HostPairs.GetAsync())!.Value!.Count);
        var child = Assert.Single((await host.ChildHostPairs.GetAsync())!.Value!);
        Assert.Equal(("redirect", Www), (child.LinkKind, child.ChildHost?.Id));
        Assert.Equal(Cdn, Assert.Single((await host.ParentHostPairs.GetAsync())!.Value!).ParentHost?.Id);

        var certificate = Assert.Single((await host.SslCertificates.GetAsync())!.Value!);
        Assert.Equal(Sha1, certificate.SslCertificate?.Sha1);
        Assert.Equal("Contoso Issuing CA", certificate.SslCertificate?.Issuer?.CommonName);
        Assert.Equal(T0.AddDays(30), certificate.LastSeenDateTime);

        var port = Assert.Single((await _ti.Hosts[Ip].Ports.GetAsync())!.Value!);
        Assert.Equal((443, HostPortStatus.Open, HostPortProtocol.Tcp, 4), (port.Port, port.Status, port.Protocol, port.TimesObserved));
        Assert.Equal("http_raw", Assert.Single(port.Banners!).ScanProtocol);
        Assert.Equal(T0.AddDays(3), port.LastScanDateTime);

        var reputation = (await _ti.Hosts[Ip].Reputation.GetAsync())!;
        Assert.Equal((HostReputationClassification.Malicious, 90), (reputation.Classification, reputation.Score));
        Assert.Equal("Intelligence profile indicator", Assert.Single(reputation.Rules!).Name);

        var whois = (await host.Whois.GetAsync())!;
        Assert.Equal(Whois(3), whois.Id);
        Assert.Equal("admin3@contoso.example", whois.Registrant?.Email);
        Assert.Equal(["ns1.contoso.example", "ns2.contoso.example"], whois.Nameservers!.Select(n => n.Host?.Id));
        Assert.Equal(T0.AddYears(-5), whois.RegistrationDateTime);
    }

    [Fact]
    public async Task Items_below_a_host_are_addressed_by_their_percent_encoded_ids()
    {
        var (graph, wire) = SdkClients.Recorded(fixture.Server);
        var host = graph.Security.ThreatIntelligence.Hosts[Domain];
        var ipHost = graph.Security.ThreatIntelligence.Hosts[Ip];

        Assert.Equal(T0.AddDays(11), (await host.PassiveDns[PassiveDnsA].GetAsync())!.LastSeenDateTime);
        Assert.Equal(Www, (await ipHost.PassiveDnsReverse[PassiveDnsWwwToIp].GetAsync())!.ParentHost?.Id);
        Assert.Equal("JavaScript Library", (await host.Components[JQuery].GetAsync())!.Category);
        Assert.Equal(Domain, (await host.Cookies[Cookie].GetAsync())!.Domain);
        Assert.Equal("GoogleAnalyticsID", (await host.Trackers[Tracker].GetAsync())!.Kind);
        Assert.Equal(T0, (await host.Subdomains[SubdomainWww].GetAsync())!.FirstSeenDateTime);
        Assert.Equal("redirect", (await host.HostPairs[RedirectPair].GetAsync())!.LinkKind);
        Assert.Equal("redirect", (await host.ChildHostPairs[RedirectPair].GetAsync())!.LinkKind);
        Assert.Equal("iframe", (await host.ParentHostPairs[IframePair].GetAsync())!.LinkKind);
        Assert.Equal(Sha1, (await host.SslCertificates[HostCertificate].GetAsync())!.SslCertificate?.Sha1);
        Assert.Equal(443, (await ipHost.Ports[Port443].GetAsync())!.Port);

        Assert.Contains(wire.Targets, t => t.EndsWith("/ports/" + Uri.EscapeDataString(Port443), StringComparison.Ordinal) && t.Contains("%3D", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Observation_sets_and_their_navigations_return_typed_entities()
    {
        var record = (await _ti.PassiveDnsRecords[PassiveDnsWwwToIp].GetAsync())!;
        Assert.Equal(("A", T0.AddDays(6)), (record.RecordType, record.CollectedDateTime));
        Assert.Equal(Ip, Assert.IsType<IpAddress>(record.Artifact).Id);
        Assert.Equal("NL", Assert.IsType<IpAddress>(await _ti.PassiveDnsRecords[PassiveDnsWwwToIp].Artifact.GetAsync()).CountryOrRegion);
        Assert.Equal(Www, Assert.IsType<Hostname>(await _ti.PassiveDnsRecords[PassiveDnsWwwToIp].ParentHost.GetAsync()).Id);

        Assert.Equal("1.18.0", (await _ti.HostComponents[Nginx].GetAsync())!.Version);
        Assert.Equal("20.103.0.0/16", Assert.IsType<IpAddress>(await _ti.HostComponents[Nginx].Host.GetAsync()).Netblock);
        Assert.Equal("JSESSIONID", (await _ti.HostCookies[Cookie].GetAsync())!.Name);
        Assert.Equal("MarkMonitor Inc.", Assert.IsType<Hostname>(await _ti.HostCookies[Cookie].Host.GetAsync()).Registrar);
        Assert.Equal("G-ABC123", (await _ti.HostTrackers[Tracker].GetAsync())!.Value);
        Assert.Equal(Domain, Assert.IsType<Hostname>(await _ti.HostTrackers[Tracker].Host.GetAsync()).Id);
        Assert.Equal(T0.AddDays(7), (await _ti.HostPairs[RedirectPair].GetAsync())!.LastSeenDateTime);
        Assert.Equal(Domain, Assert.IsType<Hostname>(await _ti.HostPairs[RedirectPair].ParentHost.GetAsync()).Id);
        Assert.Equal(Www, Assert.IsType<Hostname>(await _ti.HostPairs[RedirectPair].ChildHost.GetAsync()).Id);
        Assert.Equal(Www, Assert.IsType<Hostname>(await _ti.Subdomains[SubdomainWww].Host.GetAsync()).Id);
        Assert.Equal(T0, (await _ti.Subdomains[SubdomainWww].GetAsync())!.FirstSeenDateTime);

        var port = (await _ti.HostPorts[Port443].GetAsync())!;
        Assert.Equal((443, HostPortStatus.Open), (port.Port, port.Status));
        Assert.Equal(("nginx", true), (Assert.Single(port.Services!).Component?.Name, port.Services![0].IsRecent));
        Assert.Equal(8075, Assert.IsType<IpAddress>(await _ti.HostPorts[Port443].Host.GetAsync()).AutonomousSystem?.Number);
        Assert.Equal(Sha1, (await _ti.HostPorts[Port443].MostRecentSslCertificate.GetAsync())!.Sha1);

        var hostCertificate = (await _ti.HostSslCertificates[HostCertificate].GetAsync())!;
        Assert.Equal(Sha1, hostCertificate.SslCertificate?.Sha1);
        Assert.Equal(443, Assert.Single(hostCertificate.Ports!).Port);
        Assert.Equal(Domain, Assert.IsType<Hostname>(await _ti.HostSslCertificates[HostCertificate].Host.GetAsync()).Id);
        Assert.Equal(T0.AddDays(365), (await _ti.HostSslCertificates[HostCertificate].SslCertificate.GetAsync())!.ExpirationDateTime);

        var certificate = (await _ti.SslCertificates[Certificate].GetAsync())!;
        Assert.Equal(("1234567890", T0), (certificate.SerialNumber, certificate.IssueDateTime));
        Assert.Equal([Domain, Www], certificate.Subject?.AlternateNames);
        Assert.Equal(Domain, Assert.IsType<Hostname>(Assert.Single((await _ti.SslCertificates[Certificate].RelatedHosts.GetAsync())!.Value!)).Id);
        Assert.Equal("Contoso Ltd", Assert.IsType<Hostname>(await _ti.SslCertificates[Certificate].RelatedHosts[Domain].GetAsync()).Registrant);
    }

    [Fact]
    public async Task Whois_records_history_and_hosts_are_read()
    {
        var current = (await _ti.WhoisRecords[Whois(3)].GetAsync())!;
        Assert.Equal(("whois.markmonitor.com", "clientTransferProhibited"), (current.WhoisServer, current.DomainStatus));
        Assert.Equal(T0.AddYears(3), current.ExpirationDateTime);
        Assert.Equal("WA", current.Admin?.Address?.State);

        var history = (await _ti.WhoisRecords[Whois(3)].History.GetAsync())!.Value!;
        Assert.Equal([Whois(3), Whois(2), Whois(1)], history.Select(h => h.Id));
        Assert.Equal("CA", (await _ti.WhoisRecords[Whois(3)].History[Whois(1)].GetAsync())!.Admin?.Address?.State);
        Assert.Equal(Domain, Assert.IsType<Hostname>(await _ti.WhoisRecords[Whois(3)].Host.GetAsync()).Id);
        Assert.Equal("admin2@contoso.example", (await _ti.WhoisHistoryRecords[Whois(2)].GetAsync())!.Registrant?.Email);
        Assert.Equal("MarkMonitor Inc.", Assert.IsType<Hostname>(await _ti.WhoisHistoryRecords[Whois(2)].Host.GetAsync()).Registrar);
    }

    [Fact]
    public async Task Articles_profiles_indicators_and_vulnerabilities_are_read()
    {
        var article = (await _ti.Articles[ArticleId].GetAsync())!;
        Assert.Equal("Contoso phishing wave uses fake login pages", article.Title);
        Assert.Equal(ContentFormat.Markdown, article.Body?.Format);
        Assert.Equal(["Phishing", "OSINT"], article.Tags);
        Assert.Equal((T0.AddDays(20), T0.AddDays(21)), (article.CreatedDateTime, article.LastUpdatedDateTime));
        Assert.Equal(["b0000001", ArticleId], (await _ti.Articles.GetAsync())!.Value!.Select(a => a.Id));

        var indicators = (await _ti.Articles[ArticleId].Indicators.GetAsync())!.Value!;
        Assert.Equal(2, indicators.Count);
        Assert.Equal(IndicatorSource.Osint, (await _ti.Articles[ArticleId].Indicators[HashIndicator].GetAsync())!.Source);
        Assert.Equal(Domain, Assert.IsType<Hostname>((await _ti.ArticleIndicators[HostIndicator].GetAsync())!.Artifact).Id);
        Assert.Equal("MarkMonitor Inc.", Assert.IsType<Hostname>(await _ti.ArticleIndicators[HostIndicator].Artifact.GetAsync()).Registrar);
        var hash = Assert.IsType<UnclassifiedArtifact>(await _ti.ArticleIndicators[HashIndicator].Artifact.GetAsync());
        Assert.Equal(("sha256", Sha256), (hash.Kind, hash.Value));

        var actor = (await _ti.IntelProfiles[ActorProfile].GetAsync())!;
        Assert.Equal((IntelligenceProfileKind.Actor, "Contoso Tempest"), (actor.Kind, actor.Title));
        Assert.Equal(["TEMP.Contoso"], actor.Aliases);
        Assert.Equal(T0.AddYears(-2), actor.FirstActiveDateTime);
        Assert.Equal(ContentFormat.Markdown, actor.Tradecraft?.Format);
        var profiles = (await _ti.IntelProfiles.GetAsync())!.Value!;
        Assert.Equal([IntelligenceProfileKind.Actor, IntelligenceProfileKind.Tool], profiles.Select(p => p.Kind));

        var profileIndicator = Assert.Single((await _ti.IntelProfiles[ActorProfile].Indicators.GetAsync())!.Value!);
        Assert.Equal((ProfileIndicator, IndicatorSource.Microsoft, T0), (profileIndicator.Id, profileIndicator.Source, profileIndicator.FirstSeenDateTime));
        Assert.Equal(Ip, Assert.IsType<IpAddress>((await _ti.IntelProfiles[ActorProfile].Indicators[ProfileIndicator].GetAsync())!.Artifact).Id);
        Assert.Equal(Ip, Assert.IsType<IpAddress>((await _ti.IntelligenceProfileIndicators[ProfileIndicator].GetAsync())!.Artifact).Id);
        Assert.Equal("NL", Assert.IsType<IpAddress>(await _ti.IntelligenceProfileIndicators[ProfileIndicator].Artifact.GetAsync()).CountryOrRegion);

        var cve = (await _ti.Vulnerabilities[Cve].GetAsync())!;
        Assert.Equal((VulnerabilitySeverity.Critical, 100, true, true), (cve.Severity, cve.PriorityScore, cve.ExploitsAvailable, cve.ActiveExploitsObserved));
        Assert.Equal((10.0, VulnerabilitySeverity.Critical), (cve.Cvss3Summary?.Score, cve.Cvss3Summary?.Severity));
        Assert.Equal(["CWE-502"], cve.CommonWeaknessEnumerationIds);
        Assert.Equal("https://nvd.nist.gov/vuln/detail/CVE-2021-44228", Assert.Single(cve.References!).Url);
        Assert.Equal(T0, cve.PublishedDateTime);
        Assert.Equal(Log4jComponent, Assert.Single((await _ti.Vulnerabilities[Cve].Components.GetAsync())!.Value!).Id);
        Assert.Equal("Apache Software Foundation Log4j 2.0", (await _ti.Vulnerabilities[Cve].Components[Log4jComponent].GetAsync())!.Name);
        Assert.Equal(ArticleId, Assert.Single((await _ti.Vulnerabilities[Cve].Articles.GetAsync())!.Value!).Id);
        Assert.Equal("Phishing", (await _ti.Vulnerabilities[Cve].Articles[ArticleId].GetAsync())!.Tags?[0]);
    }

    [Fact]
    public async Task Every_collection_and_its_count_builder_agree_with_the_store()
    {
        var ti = _ti;
        var rows = new (string Name, int Expected, Func<Task<int?>> Count, Func<Task<CollectionPage?>> List)[]
        {
            ("articles", 2, () => ti.Articles.Count.GetAsync(), async () => await ti.Articles.GetAsync(r => r.QueryParameters.Count = true)),
            ("articles/indicators", 2, () => ti.Articles[ArticleId].Indicators.Count.GetAsync(), async () => await ti.Articles[ArticleId].Indicators.GetAsync(r => r.QueryParameters.Count = true)),
            ("articleIndicators", 2, () => ti.ArticleIndicators.Count.GetAsync(), async () => await ti.ArticleIndicators.GetAsync(r => r.QueryParameters.Count = true)),
            ("intelProfiles", 2, () => ti.IntelProfiles.Count.GetAsync(), async () => await ti.IntelProfiles.GetAsync(r => r.QueryParameters.Count = true)),
            ("intelProfiles/indicators", 1, () => ti.IntelProfiles[ActorProfile].Indicators.Count.GetAsync(), async () => await ti.IntelProfiles[ActorProfile].Indicators.GetAsync(r => r.QueryParameters.Count = true)),
            ("intelligenceProfileIndicators", 1, () => ti.IntelligenceProfileIndicators.Count.GetAsync(), async () => await ti.IntelligenceProfileIndicators.GetAsync(r => r.QueryParameters.Count = true)),
            ("hosts", 35, () => ti.Hosts.Count.GetAsync(), async () => await ti.Hosts.GetAsync(r => r.QueryParameters.Count = true)),
            ("hosts/passiveDns", PassiveDnsCount, () => ti.Hosts[Domain].PassiveDns.Count.GetAsync(), async () => await ti.Hosts[Domain].PassiveDns.GetAsync(r => r.QueryParameters.Count = true)),
            ("hosts/passiveDnsReverse", 1, () => ti.Hosts[Ip].PassiveDnsReverse.Count.GetAsync(), async () => await ti.Hosts[Ip].PassiveDnsReverse.GetAsync(r => r.QueryParameters.Count = true)),
            ("hosts/subdomains", 1, () => ti.Hosts[Domain].Subdomains.Count.GetAsync(), async () => await ti.Hosts[Domain].Subdomains.GetAsync(r => r.QueryParameters.Count = true)),
            ("hosts/components", 1, () => ti.Hosts[Ip].Components.Count.GetAsync(), async () => await ti.Hosts[Ip].Components.GetAsync(r => r.QueryParameters.Count = true)),
            ("hosts/cookies", 2, () => ti.Hosts[Domain].Cookies.Count.GetAsync(), async () => await ti.Hosts[Domain].Cookies.GetAsync(r => r.QueryParameters.Count = true)),
            ("hosts/trackers", 1, () => ti.Hosts[Domain].Trackers.Count.GetAsync(), async () => await ti.Hosts[Domain].Trackers.GetAsync(r => r.QueryParameters.Count = true)),
            ("hosts/hostPairs", 2, () => ti.Hosts[Domain].HostPairs.Count.GetAsync(), async () => await ti.Hosts[Domain].HostPairs.GetAsync(r => r.QueryParameters.Count = true)),
            ("hosts/childHostPairs", 1, () => ti.Hosts[Domain].ChildHostPairs.Count.GetAsync(), async () => await ti.Hosts[Domain].ChildHostPairs.GetAsync(r => r.QueryParameters.Count = true)),
            ("hosts/parentHostPairs", 1, () => ti.Hosts[Domain].ParentHostPairs.Count.GetAsync(), async () => await ti.Hosts[Domain].ParentHostPairs.GetAsync(r => r.QueryParameters.Count = true)),
            ("hosts/ports", 1, () => ti.Hosts[Ip].Ports.Count.GetAsync(), async () => await ti.Hosts[Ip].Ports.GetAsync(r => r.QueryParameters.Count = true)),
            ("hosts/sslCertificates", 1, () => ti.Hosts[Domain].SslCertificates.Count.GetAsync(), async () => await ti.Hosts[Domain].SslCertificates.GetAsync(r => r.QueryParameters.Count = true)),
            ("passiveDnsRecords", PassiveDnsCount + 2, () => ti.PassiveDnsRecords.Count.GetAsync(), async () => await ti.PassiveDnsRecords.GetAsync(r => r.QueryParameters.Count = true)),
            ("subdomains", 1, () => ti.Subdomains.Count.GetAsync(), async () => await ti.Subdomains.GetAsync(r => r.QueryParameters.Count = true)),
            ("hostComponents", 2, () => ti.HostComponents.Count.GetAsync(), async () => await ti.HostComponents.GetAsync(r => r.QueryParameters.Count = true)),
            ("hostCookies", 2, () => ti.HostCookies.Count.GetAsync(), async () => await ti.HostCookies.GetAsync(r => r.QueryParameters.Count = true)),
            ("hostTrackers", 1, () => ti.HostTrackers.Count.GetAsync(), async () => await ti.HostTrackers.GetAsync(r => r.QueryParameters.Count = true)),
            ("hostPairs", 3, () => ti.HostPairs.Count.GetAsync(), async () => await ti.HostPairs.GetAsync(r => r.QueryParameters.Count = true)),
            ("hostPorts", 1, () => ti.HostPorts.Count.GetAsync(), async () => await ti.HostPorts.GetAsync(r => r.QueryParameters.Count = true)),
            ("hostSslCertificates", 1, () => ti.HostSslCertificates.Count.GetAsync(), async () => await ti.HostSslCertificates.GetAsync(r => r.QueryParameters.Count = true)),
            ("sslCertificates", 1, () => ti.SslCertificates.Count.GetAsync(), async () => await ti.SslCertificates.GetAsync(r => r.QueryParameters.Count = true)),
            ("sslCertificates/relatedHosts", 1, () => ti.SslCertificates[Certificate].RelatedHosts.Count.GetAsync(), async () => await ti.SslCertificates[Certificate].RelatedHosts.GetAsync(r => r.QueryParameters.Count = true)),
            ("whoisRecords", 1, () => ti.WhoisRecords.Count.GetAsync(), async () => await ti.WhoisRecords.GetAsync(r => r.QueryParameters.Count = true)),
            ("whoisRecords/history", 3, () => ti.WhoisRecords[Whois(3)].History.Count.GetAsync(), async () => await ti.WhoisRecords[Whois(3)].History.GetAsync(r => r.QueryParameters.Count = true)),
            ("whoisHistoryRecords", 3, () => ti.WhoisHistoryRecords.Count.GetAsync(), async () => await ti.WhoisHistoryRecords.GetAsync(r => r.QueryParameters.Count = true)),
            ("vulnerabilities", 1, () => ti.Vulnerabilities.Count.GetAsync(), async () => await ti.Vulnerabilities.GetAsync(r => r.QueryParameters.Count = true)),
            ("vulnerabilities/components", 1, () => ti.Vulnerabilities[Cve].Components.Count.GetAsync(), async () => await ti.Vulnerabilities[Cve].Components.GetAsync(r => r.QueryParameters.Count = true)),
            ("vulnerabilities/articles", 1, () => ti.Vulnerabilities[Cve].Articles.Count.GetAsync(), async () => await ti.Vulnerabilities[Cve].Articles.GetAsync(r => r.QueryParameters.Count = true)),
        };
        Assert.Equal(CountBuilders().Count, rows.Length);

        foreach (var (name, expected, count, list) in rows)
        {
            var page = (await list())!;
            var items = (IList)page.GetType().GetProperty("Value")!.GetValue(page)!;
            Assert.True(expected == await count(), $"{name}/$count");
            Assert.True(expected == page.OdataCount, $"{name}?$count=true: @odata.count {page.OdataCount}");
            Assert.True(expected == items.Count, $"{name}: {items.Count} items");
            Assert.True(page.OdataNextLink is null, $"{name}: unexpected next link {page.OdataNextLink}");
        }
    }

    [Fact]
    public async Task Unlisted_host_set_lists_both_host_types()
    {
        var hosts = (await _ti.Hosts.GetAsync())!.Value!;
        Assert.Equal([Cdn, Domain, Www], hosts.OfType<Hostname>().Select(h => h.Id).Order(StringComparer.Ordinal));
        Assert.Equal(32, hosts.OfType<IpAddress>().Count());
        Assert.Equal("MarkMonitor Inc.", hosts.OfType<Hostname>().Single(h => h.Id == Domain).Registrar);
    }

    [Fact]
    public void Every_get_builder_of_the_sdk_has_a_server_route()
    {
        var server = ThreatIntelligenceRoutes.Build().Patterns.ToHashSet(StringComparer.Ordinal);
        var missing = SdkGetPatterns().Where(p => !server.Contains(p)).ToList();
        Assert.True(missing.Count == 0, "No route for: " + string.Join(", ", missing));
        Assert.Contains("hosts/{key}/passiveDns/{key}", SdkGetPatterns());
    }

    [Fact]
    public async Task Errors_surface_as_odata_errors_with_status_code_and_message()
    {
        var notFound = await Assert.ThrowsAsync<ODataError>(() => _ti.Hosts["no-such-host.invalid"].GetAsync());
        Assert.Equal(404, notFound.ResponseStatusCode);
        Assert.False(string.IsNullOrEmpty(notFound.Error?.Code));
        Assert.False(string.IsNullOrEmpty(notFound.Error?.Message));
        Assert.False(string.IsNullOrEmpty(notFound.Error?.InnerError?.RequestId));

        // The threatIntelligence singleton itself is not readable on Graph: a parsed error, not a deserialisation failure.
        var root = await Assert.ThrowsAsync<ODataError>(() => _ti.GetAsync());
        Assert.Equal(400, root.ResponseStatusCode);
        Assert.False(string.IsNullOrEmpty(root.Error?.Message));

        var noRecord = await Assert.ThrowsAsync<ODataError>(() => _ti.PassiveDnsRecords[Sightline.Data.GraphIds.Compose("none", "x=")].GetAsync());
        Assert.Equal(404, noRecord.ResponseStatusCode);

        var wrongPermission = SdkClients.Create(fixture.Server.AnonymousClient(), fixture.Server.Token(roles: ["Other.Permission"]));
        var forbidden = await Assert.ThrowsAsync<ODataError>(() => wrongPermission.Security.ThreatIntelligence.Hosts[Domain].GetAsync());
        Assert.Equal(403, forbidden.ResponseStatusCode);
        Assert.False(string.IsNullOrEmpty(forbidden.Error?.Code));
        Assert.False(string.IsNullOrEmpty(forbidden.Error?.Message));

        var anonymous = new GraphServiceClient(fixture.Server.AnonymousClient(), new AnonymousAuthenticationProvider(), SdkClients.V1);
        var unauthorized = await Assert.ThrowsAsync<ODataError>(() => anonymous.Security.ThreatIntelligence.Hosts[Domain].GetAsync());
        Assert.Equal(401, unauthorized.ResponseStatusCode);
        Assert.False(string.IsNullOrEmpty(unauthorized.Error?.Code));

        // The same bare HttpClient authenticates once the SDK's bearer provider supplies the token.
        var viaProvider = SdkClients.Create(fixture.Server.AnonymousClient(), fixture.Server.Token());
        Assert.IsType<Hostname>(await viaProvider.Security.ThreatIntelligence.Hosts[Domain].GetAsync());
    }

    [Fact]
    public async Task Beta_base_url_serves_the_same_hosts()
    {
        var (graph, wire) = SdkClients.Recorded(fixture.Server, SdkClients.Beta);
        var ip = Assert.IsType<IpAddress>(await graph.Security.ThreatIntelligence.Hosts[Ip].GetAsync());
        Assert.Equal(8075, ip.AutonomousSystem?.Number);
        Assert.StartsWith("http://localhost/beta/security/threatIntelligence/hosts/", Assert.Single(wire.Targets));
    }

    private static List<string> CountBuilders() => SdkGetPatterns(includeCounts: true).Where(p => p.EndsWith("/$count", StringComparison.Ordinal)).ToList();

    /// <summary>The server-side pattern of every SDK request builder below threatIntelligence that has a GET.</summary>
    private static List<string> SdkGetPatterns(bool includeCounts = false)
    {
        var patterns = new List<string>();
        void Walk(Type builder, string path, int depth)
        {
            if (path.Length > 0 && builder.GetMethod("GetAsync") is not null && (includeCounts || !path.EndsWith("/$count", StringComparison.Ordinal)))
            {
                patterns.Add(path);
            }
            if (depth == 6)
            {
                return;
            }
            foreach (var property in builder.GetProperties(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly))
            {
                if (property.PropertyType.Name.EndsWith("RequestBuilder", StringComparison.Ordinal))
                {
                    var segment = property.GetIndexParameters().Length > 0 ? "{key}"
                        : property.Name == "Count" ? "$count" : char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
                    Walk(property.PropertyType, path.Length == 0 ? segment : path + "/" + segment, depth + 1);
                }
            }
        }
        Walk(typeof(ThreatIntelligenceRequestBuilder), "", 0);
        return patterns;
    }
}
