using Sightline.Data.Entities;

namespace Sightline.Data.Demo;

/// <summary>
/// Stored reputations for every host: malicious for indicators of profiles and articles, suspicious for hosts with
/// a weak signal (self-signed certificate, recently registered domain), neutral or unknown for the rest.
/// </summary>
internal static class DemoReputation
{
    private const string ProfilePath = "/v1.0/security/threatIntelligence/intelProfiles/";
    private const string ArticlePath = "/v1.0/security/threatIntelligence/articles/";

    public static void Add(DemoBuilder b)
    {
        var rules = MaliciousRules(b);
        var computed = DemoBuilder.DaysAgo(0.25);
        foreach (var host in b.Hosts.OrderBy(h => h.Id, StringComparer.Ordinal))
        {
            var reputation = new HostReputation
            {
                HostId = host.Id,
                Id = GraphIds.Guid("reputation:" + host.Id),
                ComputedDateTime = computed,
            };
            if (rules.TryGetValue(host.Id, out var malicious))
            {
                reputation.Classification = ReputationClass.Malicious;
                reputation.Score = Math.Min(100, 75 + (5 * (malicious.Count - 1)) + DemoHash.Int(host.Id + "score", 15));
                reputation.Rules = malicious;
            }
            else if (b.Suspicious.TryGetValue(host.Id, out var signal))
            {
                reputation.Classification = ReputationClass.Suspicious;
                reputation.Score = DemoHash.Range(host.Id + "score", 40, 70);
                reputation.Rules = [new ReputationRule { Name = signal.Name, Description = signal.Description, Severity = RuleSeverity.Medium }];
            }
            else if (DemoHash.Chance(host.Id + "known", 75))
            {
                reputation.Classification = ReputationClass.Neutral;
                reputation.Score = DemoHash.Range(host.Id + "score", 0, 20);
            }
            else
            {
                reputation.Classification = ReputationClass.Unknown;
            }

            b.Add(reputation);
        }
    }

    private static Dictionary<string, List<ReputationRule>> MaliciousRules(DemoBuilder b)
    {
        var rules = new Dictionary<string, List<ReputationRule>>(StringComparer.Ordinal);
        var profiles = b.Profiles.ToDictionary(p => p.Id, StringComparer.Ordinal);
        foreach (var indicator in b.ProfileIndicators.Where(i => i.ArtifactType != ArtifactType.Unclassified))
        {
            var profile = profiles[indicator.ProfileId];
            Rules(rules, indicator.ArtifactId).Add(new ReputationRule
            {
                Name = "Intelligence profile indicator",
                Description = $"This host is an indicator of the {(profile.Kind == ProfileKind.Actor ? "actor" : "tool")} {profile.Title}.",
                Severity = RuleSeverity.High,
                RelatedDetailsUrl = ProfilePath + profile.Id,
            });
        }

        var articles = b.Articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var indicator in b.ArticleIndicators.Where(i => i.ArtifactType != ArtifactType.Unclassified))
        {
            Rules(rules, indicator.ArtifactId).Add(new ReputationRule
            {
                Name = "Article indicator",
                Description = $"This host is listed as an indicator of compromise in the article \"{articles[indicator.ArticleId].Title}\".",
                Severity = RuleSeverity.High,
                RelatedDetailsUrl = ArticlePath + indicator.ArticleId,
            });
        }

        return rules;
    }

    private static List<ReputationRule> Rules(Dictionary<string, List<ReputationRule>> rules, string hostId)
    {
        if (!rules.TryGetValue(hostId, out var list))
        {
            list = [];
            rules.Add(hostId, list);
        }

        return list;
    }
}
