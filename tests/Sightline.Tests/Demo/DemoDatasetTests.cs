using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using Sightline.Data.Demo;
using Sightline.Data.Entities;

namespace Sightline.Tests.Demo;

/// <summary>One fresh SQLite store, migrated and loaded with the demo dataset, shared by the read-only tests.</summary>
public sealed class DemoStoreFixture : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sightline-demo-tests", Guid.NewGuid().ToString("N"));

    public SightlineDb Db { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        Db = StoreOptions.Sqlite(Path.Combine(_dir, "demo.db")).CreateContext();
        await Db.Database.MigrateAsync();
        await DemoDataset.LoadAsync(Db);
    }

    public async Task DisposeAsync()
    {
        await Db.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }
}

public sealed class DemoDatasetTests(DemoStoreFixture fixture) : IClassFixture<DemoStoreFixture>
{
    private static readonly string[] _recordTypes = ["A", "AAAA", "CNAME", "NS", "MX"];

    private SightlineDb Db => fixture.Db;

    private static IEnumerable<string> ShowcaseHostnames =>
        DemoDataset.ShowcaseHosts.Where(h => !System.Net.IPAddress.TryParse(h, out _));

    private static IEnumerable<string> ShowcaseIps =>
        DemoDataset.ShowcaseHosts.Where(h => System.Net.IPAddress.TryParse(h, out _));

    [Fact]
    public async Task Has_at_least_200_hosts_with_lower_case_ids()
    {
        var hosts = await Db.Hosts.ToListAsync();
        Assert.True(hosts.Count >= 200, $"{hosts.Count} hosts");
        Assert.All(hosts, h => Assert.Equal(h.Id.ToLowerInvariant(), h.Id));
        Assert.Contains(hosts, h => h.Kind == HostKind.IpAddress && h.AsNumber is not null && h.Netblock is not null && h.HostingProvider is not null);
        Assert.Contains(hosts, h => h.Kind == HostKind.Hostname && h.Registrar is not null && h.Registrant is not null);
        Assert.All(hosts.Where(h => DemoDataset.ShowcaseHosts.Contains(h.Id)), h => Assert.True(h.IsSynthetic));
    }

    [Fact]
    public async Task Has_at_least_20_articles_with_indicators()
    {
        var articles = await Db.Articles.ToListAsync();
        var indicators = await Db.ArticleIndicators.ToListAsync();
        var withIndicators = articles.Count(a => indicators.Any(i => i.ArticleId == a.Id));
        Assert.True(withIndicators >= 20, $"{withIndicators} articles with indicators");
        Assert.All(articles, a => Assert.Matches("^[0-9a-f]{8}$", a.Id));
        Assert.All(articles, a => Assert.False(string.IsNullOrWhiteSpace(a.Title)));
        Assert.Contains(indicators, i => i.ArtifactType == ArtifactType.Hostname);
        Assert.Contains(indicators, i => i.ArtifactType == ArtifactType.IpAddress);
        Assert.Contains(indicators, i => i.ArtifactType == ArtifactType.Unclassified && i.ArtifactKind == "sha256");
        Assert.All(indicators, i => Assert.Equal(GraphIds.Compose(i.ArtifactValue!), i.Id));
    }

    [Fact]
    public async Task Has_at_least_20_profiles_of_both_kinds_with_indicators()
    {
        var profiles = await Db.IntelProfiles.ToListAsync();
        var indicators = await Db.IntelProfileIndicators.ToListAsync();
        Assert.True(profiles.Count >= 20, $"{profiles.Count} profiles");
        Assert.Contains(profiles, p => p.Kind == ProfileKind.Tool);
        var actors = profiles.Where(p => p.Kind == ProfileKind.Actor).ToList();
        Assert.NotEmpty(actors);
        Assert.All(actors, a => Assert.False(string.IsNullOrWhiteSpace(a.TradecraftContent)));
        Assert.Contains(actors, a => a.CountryCodes.Count > 0 && a.Targets.Count > 0 && a.Aliases.Count > 0);
        Assert.All(profiles, p => Assert.Matches("^[0-9a-f]{64}$", p.Id));
        Assert.All(profiles, p => Assert.True(indicators.Count(i => i.ProfileId == p.Id) >= 3, $"{p.Title} has too few indicators"));
    }

    [Fact]
    public async Task Has_at_least_50_vulnerabilities_with_components()
    {
        var vulnerabilities = await Db.Vulnerabilities.ToListAsync();
        var components = await Db.VulnerabilityComponents.ToListAsync();
        var withComponents = vulnerabilities.Count(v => components.Any(c => c.VulnerabilityId == v.Id));
        Assert.True(withComponents >= 50, $"{withComponents} vulnerabilities with components");
        Assert.All(vulnerabilities, v => Assert.Matches("^CVE-[0-9]{4}-[0-9]+$", v.Id));
        Assert.All(vulnerabilities, v => Assert.InRange(v.PriorityScore, 0, 100));
        Assert.Contains(vulnerabilities, v => v.ActiveExploitsObserved && v.Cvss3.VectorString is not null && v.References.Count > 0);
        Assert.Contains(vulnerabilities, v => v.Cvss2.Score > 0);
        Assert.NotEmpty(await Db.VulnerabilityArticles.ToListAsync());
    }

    [Fact]
    public async Task Every_showcase_hostname_has_every_navigation()
    {
        Assert.NotEmpty(ShowcaseHostnames);
        foreach (var host in ShowcaseHostnames)
        {
            var dns = await Db.PassiveDnsRecords.Where(r => r.ParentHostId == host).ToListAsync();
            Assert.All(_recordTypes, t => Assert.Contains(dns, r => r.RecordType == t));
            Assert.NotEmpty(await Db.PassiveDnsRecords.Where(r => r.ArtifactId == host).ToListAsync());

            var whois = await Db.WhoisRecords.Where(w => w.HostId == host).ToListAsync();
            Assert.True(whois.Count >= 3, $"{host}: {whois.Count} whois versions");
            Assert.Single(whois, w => w.IsCurrent);
            Assert.All(whois, w => Assert.True(w.Nameservers.Count > 0 && w.Registrant is not null && w.RawWhoisText!.Contains("Domain Name:")));

            var certificates = await Db.HostSslCertificates.Where(c => c.HostId == host).ToListAsync();
            Assert.True(certificates.SelectMany(c => c.Ports).Select(p => p.Port).Distinct().Count() >= 2, $"{host}: certificate ports");

            Assert.NotEmpty(await Db.Subdomains.Where(s => s.ParentHostId == host).ToListAsync());
            Assert.NotEmpty(await Db.HostComponents.Where(c => c.HostId == host).ToListAsync());
            Assert.NotEmpty(await Db.HostTrackers.Where(t => t.HostId == host).ToListAsync());
            Assert.NotEmpty(await Db.HostCookies.Where(c => c.HostId == host).ToListAsync());
            Assert.NotNull(await Db.HostReputations.SingleOrDefaultAsync(r => r.HostId == host));

            var asParent = await Db.HostPairs.Where(p => p.ParentHostId == host).ToListAsync();
            var asChild = await Db.HostPairs.Where(p => p.ChildHostId == host).ToListAsync();
            Assert.NotEmpty(asParent);
            Assert.NotEmpty(asChild);
            Assert.True(asParent.Concat(asChild).Select(p => p.LinkKind).Distinct().Count() >= 2, $"{host}: link kinds");

            await AssertPortsAsync(host);
        }
    }

    [Fact]
    public async Task Showcase_ips_have_reverse_dns_ports_certificates_and_components()
    {
        Assert.NotEmpty(ShowcaseIps);
        foreach (var ip in ShowcaseIps)
        {
            Assert.NotEmpty(await Db.PassiveDnsRecords.Where(r => r.ArtifactId == ip).ToListAsync());
            Assert.NotEmpty(await Db.HostSslCertificates.Where(c => c.HostId == ip).ToListAsync());
            Assert.NotEmpty(await Db.HostComponents.Where(c => c.HostId == ip).ToListAsync());
            await AssertPortsAsync(ip);
        }
    }

    [Fact]
    public async Task A_showcase_host_is_an_indicator_of_a_profile_and_an_article_and_is_malicious()
    {
        var profileArtifacts = await Db.IntelProfileIndicators.Select(i => i.ArtifactId).ToListAsync();
        var articleArtifacts = await Db.ArticleIndicators.Select(i => i.ArtifactId).ToListAsync();
        var both = DemoDataset.ShowcaseHosts.Where(h => profileArtifacts.Contains(h) && articleArtifacts.Contains(h)).ToList();
        Assert.NotEmpty(both);
        foreach (var host in both)
        {
            var reputation = await Db.HostReputations.SingleAsync(r => r.HostId == host);
            Assert.Equal(ReputationClass.Malicious, reputation.Classification);
            Assert.True(reputation.Score >= 75);
            Assert.Contains(reputation.Rules, r => r.Severity == RuleSeverity.High
                && r.RelatedDetailsUrl!.StartsWith("/v1.0/security/threatIntelligence/intelProfiles/", StringComparison.Ordinal));
            Assert.Equal(GraphIds.Guid("reputation:" + host), reputation.Id);
        }
    }

    [Fact]
    public async Task Reputations_cover_every_indicator_host_and_include_suspicious_and_neutral_hosts()
    {
        var reputations = await Db.HostReputations.ToDictionaryAsync(r => r.HostId);
        var indicatorHosts = (await Db.IntelProfileIndicators.Where(i => i.ArtifactType != ArtifactType.Unclassified).Select(i => i.ArtifactId).ToListAsync())
            .Concat(await Db.ArticleIndicators.Where(i => i.ArtifactType != ArtifactType.Unclassified).Select(i => i.ArtifactId).ToListAsync())
            .Distinct();
        Assert.All(indicatorHosts, h => Assert.Equal(ReputationClass.Malicious, reputations[h].Classification));
        Assert.Contains(reputations.Values, r => r.Classification == ReputationClass.Suspicious);
        Assert.Contains(reputations.Values, r => r.Classification == ReputationClass.Neutral);
    }

    [Fact]
    public async Task Has_a_heavy_host_for_paging()
    {
        var heavy = await Db.PassiveDnsRecords.GroupBy(r => r.ParentHostId)
            .Select(g => new { Host = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count)
            .FirstAsync();
        Assert.True(heavy.Count >= 300, $"{heavy.Host}: {heavy.Count} records");
    }

    [Fact]
    public async Task Every_referenced_id_exists()
    {
        var hosts = (await Db.Hosts.Select(h => h.Id).ToListAsync()).ToHashSet();
        void Exists(IEnumerable<string> ids, string what) =>
            Assert.All(ids, id => Assert.True(hosts.Contains(id), $"{what}: host '{id}' does not exist"));

        var dns = await Db.PassiveDnsRecords.ToListAsync();
        Exists(dns.Select(r => r.ParentHostId).Concat(dns.Select(r => r.ArtifactId)), "passive DNS");
        var subdomains = await Db.Subdomains.ToListAsync();
        Exists(subdomains.Select(s => s.ParentHostId).Concat(subdomains.Select(s => s.HostId)), "subdomain");
        var pairs = await Db.HostPairs.ToListAsync();
        Exists(pairs.Select(p => p.ParentHostId).Concat(pairs.Select(p => p.ChildHostId)), "host pair");
        var whois = await Db.WhoisRecords.ToListAsync();
        Exists(whois.Select(w => w.HostId).Concat(whois.SelectMany(w => w.Nameservers).Select(n => n.HostId)), "whois");
        Exists(await Db.HostComponents.Select(c => c.HostId).ToListAsync(), "component");
        Exists(await Db.HostCookies.Select(c => c.HostId).ToListAsync(), "cookie");
        Exists(await Db.HostTrackers.Select(c => c.HostId).ToListAsync(), "tracker");
        Exists(await Db.HostReputations.Select(c => c.HostId).ToListAsync(), "reputation");
        Exists(await Db.ArticleIndicators.Where(i => i.ArtifactType != ArtifactType.Unclassified).Select(i => i.ArtifactId).ToListAsync(), "article indicator");
        Exists(await Db.IntelProfileIndicators.Where(i => i.ArtifactType != ArtifactType.Unclassified).Select(i => i.ArtifactId).ToListAsync(), "profile indicator");

        var certificates = (await Db.SslCertificates.Select(c => c.Id).ToListAsync()).ToHashSet();
        var hostCertificates = await Db.HostSslCertificates.ToListAsync();
        Exists(hostCertificates.Select(c => c.HostId), "host certificate");
        Assert.All(hostCertificates, c => Assert.Contains(c.SslCertificateId, certificates));

        var components = (await Db.HostComponents.Select(c => c.Id).ToListAsync()).ToHashSet();
        var ports = await Db.HostPorts.ToListAsync();
        Exists(ports.Select(p => p.HostId), "port");
        Assert.All(ports.Where(p => p.MostRecentSslCertificateId is not null), p => Assert.Contains(p.MostRecentSslCertificateId!, certificates));
        Assert.All(ports.SelectMany(p => p.Services), s => Assert.Contains(s.ComponentId, components));

        var articles = (await Db.Articles.Select(a => a.Id).ToListAsync()).ToHashSet();
        var vulnerabilities = (await Db.Vulnerabilities.Select(v => v.Id).ToListAsync()).ToHashSet();
        Assert.All(await Db.VulnerabilityArticles.ToListAsync(), l => Assert.True(articles.Contains(l.ArticleId) && vulnerabilities.Contains(l.VulnerabilityId)));
        Assert.All(await Db.ArticleIndicators.Select(i => i.ArticleId).ToListAsync(), id => Assert.Contains(id, articles));
    }

    [Fact]
    public void The_demo_files_are_the_same_bytes_every_time()
    {
        var first = DemoFiles.Build();
        var second = DemoFiles.Build();
        Assert.Equal(first.Select(f => (f.Name, f.Format)), second.Select(f => (f.Name, f.Format)));
        Assert.All(first.Zip(second), pair => Assert.Equal(pair.First.Content, pair.Second.Content));
    }

    [Fact]
    public async Task Every_row_came_through_an_importer_of_each_standard_format()
    {
        var formats = await Db.ImportedBatches.Where(b => b.Source.StartsWith("demo/")).Select(b => b.Format).Distinct().ToListAsync();
        Assert.Equal(["certsightings", "cof", "cve", "epss", "har", "kev", "markdown", "nmap", "stix", "whois"], formats.Order(StringComparer.Ordinal));
        Assert.True(await Db.ImportedBatches.AnyAsync(b => b.Id == DemoDataset.CompletedMarker));
        Assert.False(await DemoDataset.NeedsLoadingAsync(Db));
    }

    [Fact]
    public async Task Synthetic_hosts_are_flagged_and_real_indicators_are_not()
    {
        var real = await Db.ArticleIndicators.Where(i => i.Source == IndicatorSource.Public && i.ArtifactType == ArtifactType.Hostname)
            .Select(i => i.ArtifactId).Distinct().ToListAsync();
        Assert.NotEmpty(real);
        var hosts = await Db.Hosts.ToDictionaryAsync(h => h.Id);
        Assert.All(real, id => Assert.False(hosts[id].IsSynthetic, id));
        Assert.All(DemoDataset.ShowcaseHosts, id => Assert.True(hosts[id].IsSynthetic, id));
    }

    [Fact]
    public async Task Loading_again_into_a_fresh_store_gives_identical_ids()
    {
        var first = await SnapshotAsync(Db);
        var second = await FreshSnapshotAsync();
        Assert.Equal(first.Count, second.Count);
        foreach (var (name, ids) in first)
        {
            Assert.NotEmpty(ids);
            Assert.Equal(ids, second[name]);
        }
    }

    private async Task AssertPortsAsync(string host)
    {
        var ports = await Db.HostPorts.Where(p => p.HostId == host).ToListAsync();
        Assert.NotEmpty(ports);
        Assert.Contains(ports, p => p.Banners.Count > 0 && p.Services.Count > 0);
        var components = (await Db.HostComponents.Where(c => c.HostId == host).Select(c => c.Id).ToListAsync()).ToHashSet();
        Assert.All(ports.SelectMany(p => p.Services), s => Assert.Contains(s.ComponentId, components));
        Assert.Contains(ports, p => p.Port == 443 && p.MostRecentSslCertificateId is not null);
    }

    private static async Task<Dictionary<string, List<string>>> FreshSnapshotAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "sightline-demo-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            await using var db = StoreOptions.Sqlite(Path.Combine(dir, "demo.db")).CreateContext();
            await db.Database.MigrateAsync();
            await DemoDataset.LoadAsync(db);
            return await SnapshotAsync(db);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<Dictionary<string, List<string>>> SnapshotAsync(SightlineDb db)
    {
        static List<string> Sorted(IEnumerable<string> ids) => ids.Order(StringComparer.Ordinal).ToList();
        return new Dictionary<string, List<string>>
        {
            ["hosts"] = Sorted((await db.Hosts.ToListAsync()).Select(h => $"{h.Id}|{h.FirstSeenDateTime:O}|{h.AsNumber}|{h.Registrar}")),
            ["passiveDns"] = Sorted(await db.PassiveDnsRecords.Select(r => r.Id).ToListAsync()),
            ["subdomains"] = Sorted(await db.Subdomains.Select(r => r.Id).ToListAsync()),
            ["pairs"] = Sorted(await db.HostPairs.Select(r => r.Id).ToListAsync()),
            ["components"] = Sorted(await db.HostComponents.Select(r => r.Id).ToListAsync()),
            ["trackers"] = Sorted(await db.HostTrackers.Select(r => r.Id).ToListAsync()),
            ["cookies"] = Sorted(await db.HostCookies.Select(r => r.Id).ToListAsync()),
            ["ports"] = Sorted(await db.HostPorts.Select(r => r.Id).ToListAsync()),
            ["certificates"] = Sorted(await db.SslCertificates.Select(r => r.Id + "|" + r.SerialNumber).ToListAsync()),
            ["hostCertificates"] = Sorted(await db.HostSslCertificates.Select(r => r.Id).ToListAsync()),
            ["whois"] = Sorted(await db.WhoisRecords.Select(r => r.Id).ToListAsync()),
            ["articles"] = Sorted(await db.Articles.Select(r => r.Id).ToListAsync()),
            ["articleIndicators"] = Sorted(await db.ArticleIndicators.Select(r => r.ArticleId + "|" + r.Id).ToListAsync()),
            ["profiles"] = Sorted(await db.IntelProfiles.Select(r => r.Id).ToListAsync()),
            ["profileIndicators"] = Sorted(await db.IntelProfileIndicators.Select(r => r.Id).ToListAsync()),
            ["vulnerabilities"] = Sorted(await db.Vulnerabilities.Select(r => r.Id + "|" + r.PriorityScore).ToListAsync()),
            ["vulnerabilityComponents"] = Sorted(await db.VulnerabilityComponents.Select(r => r.Id).ToListAsync()),
            ["reputations"] = Sorted(await db.HostReputations.Select(r => r.Id + "|" + r.Score).ToListAsync()),
        };
    }
}
