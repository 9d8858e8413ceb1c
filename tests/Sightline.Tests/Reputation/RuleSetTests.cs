using Microsoft.EntityFrameworkCore;
using Sightline.Data.Entities;
using Sightline.Data.Reputation;
using Sightline.Tests.Support;

namespace Sightline.Tests.Reputation;

/// <summary>Class thresholds, operator rule set files and their version in every verdict, and determinism.</summary>
public sealed class RuleSetTests : ReputationTestBase
{
    private string RuleFile(string json)
    {
        var path = Path.Combine(Server.DataDir, $"rules-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        return path;
    }

    private Task SeedIndicatorAsync(string host) => SeedAsync(db =>
    {
        db.Hosts.Add(Name(host));
        db.Articles.Add(Article("a-" + host, "Report on " + host));
        db.ArticleIndicators.Add(ArticleIndicator("a-" + host, host));
    });

    [Theory]
    [InlineData(75, ReputationClass.Malicious)]
    [InlineData(74, ReputationClass.Suspicious)]
    [InlineData(30, ReputationClass.Suspicious)]
    [InlineData(29, ReputationClass.Neutral)]
    [InlineData(0, ReputationClass.Neutral)]
    public async Task The_score_maps_to_a_class_at_the_rule_sets_thresholds(int weight, ReputationClass expected)
    {
        await SeedIndicatorAsync("one.example");
        var rules = ReputationRuleSet.Load(RuleFile($$"""{ "version": "weights-{{weight}}", "rules": { "articleIndicator": { "weight": {{weight}} } } }"""));
        await RecomputeAsync(rules);

        var stored = await StoredAsync("one.example");
        Assert.Equal((weight, expected), (stored.Score, stored.Classification));
        var ruleSet = stored.Rules[^1];
        Assert.Equal("Rule set", ruleSet.Name);
        Assert.Equal($"Score {weight} from the reputation rule set weights-{weight}: suspicious from 30, malicious from 75; rules fired: 1.", ruleSet.Description);
    }

    [Fact]
    public async Task An_operator_file_in_the_data_folder_changes_thresholds_and_disables_rules_and_its_version_is_shown()
    {
        await SeedIndicatorAsync("one.example");
        await SeedAsync(db => db.Hosts.Add(Name("www.xjwqpzkdlmnv.com")));
        File.WriteAllText(Path.Combine(Server.DataDir, ReputationRuleSet.FileName), """
            // Comments and trailing commas are allowed.
            { "version": "acme-2026-04", "classes": { "suspicious": 10, "malicious": 95 },
              "rules": { "generatedName": { "enabled": false }, }, }
            """);
        var rules = ReputationRuleSet.Resolve(null, Server.DataDir);
        await RecomputeAsync(rules);

        Assert.Equal(("acme-2026-04", 10, 95), (rules.Version, rules.SuspiciousFrom, rules.MaliciousFrom));
        var stored = await StoredAsync("one.example");
        Assert.Equal((75, ReputationClass.Suspicious), (stored.Score, stored.Classification));
        Assert.Contains("rule set acme-2026-04: suspicious from 10, malicious from 95", stored.Rules[^1].Description, StringComparison.Ordinal);
        await AssertNoRuleAsync("www.xjwqpzkdlmnv.com", "Machine-generated name");
        Assert.Equal(ReputationRuleSet.Default.Version, ReputationRuleSet.Resolve(null, Path.Combine(Server.DataDir, "elsewhere")).Version);
    }

    [Theory]
    [InlineData("""{ "rules": {} }""", "must name its \"version\"")]
    [InlineData("""{ "version": "x", "rules": { "articleIndicatorr": { "weight": 1 } } }""", "unknown setting 'rules.articleIndicatorr'")]
    [InlineData("""{ "version": "x", "rules": { "ipsumBlocklists": { "thresholds": { "minList": 2 } } } }""", "unknown setting 'rules.ipsumBlocklists.thresholds.minList'")]
    [InlineData("""{ "version": "x", "classes": { "suspicious": 80, "malicious": 70 } }""", "1 <= suspicious < malicious <= 100")]
    [InlineData("""{ "version": "x", """, "not valid JSON")]
    [InlineData("""{ "version": "x", "rules": { "topSite": { "weight": "low" } } }""", "a setting has the wrong type")]
    public void A_wrong_operator_file_is_refused_with_the_reason(string json, string reason)
    {
        var e = Assert.Throws<InvalidDataException>(() => ReputationRuleSet.Load(RuleFile(json)));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_data_gives_the_same_verdicts_whatever_the_insertion_order_and_a_second_run_changes_nothing()
    {
        await using var other = await SightlineServer.StartAsync(loadDemo: false);
        var hosts = Enumerable.Range(1, 12).Select(i => $"h{i}.example").ToList();
        foreach (var (server, order) in new[] { (Server, hosts), (other, Enumerable.Reverse(hosts).ToList()) })
        {
            await using var db = server.CreateDb();
            foreach (var host in order)
            {
                db.Hosts.Add(Name(host, registrar: "Shady Registrar"));
                db.Articles.Add(Article("a-" + host, "Report " + host));
                if (host.Length % 2 == 0)
                {
                    db.ArticleIndicators.Add(ArticleIndicator("a-" + host, host));
                }
            }
            await db.SaveChangesAsync();
            await using var run = server.CreateDb();
            await new ReputationEngine(ReputationRuleSet.Default).RecomputeAsync(run);
        }

        var first = await SnapshotAsync(Server);
        Assert.Equal(first, await SnapshotAsync(other));
        Assert.Contains(first, line => line.Contains("Registrar shared with malicious hosts", StringComparison.Ordinal));
        var again = await RecomputeAsync();
        Assert.Equal(0, again.Changed);
        Assert.Equal(12, again.HostsScored);
        Assert.Equal(first, await SnapshotAsync(Server));
    }

    private static async Task<List<string>> SnapshotAsync(SightlineServer server)
    {
        await using var db = server.CreateDb();
        return [.. (await db.HostReputations.OrderBy(r => r.HostId).ToListAsync()).Select(r =>
            $"{r.HostId} {r.Id} {r.Score} {r.Classification} " + string.Join(" | ", r.Rules.Select(x => $"{x.Name}: {x.Description} {x.Severity} {x.RelatedDetailsUrl}")))];
    }
}
