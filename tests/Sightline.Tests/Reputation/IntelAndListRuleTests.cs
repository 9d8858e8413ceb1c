using Sightline.Data;
using Sightline.Data.Entities;

namespace Sightline.Tests.Reputation;

/// <summary>Indicators of profiles and articles, resolutions to them, and imported lists (ipsum, maltrail).</summary>
public sealed class IntelAndListRuleTests : ReputationTestBase
{
    private static readonly string ProfileId = new('a', 64);

    [Fact]
    public async Task An_indicator_of_a_profile_or_an_article_is_malicious_and_names_both()
    {
        await SeedAsync(db =>
        {
            db.Hosts.AddRange(Name("login-contoso.example"), Name("quiet.example"));
            db.IntelProfiles.Add(Profile(ProfileId, "Contoso Tempest"));
            db.IntelProfileIndicators.Add(ProfileIndicator(ProfileId, "login-contoso.example"));
            db.Articles.Add(Article("a1", "Contoso phishing wave"));
            db.ArticleIndicators.Add(ArticleIndicator("a1", "login-contoso.example"));
        });
        await RecomputeAsync();

        var stored = await StoredAsync("login-contoso.example");
        Assert.Equal((ReputationClass.Malicious, 100), (stored.Classification, stored.Score));
        var profile = await RuleAsync("login-contoso.example", "Intelligence profile indicator");
        Assert.Equal($"This host is an indicator of the actor Contoso Tempest (intelligence profile {ProfileId}).", profile.Description);
        Assert.Equal($"{Root}/intelProfiles/{ProfileId}", profile.RelatedDetailsUrl);
        Assert.Equal(RuleSeverity.High, profile.Severity);
        var article = await RuleAsync("login-contoso.example", "Article indicator");
        Assert.Contains("\"Contoso phishing wave\" (a1)", article.Description, StringComparison.Ordinal);
        Assert.Equal($"{Root}/articles/a1", article.RelatedDetailsUrl);
        Assert.Equal(GraphIds.Guid("reputation:login-contoso.example"), stored.Id);

        var quiet = await StoredAsync("quiet.example");
        Assert.Equal((ReputationClass.Unknown, 0), (quiet.Classification, quiet.Score));
        Assert.Equal("Rule set", Assert.Single(quiet.Rules).Name);
    }

    [Fact]
    public async Task A_host_resolving_to_an_indicator_names_the_resolution_and_the_profile()
    {
        await SeedAsync(db =>
        {
            db.IntelProfiles.Add(Profile(ProfileId, "Contoso Tempest"));
            AddIndicators(db, ProfileId, Ip("203.0.113.7"));
            db.Hosts.AddRange(Name("front.example"), Name("elsewhere.example"), Ip("198.51.100.1"));
            db.PassiveDnsRecords.Add(Resolution("front.example", "203.0.113.7"));
            db.PassiveDnsRecords.Add(Resolution("elsewhere.example", "198.51.100.1"));
        });
        await RecomputeAsync();

        var rule = await RuleAsync("front.example", "Resolves to an indicator");
        Assert.Equal($"Passive DNS: this host resolved (A record, last seen 2026-03-11) to 203.0.113.7, an indicator of the actor Contoso Tempest (intelligence profile {ProfileId}).", rule.Description);
        Assert.Equal($"{Root}/intelProfiles/{ProfileId}", rule.RelatedDetailsUrl);
        Assert.Equal(ReputationClass.Suspicious, (await StoredAsync("front.example")).Classification);
        await AssertNoRuleAsync("elsewhere.example", "Resolves to an indicator");
    }

    [Fact]
    public async Task Ipsum_counts_lists_from_the_newest_snapshot_only()
    {
        var newest = T0.AddDays(10);
        await SeedAsync(db =>
        {
            db.Hosts.AddRange(Ip("203.0.113.3"), Ip("203.0.113.5"), Ip("203.0.113.2"), Ip("203.0.113.9"));
            db.ListEntries.AddRange(Ipsum("203.0.113.3", 3, newest), Ipsum("203.0.113.5", 6, newest), Ipsum("203.0.113.2", 2, newest), Ipsum("203.0.113.9", 8, T0));
        });
        await RecomputeAsync();

        var three = await RuleAsync("203.0.113.3", "IPsum blocklists");
        Assert.Equal("This IP address is on 3 blocklists according to the ipsum feed (snapshot of 2026-03-11), list 'ipsum' in this store.", three.Description);
        Assert.Equal("https://github.com/stamparm/ipsum", three.RelatedDetailsUrl);
        Assert.Equal((RuleSeverity.Medium, 45, ReputationClass.Suspicious), (three.Severity, (await StoredAsync("203.0.113.3")).Score, (await StoredAsync("203.0.113.3")).Classification));
        Assert.Equal(RuleSeverity.High, (await RuleAsync("203.0.113.5", "IPsum blocklists")).Severity);
        Assert.Equal((80, ReputationClass.Malicious), ((await StoredAsync("203.0.113.5")).Score, (await StoredAsync("203.0.113.5")).Classification));
        await AssertNoRuleAsync("203.0.113.2", "IPsum blocklists");
        await AssertNoRuleAsync("203.0.113.9", "IPsum blocklists");
    }

    [Fact]
    public async Task A_maltrail_trail_marks_the_domain_its_subdomains_and_weighs_less_for_a_path()
    {
        const string report = "https://securelist.com/operation-applejeus/87553/";
        await SeedAsync(db =>
        {
            db.Hosts.AddRange(Name("celasllc.example"), Name("www.celasllc.example"), Name("compromised.example"), Name("clean.example"));
            db.ListEntries.AddRange(
                new ListEntry { List = "maltrail/apt_lazarus", Value = "celasllc.example", Host = "celasllc.example", Kind = ListEntryKind.Domain, Reference = report },
                new ListEntry { List = "maltrail/apt_lazarus", Value = "compromised.example/wp/x.php", Host = "compromised.example", Kind = ListEntryKind.Url });
        });
        await RecomputeAsync();

        var domain = await RuleAsync("celasllc.example", "Maltrail APT trail");
        Assert.Equal($"This host is in the maltrail APT trail apt_lazarus (list 'maltrail/apt_lazarus', entry 'celasllc.example'). The trail cites {report}.", domain.Description);
        Assert.Equal(report, domain.RelatedDetailsUrl);
        Assert.Equal(ReputationClass.Malicious, (await StoredAsync("celasllc.example")).Classification);
        Assert.StartsWith("This host's domain celasllc.example is in the maltrail APT trail apt_lazarus", (await RuleAsync("www.celasllc.example", "Maltrail APT trail")).Description, StringComparison.Ordinal);
        var path = await RuleAsync("compromised.example", "Maltrail APT trail");
        Assert.Equal("The maltrail trail apt_lazarus names 'compromised.example/wp/x.php', served from this host.", path.Description);
        Assert.Equal("https://github.com/stamparm/maltrail", path.RelatedDetailsUrl);
        Assert.Equal((40, ReputationClass.Suspicious), ((await StoredAsync("compromised.example")).Score, (await StoredAsync("compromised.example")).Classification));
        await AssertNoRuleAsync("clean.example", "Maltrail APT trail");
    }

    private static PassiveDnsRecord Resolution(string name, string ip) => new()
    {
        ParentHostId = name, Id = GraphIds.Compose(name, ip, "A"), ArtifactId = ip, ArtifactKind = HostKind.IpAddress, RecordType = "A",
        FirstSeenDateTime = T0, LastSeenDateTime = T0.AddDays(10), CollectedDateTime = T0.AddDays(10), Count = 3,
    };

    private static ListEntry Ipsum(string ip, int lists, DateTimeOffset date) =>
        new() { List = "ipsum", Value = ip, Host = ip, Kind = ListEntryKind.IpAddress, Count = lists, Reference = "https://github.com/stamparm/ipsum", ListDateTime = date };
}
