using Sightline.Data;
using Sightline.Data.Entities;

namespace Sightline.Tests.Reputation;

/// <summary>Registration dates, certificates, attack tooling, generated names and well-known sites.</summary>
public sealed class HostEvidenceRuleTests : ReputationTestBase
{
    [Fact]
    public async Task A_domain_first_seen_soon_after_its_creation_is_recently_registered()
    {
        await SeedAsync(db =>
        {
            db.Hosts.AddRange(Name("fresh.example", firstSeen: T0), Name("old.example", firstSeen: T0), Name("nowhois.example"));
            db.WhoisRecords.AddRange(Whois("fresh.example", T0.AddDays(-6)), Whois("old.example", T0.AddDays(-400)));
        });
        await RecomputeAsync();

        var rule = await RuleAsync("fresh.example", "Recently registered domain");
        Assert.Equal("WHOIS gives 2026-02-23 as the domain's creation date and it was first seen on 2026-03-01, 6 days later (the rule fires within 30 days).", rule.Description);
        Assert.Equal($"{Root}/hosts/fresh.example/whois", rule.RelatedDetailsUrl);
        Assert.Equal(RuleSeverity.Medium, rule.Severity);
        await AssertNoRuleAsync("old.example", "Recently registered domain");
        await AssertNoRuleAsync("nowhois.example", "Recently registered domain");
    }

    [Fact]
    public async Task Self_signed_expired_and_short_lived_certificates_fire_each_on_their_own()
    {
        var selfSigned = Certificate("1111", T0.AddDays(-100), T0.AddDays(265), issuer: "CN=evil.example");
        var expired = Certificate("2222", T0.AddDays(-400), T0.AddDays(-35));
        var shortLived = Certificate("3333", T0.AddDays(29), T0.AddDays(29).AddHours(36));
        var fine = Certificate("4444", T0.AddDays(-10), T0.AddDays(80));
        await SeedAsync(db =>
        {
            db.Hosts.AddRange(Name("evil.example"), Name("good.example"));
            db.SslCertificates.AddRange(selfSigned, expired, shortLived, fine);
            db.HostSslCertificates.AddRange(Sighting("evil.example", selfSigned), Sighting("evil.example", expired), Sighting("evil.example", shortLived), Sighting("good.example", fine));
        });
        await RecomputeAsync();

        var self = await RuleAsync("evil.example", "Self-signed certificate");
        Assert.Equal("The certificate 1111 this host served is self-signed: its issuer is its subject (CN=evil.example).", self.Description);
        Assert.Equal($"{Root}/sslCertificates/{Uri.EscapeDataString(selfSigned.Id)}", self.RelatedDetailsUrl);
        var old = await RuleAsync("evil.example", "Expired certificate");
        Assert.Equal("The certificate 2222 expired on 2026-01-25 00:00 UTC but this host still served it on 2026-03-31 00:00 UTC.", old.Description);
        var brief = await RuleAsync("evil.example", "Short-lived certificate");
        Assert.Equal("The certificate 3333 this host served is valid for only 36 hours (2026-03-30 00:00 UTC to 2026-03-31 12:00 UTC; the rule fires under 3 days).", brief.Description);
        Assert.Equal((40, ReputationClass.Suspicious), ((await StoredAsync("evil.example")).Score, (await StoredAsync("evil.example")).Classification));
        Assert.Equal(ReputationClass.Unknown, (await StoredAsync("good.example")).Classification);
    }

    [Fact]
    public async Task A_port_identified_as_attack_tooling_is_malicious_and_links_to_the_port()
    {
        await SeedAsync(db =>
        {
            db.Hosts.AddRange(Ip("203.0.113.50"), Ip("203.0.113.51"));
            AddService(db, "203.0.113.50", 50050, "Cobalt Strike Listener", "Strategic Cyber LLC");
            AddService(db, "203.0.113.51", 443, "nginx", "1.18.0");
        });
        await RecomputeAsync();

        var rule = await RuleAsync("203.0.113.50", "Attack tooling");
        var componentId = GraphIds.Compose("Cobalt Strike Listener", "Strategic Cyber LLC", "Service", "203.0.113.50");
        Assert.Equal($"Port 50050 of this host was identified as Cobalt Strike Listener Strategic Cyber LLC (host component {componentId}), which the rule set lists as attack tooling (Cobalt Strike).", rule.Description);
        Assert.Equal($"{Root}/hostPorts/{Uri.EscapeDataString(GraphIds.Compose("203.0.113.50", "50050"))}", rule.RelatedDetailsUrl);
        Assert.Equal(ReputationClass.Malicious, (await StoredAsync("203.0.113.50")).Classification);
        await AssertNoRuleAsync("203.0.113.51", "Attack tooling");
    }

    [Fact]
    public async Task A_machine_generated_label_fires_and_a_chosen_name_does_not()
    {
        await SeedAsync(db => db.Hosts.AddRange(Name("www.xjwqpzkdlmnv.com"), Name("a8f3k2j9x0q1w.net"), Name("northwind-traders.com"), Name("xn--mgbfv9eh74d.com")));
        await RecomputeAsync();

        var run = await RuleAsync("www.xjwqpzkdlmnv.com", "Machine-generated name");
        Assert.Equal("The domain label 'xjwqpzkdlmnv' looks machine-generated: a run of 12 consonants (length 12, entropy 3.58 bits per character, longest consonant run 12).", run.Description);
        Assert.Equal($"{Root}/hosts/www.xjwqpzkdlmnv.com", run.RelatedDetailsUrl);
        Assert.Contains("high entropy with mixed digits (46% digits)", (await RuleAsync("a8f3k2j9x0q1w.net", "Machine-generated name")).Description, StringComparison.Ordinal);
        await AssertNoRuleAsync("northwind-traders.com", "Machine-generated name");
        await AssertNoRuleAsync("xn--mgbfv9eh74d.com", "Machine-generated name");
    }

    [Fact]
    public async Task A_well_known_site_lowers_the_score_but_its_subdomains_are_not_vouched_for()
    {
        await SeedAsync(db =>
        {
            db.Hosts.AddRange(Name("github.com"), Name("evil.github.com"));
            db.Articles.Add(Article("a2", "Payloads hosted on a code forge"));
            db.ArticleIndicators.AddRange(ArticleIndicator("a2", "github.com"), ArticleIndicator("a2", "evil.github.com"));
        });
        await RecomputeAsync();

        var rule = await RuleAsync("github.com", "Well-known site");
        Assert.Matches(@"^github\.com is ranked \d+ among the 500 most linked-to domains of the top-sites list \(npm package top-sites, MIT\), which lowers its score\.$", rule.Description);
        Assert.Equal("https://github.com/Kikobeats/top-sites", rule.RelatedDetailsUrl);
        Assert.Equal((25, ReputationClass.Neutral), ((await StoredAsync("github.com")).Score, (await StoredAsync("github.com")).Classification));
        await AssertNoRuleAsync("evil.github.com", "Well-known site");
        Assert.Equal(ReputationClass.Malicious, (await StoredAsync("evil.github.com")).Classification);
    }

    private static WhoisRecord Whois(string host, DateTimeOffset created) => new()
    {
        HostId = host, Id = GraphIds.Compose(host, "1"), IsCurrent = true, RegistrationDateTime = created, FirstSeenDateTime = T0, LastSeenDateTime = T0,
        Nameservers = [new WhoisNameserver { HostId = "ns1." + host }],
    };

    private static SslCertificate Certificate(string sha1, DateTimeOffset issued, DateTimeOffset expires, string? issuer = null) => new()
    {
        Id = GraphIds.Compose(sha1), Sha1 = sha1, IssueDateTime = issued, ExpirationDateTime = expires,
        Subject = new CertificateParty { CommonName = "evil.example" },
        Issuer = new CertificateParty { CommonName = issuer is null ? "Example Issuing CA" : issuer[3..] },
    };

    private static HostSslCertificate Sighting(string host, SslCertificate c) => new()
    {
        HostId = host, Id = GraphIds.Compose(host, c.Sha1), SslCertificateId = c.Id, FirstSeenDateTime = T0, LastSeenDateTime = T0.AddDays(30),
    };

    private static void AddService(SightlineDb db, string ip, int port, string name, string version)
    {
        var componentId = GraphIds.Compose(name, version, "Service", ip);
        db.HostComponents.Add(new HostComponent { HostId = ip, Id = componentId, Name = name, Version = version, Category = "Service", FirstSeenDateTime = T0, LastSeenDateTime = T0 });
        db.HostPorts.Add(new HostPort
        {
            HostId = ip, Id = GraphIds.Compose(ip, port.ToString(System.Globalization.CultureInfo.InvariantCulture)), Port = port, Status = PortStatus.Open,
            Services = [new PortService { ComponentId = componentId, Name = name, Version = version, Category = "Service" }],
        });
    }
}
