using Sightline.Data;
using Sightline.Data.Entities;

namespace Sightline.Tests.Support;

/// <summary>A small, fully known dataset for tests that assert exact results.</summary>
public static class TestData
{
    public static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const string Domain = "contoso.example";
    public const string Ip = "20.103.85.33";
    public const string Ip6 = "2001:db8::1";
    public const int PassiveDnsCount = 30;
    public static readonly string PlusSlashCookieId = Convert.ToBase64String([0xfb, 0xff, 0xbf, 0x3e, 0x3f]);

    public static async Task SeedAsync(SightlineDb db)
    {
        db.Hosts.AddRange(
            new Host { Id = Domain, Kind = HostKind.Hostname, FirstSeenDateTime = T0, LastSeenDateTime = T0.AddDays(90), Registrar = "MarkMonitor Inc.", Registrant = "Contoso Ltd" },
            new Host { Id = "www." + Domain, Kind = HostKind.Hostname, FirstSeenDateTime = T0 },
            new Host { Id = "cdn.fabrikam.example", Kind = HostKind.Hostname, FirstSeenDateTime = T0 },
            new Host { Id = Ip, Kind = HostKind.IpAddress, AsNumber = 8075, AsName = "MICROSOFT-CORP-MSN-AS-BLOCK", AsOrganization = "Microsoft Corporation", CountryOrRegion = "NL", HostingProvider = "Microsoft Azure", Netblock = "20.103.0.0/16" },
            new Host { Id = Ip6, Kind = HostKind.IpAddress, CountryOrRegion = "US", Netblock = "2001:db8::/32" });

        for (var i = 0; i < PassiveDnsCount; i++)
        {
            var ip = $"198.51.100.{i + 1}";
            db.Hosts.Add(new Host { Id = ip, Kind = HostKind.IpAddress });
            var type = i % 3 == 0 ? "AAAA" : "A";
            db.PassiveDnsRecords.Add(new PassiveDnsRecord
            {
                ParentHostId = Domain, Id = GraphIds.Compose(Domain, ip, type), ArtifactId = ip, ArtifactKind = HostKind.IpAddress,
                RecordType = type, FirstSeenDateTime = T0.AddDays(i), LastSeenDateTime = T0.AddDays(i + 10), CollectedDateTime = T0.AddDays(i + 10), Count = i + 1,
            });
        }
        db.PassiveDnsRecords.Add(new PassiveDnsRecord
        {
            ParentHostId = "www." + Domain, Id = GraphIds.Compose("www." + Domain, Domain, "CNAME"), ArtifactId = Domain, ArtifactKind = HostKind.Hostname,
            RecordType = "CNAME", FirstSeenDateTime = T0, LastSeenDateTime = T0.AddDays(5), CollectedDateTime = T0.AddDays(5),
        });
        db.PassiveDnsRecords.Add(new PassiveDnsRecord
        {
            ParentHostId = "www." + Domain, Id = GraphIds.Compose("www." + Domain, Ip, "A"), ArtifactId = Ip, ArtifactKind = HostKind.IpAddress,
            RecordType = "A", FirstSeenDateTime = T0, LastSeenDateTime = T0.AddDays(6), CollectedDateTime = T0.AddDays(6),
        });

        db.HostPairs.AddRange(
            Pair("redirect", Domain, "www." + Domain),
            Pair("script", "www." + Domain, "cdn.fabrikam.example"),
            Pair("iframe", "cdn.fabrikam.example", Domain));

        var cert = new SslCertificate
        {
            Id = GraphIds.Compose("a3b59e5fe884ee1f34d98eef858e3fb662ac104a"), Sha1 = "a3b59e5fe884ee1f34d98eef858e3fb662ac104a",
            Fingerprint = "6D:E6:FF:A8:AA:70:F0:4C:7E:49:B8:3E:BE:EE:45:2A:5A:0C:4B:1E:9F:AB:1B:5D:E9:30:2A:16:DE:86:C6:4A",
            SerialNumber = "1234567890", IssueDateTime = T0, ExpirationDateTime = T0.AddDays(365), FirstSeenDateTime = T0, LastSeenDateTime = T0.AddDays(30),
            Issuer = new CertificateParty { CommonName = "Contoso Issuing CA", OrganizationName = "Contoso", CountryOrRegion = "US" },
            Subject = new CertificateParty { CommonName = Domain, AlternateNames = [Domain, "www." + Domain] },
        };
        db.SslCertificates.Add(cert);
        db.HostSslCertificates.Add(new HostSslCertificate
        {
            HostId = Domain, Id = GraphIds.Compose(Domain, cert.Sha1), SslCertificateId = cert.Id, FirstSeenDateTime = T0, LastSeenDateTime = T0.AddDays(30),
            Ports = [new CertificatePort { Port = 443, FirstSeenDateTime = T0, LastSeenDateTime = T0.AddDays(30) }],
        });
        db.HostPorts.Add(new HostPort
        {
            HostId = Ip, Id = GraphIds.Compose(Ip, "443"), Port = 443, Protocol = PortProtocol.Tcp, Status = PortStatus.Open, TimesObserved = 4,
            FirstSeenDateTime = T0, LastSeenDateTime = T0.AddDays(3), LastScanDateTime = T0.AddDays(3), MostRecentSslCertificateId = cert.Id,
            Banners = [new PortBanner { Banner = "HTTP/1.1 200 OK\r\nServer: nginx/1.18.0", ScanProtocol = "http_raw", TimesObserved = 4, FirstSeenDateTime = T0, LastSeenDateTime = T0.AddDays(3) }],
            Services = [new PortService { ComponentId = GraphIds.Compose("nginx", "1.18.0", "Server", Ip), Name = "nginx", Version = "1.18.0", Category = "Server", IsRecent = true, FirstSeenDateTime = T0, LastSeenDateTime = T0.AddDays(3) }],
        });
        db.HostComponents.Add(new HostComponent { HostId = Ip, Id = GraphIds.Compose("nginx", "1.18.0", "Server", Ip), Name = "nginx", Version = "1.18.0", Category = "Server", FirstSeenDateTime = T0, LastSeenDateTime = T0.AddDays(3) });
        db.HostComponents.Add(new HostComponent { HostId = Domain, Id = GraphIds.Compose("jQuery", "", "JavaScript Library", Domain), Name = "jQuery", Category = "JavaScript Library", FirstSeenDateTime = T0, LastSeenDateTime = T0.AddDays(3) });
        db.HostCookies.Add(new HostCookie { HostId = Domain, Id = GraphIds.Compose(Domain, "JSESSIONID", Domain), Name = "JSESSIONID", Domain = Domain, FirstSeenDateTime = T0, LastSeenDateTime = T0.AddDays(3) });
        // An id with both '+' and '/' in it, as base64 ids can have.
        db.HostCookies.Add(new HostCookie { HostId = Domain, Id = PlusSlashCookieId, Name = "tricky", Domain = Domain, FirstSeenDateTime = T0, LastSeenDateTime = T0 });
        db.HostTrackers.Add(new HostTracker { HostId = Domain, Id = GraphIds.Compose("G-ABC123", "GoogleAnalyticsID", Domain), Kind = "GoogleAnalyticsID", Value = "G-ABC123", FirstSeenDateTime = T0, LastSeenDateTime = T0.AddDays(3) });
        db.Subdomains.Add(new Subdomain { ParentHostId = Domain, Id = GraphIds.Compose("www." + Domain, Domain), HostId = "www." + Domain, FirstSeenDateTime = T0 });

        for (var v = 1; v <= 3; v++)
        {
            db.WhoisRecords.Add(new WhoisRecord
            {
                HostId = Domain, Id = GraphIds.Compose(Domain, v.ToString(System.Globalization.CultureInfo.InvariantCulture)), IsCurrent = v == 3,
                RegistrationDateTime = T0.AddYears(-5), ExpirationDateTime = T0.AddYears(v), LastUpdateDateTime = T0.AddDays(v * 10),
                DomainStatus = "clientTransferProhibited", WhoisServer = "whois.markmonitor.com", RawWhoisText = $"Domain Name: CONTOSO.EXAMPLE\nversion {v}",
                Registrar = new WhoisContact { Name = "MarkMonitor Inc.", Email = "abusecomplaints@markmonitor.com" },
                Registrant = new WhoisContact { Organization = "Contoso Ltd", Email = $"admin{v}@contoso.example", State = "WA", CountryOrRegion = "US" },
                Admin = new WhoisContact { Name = "Domain Administrator", State = v == 3 ? "WA" : "CA", CountryOrRegion = "US" },
                Nameservers = [new WhoisNameserver { HostId = "ns1.contoso.example" }, new WhoisNameserver { HostId = "ns2.contoso.example" }],
            });
        }

        var article = new Article
        {
            Id = "a272d5ab", Title = "Contoso phishing wave uses fake login pages", SummaryContent = "A phishing campaign against Contoso customers.",
            BodyContent = "# Details\nThe operators register look-alike domains.", BodyFormat = ContentFormat.Markdown,
            CreatedDateTime = T0.AddDays(20), LastUpdatedDateTime = T0.AddDays(21), Tags = ["Phishing", "OSINT"],
        };
        db.Articles.AddRange(article, new Article { Id = "b0000001", Title = "Ransomware trends", CreatedDateTime = T0.AddDays(40), LastUpdatedDateTime = T0.AddDays(40), Tags = ["Ransomware"] });
        db.ArticleIndicators.AddRange(
            new ArticleIndicator { ArticleId = article.Id, Id = GraphIds.Compose(Domain), Source = IndicatorSource.Microsoft, ArtifactType = ArtifactType.Hostname, ArtifactId = Domain },
            new ArticleIndicator { ArticleId = article.Id, Id = GraphIds.Compose("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"), Source = IndicatorSource.Osint, ArtifactType = ArtifactType.Unclassified, ArtifactId = GraphIds.Compose("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"), ArtifactKind = "sha256", ArtifactValue = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" });

        var profileId = new string('a', 64);
        db.IntelProfiles.AddRange(
            new IntelProfile { Id = profileId, Kind = ProfileKind.Actor, Title = "Contoso Tempest", FirstActiveDateTime = T0.AddYears(-2), Aliases = ["TEMP.Contoso"], Targets = ["Government: Defense"], CountryCodes = ["XX"], CountryLabels = ["Exampleland"], SummaryContent = "An actor.", TradecraftContent = "Uses phishing.", TradecraftFormat = ContentFormat.Markdown },
            new IntelProfile { Id = new string('b', 64), Kind = ProfileKind.Tool, Title = "FabrikamRAT", FirstActiveDateTime = T0.AddYears(1) });
        db.IntelProfileIndicators.Add(new IntelProfileIndicator { ProfileId = profileId, Id = GraphIds.Guid("profile-indicator:" + Ip), Source = IndicatorSource.Microsoft, ArtifactType = ArtifactType.IpAddress, ArtifactId = Ip, FirstSeenDateTime = T0 });

        db.Vulnerabilities.Add(new Vulnerability
        {
            Id = "CVE-2021-44228", Severity = Severity.Critical, PriorityScore = 100, Cvss3 = new CvssSummary { Score = 10.0, Severity = Severity.Critical, VectorString = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H" },
            Cvss2 = new CvssSummary { Score = 9.3, Severity = Severity.High }, CommonWeaknessEnumerationIds = ["CWE-502"], DescriptionContent = "Log4Shell.",
            ExploitsAvailable = true, ActiveExploitsObserved = true, CreatedDateTime = T0, LastModifiedDateTime = T0, PublishedDateTime = T0,
            References = [new Link { Name = "NVD", Url = "https://nvd.nist.gov/vuln/detail/CVE-2021-44228" }],
        });
        db.VulnerabilityComponents.Add(new VulnerabilityComponent { VulnerabilityId = "CVE-2021-44228", Id = GraphIds.Compose("cve-2021-44228", "Apache Software Foundation Log4j 2.0"), Name = "Apache Software Foundation Log4j 2.0" });
        db.VulnerabilityArticles.Add(new VulnerabilityArticle { VulnerabilityId = "CVE-2021-44228", ArticleId = article.Id });
        db.HostReputations.Add(new HostReputation
        {
            HostId = Ip, Id = GraphIds.Guid("reputation:" + Ip), Score = 90, Classification = ReputationClass.Malicious, ComputedDateTime = T0,
            Rules = [new ReputationRule { Name = "Intelligence profile indicator", Description = "Indicator of Contoso Tempest", Severity = RuleSeverity.High, RelatedDetailsUrl = "/v1.0/security/threatIntelligence/intelProfiles/" + profileId }],
        });
        await db.SaveChangesAsync();
    }

    private static HostPair Pair(string kind, string parent, string child) => new()
    {
        ParentHostId = parent, ChildHostId = child, Id = GraphIds.Compose(kind, parent, child, parent), LinkKind = kind,
        FirstSeenDateTime = T0, LastSeenDateTime = T0.AddDays(7),
    };
}

/// <summary>A server whose store holds exactly <see cref="TestData"/>.</summary>
public sealed class KnownDataFixture : IAsyncLifetime
{
    public SightlineServer Server { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SightlineServer.StartAsync(loadDemo: false);
        await using (var db = Server.CreateDb())
        {
            await TestData.SeedAsync(db);
        }
        Client = Server.Client();
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition("known")]
public sealed class KnownDataCollection : ICollectionFixture<KnownDataFixture>;
