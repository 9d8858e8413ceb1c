using Sightline.Data;
using Sightline.Data.Entities;

namespace Sightline.Tests.Reputation;

/// <summary>Second pass: infrastructure shared with hosts the first pass found malicious, and risky top-level domains.</summary>
public sealed class SharingRuleTests : ReputationTestBase
{
    private static readonly string ProfileId = new('c', 64);
    private static readonly string[] Bad = ["bad1.example", "bad2.example", "bad3.example"];

    [Fact]
    public async Task Registrar_name_server_certificate_and_tracker_shared_with_malicious_hosts_fire_with_the_share()
    {
        var certificate = new SslCertificate { Id = GraphIds.Compose("abcd"), Sha1 = "abcd", Subject = new() { CommonName = "x" }, Issuer = new() { CommonName = "CA" } };
        await SeedAsync(db =>
        {
            db.IntelProfiles.Add(Profile(ProfileId, "Fabrikam Spider"));
            AddIndicators(db, ProfileId, [.. Bad.Select(b => Name(b, registrar: "Shady Registrar"))]);
            db.Hosts.Add(Name("target.example", registrar: "Shady Registrar"));
            db.SslCertificates.Add(certificate);
            foreach (var host in Bad.Append("target.example"))
            {
                db.WhoisRecords.Add(new WhoisRecord { HostId = host, Id = GraphIds.Compose(host, "1"), IsCurrent = true, Nameservers = [new WhoisNameserver { HostId = "ns1.shady.example" }] });
                db.HostTrackers.Add(new HostTracker { HostId = host, Id = GraphIds.Compose("UA-1", "GoogleAnalyticsID", host), Kind = "GoogleAnalyticsID", Value = "UA-1" });
            }
            db.HostSslCertificates.AddRange(new[] { "bad1.example", "target.example" }.Select(h => new HostSslCertificate { HostId = h, Id = GraphIds.Compose(h, "abcd"), SslCertificateId = certificate.Id }));
            // A big registrar: three malicious hosts among twelve others is a 25% share, under the 50% threshold.
            db.Hosts.AddRange(Enumerable.Range(1, 9).Select(i => Name($"shop{i}.example", registrar: "Big Registrar")).Append(Name("benign.example", registrar: "Big Registrar")));
            AddIndicators(db, ProfileId, [.. Enumerable.Range(1, 3).Select(i => Name($"evil{i}.example", registrar: "Big Registrar"))]);
        });
        await RecomputeAsync();

        var registrar = await RuleAsync("target.example", "Registrar shared with malicious hosts");
        Assert.Equal("The registrar 'Shady Registrar' is shared with 3 of the 3 other hosts in the store that have it (100%), classified malicious: bad1.example, bad2.example, bad3.example.", registrar.Description);
        Assert.Equal($"{Root}/whoisRecords?$search=%22registrar%2Fname%3AShady%20Registrar%22", registrar.RelatedDetailsUrl);
        var nameServer = await RuleAsync("target.example", "Name server shared with malicious hosts");
        Assert.StartsWith("The name server ns1.shady.example is shared with 3 of the 3 other hosts", nameServer.Description, StringComparison.Ordinal);
        Assert.Equal($"{Root}/whoisRecords?$search=%22nameservers%2Fhost%2Fid%3Ans1.shady.example%22", nameServer.RelatedDetailsUrl);
        var cert = await RuleAsync("target.example", "Certificate shared with malicious hosts");
        Assert.Equal("The certificate abcd is shared with 1 of the 1 other hosts in the store that have it (100%), classified malicious: bad1.example.", cert.Description);
        Assert.Equal($"{Root}/sslCertificates/{Uri.EscapeDataString(certificate.Id)}/relatedHosts", cert.RelatedDetailsUrl);
        var tracker = await RuleAsync("target.example", "Tracker shared with malicious hosts");
        Assert.StartsWith("The tracker GoogleAnalyticsID UA-1 is shared with 3 of the 3 other hosts", tracker.Description, StringComparison.Ordinal);
        Assert.Equal($"{Root}/hostTrackers?$filter=value%20eq%20%27UA-1%27", tracker.RelatedDetailsUrl);
        Assert.Equal((100, ReputationClass.Malicious), ((await StoredAsync("target.example")).Score, (await StoredAsync("target.example")).Classification));

        await AssertNoRuleAsync("benign.example", "Registrar shared with malicious hosts");
        // A host never counts towards its own share: bad2 sees only two malicious others, under the minimum of three.
        await AssertNoRuleAsync("bad2.example", "Registrar shared with malicious hosts");
    }

    [Fact]
    public async Task A_netblock_with_enough_malicious_addresses_fires_for_its_other_addresses()
    {
        await SeedAsync(db =>
        {
            db.IntelProfiles.Add(Profile(ProfileId, "Fabrikam Spider"));
            AddIndicators(db, ProfileId, [.. Enumerable.Range(1, 3).Select(i => Ip($"203.0.113.{i}", "203.0.113.0/24"))]);
            db.Hosts.AddRange(Ip("203.0.113.99", "203.0.113.0/24"), Ip("198.51.100.9", "198.51.100.0/24"));
            AddIndicators(db, ProfileId, Ip("198.51.100.1", "198.51.100.0/24"));
        });
        await RecomputeAsync();

        var rule = await RuleAsync("203.0.113.99", "Netblock shared with malicious hosts");
        Assert.Equal("The netblock 203.0.113.0/24 is shared with 3 of the 3 other hosts in the store that have it (100%), classified malicious: 203.0.113.1, 203.0.113.2, 203.0.113.3.", rule.Description);
        Assert.Equal($"{Root}/hosts/203.0.113.99", rule.RelatedDetailsUrl);
        // One malicious neighbour is under the minimum of three.
        await AssertNoRuleAsync("198.51.100.9", "Netblock shared with malicious hosts");
    }

    [Fact]
    public async Task A_top_level_domain_counts_only_with_a_large_enough_sample()
    {
        await SeedAsync(db =>
        {
            db.IntelProfiles.Add(Profile(ProfileId, "Fabrikam Spider"));
            AddIndicators(db, ProfileId, [.. Enumerable.Range(1, 30).Select(i => Name($"lure{i}.top"))]);
            db.Hosts.AddRange(Enumerable.Range(1, 20).Select(i => Name($"site{i}.top")));
            AddIndicators(db, ProfileId, [.. Enumerable.Range(1, 5).Select(i => Name($"lure{i}.org"))]);
            db.Hosts.Add(Name("site.org"));
        });
        await RecomputeAsync();

        var rule = await RuleAsync("site1.top", "Top-level domain with many malicious hosts");
        Assert.Equal("30 of the 49 other host names under .top in the store (61%) are classified malicious (the rule needs at least 50 names under the domain).", rule.Description);
        Assert.Null(rule.RelatedDetailsUrl); // a statistic of the store: no bounded query lists a TLD's hosts
        Assert.Equal(ReputationClass.Neutral, (await StoredAsync("site1.top")).Classification);
        await AssertNoRuleAsync("site.org", "Top-level domain with many malicious hosts");
    }
}
