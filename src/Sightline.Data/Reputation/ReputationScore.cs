using System.Globalization;
using Sightline.Data.Entities;
using Sightline.Data.Reputation.Rules;

namespace Sightline.Data.Reputation;

/// <summary>
/// Turns findings into Graph's verdict. Each rule counts once, with its strongest finding's weight (several articles
/// naming a host are one rule); the score is the sum, clamped to 0-100. Classes: malicious from the rule set's
/// malicious threshold, suspicious from its suspicious threshold, neutral when some rule fired but the score stays
/// below, unknown when nothing is known either way. An analyst override sets the class and moves the score into it.
/// </summary>
internal static class ReputationScore
{
    public static int Score(IReadOnlyList<Finding> findings) => Math.Clamp(
        findings.GroupBy(f => f.Rule, StringComparer.Ordinal).Sum(g => g.MaxBy(f => Math.Abs(f.Weight))!.Weight), 0, 100);

    public static (int Score, ReputationClass Class) Verdict(IReadOnlyList<Finding> findings, ReputationOverride? forced, ReputationRuleSet rules)
    {
        var score = Score(findings);
        if (forced is not null)
        {
            return forced.Classification switch
            {
                ReputationClass.Malicious => (Math.Max(score, rules.MaliciousFrom), ReputationClass.Malicious),
                ReputationClass.Suspicious => (Math.Clamp(score, rules.SuspiciousFrom, rules.MaliciousFrom - 1), ReputationClass.Suspicious),
                ReputationClass.Neutral => (Math.Min(score, rules.SuspiciousFrom - 1), ReputationClass.Neutral),
                _ => (0, ReputationClass.Unknown),
            };
        }
        var cls = score >= rules.MaliciousFrom ? ReputationClass.Malicious
            : score >= rules.SuspiciousFrom ? ReputationClass.Suspicious
            : findings.Count > 0 ? ReputationClass.Neutral
            : ReputationClass.Unknown;
        return (score, cls);
    }

    /// <summary>The rules Graph shows: the override first, then each rule's evidence (at most the rule set's maximum), then the rule set.</summary>
    public static List<ReputationRule> Rules(IReadOnlyList<Finding> findings, ReputationOverride? forced, ReputationRuleSet rules, int score)
    {
        var shown = new List<ReputationRule>();
        if (forced is not null)
        {
            var by = forced.Author is { Length: > 0 } author ? $" by {author}" : "";
            shown.Add(new ReputationRule
            {
                Name = "Analyst override",
                Description = $"Classified {ReputationOverrides.ClassName(forced.Classification)}{by} on {forced.CreatedDateTime.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: {forced.Reason}",
                Severity = forced.Classification switch { ReputationClass.Malicious => RuleSeverity.High, ReputationClass.Suspicious => RuleSeverity.Medium, _ => RuleSeverity.Low },
                RelatedDetailsUrl = ReputationLinks.Override(forced.HostId),
            });
        }
        foreach (var rule in findings.GroupBy(f => f.Rule, StringComparer.Ordinal))
        {
            var all = rule.ToList();
            var kept = all.Take(rules.MaxEvidencePerRule).Select(f => new ReputationRule
            {
                Name = f.Name, Description = f.Description, Severity = f.Severity, RelatedDetailsUrl = f.Url,
            }).ToList();
            if (all.Count > kept.Count)
            {
                kept[^1].Description += $" ({all.Count - kept.Count} more of this rule not listed.)";
            }
            shown.AddRange(kept);
        }
        shown.Add(new ReputationRule
        {
            Name = "Rule set",
            Description = $"Score {score} from the reputation rule set {rules.Version}: suspicious from {rules.SuspiciousFrom}, malicious from {rules.MaliciousFrom}; "
                + $"rules fired: {findings.Select(f => f.Rule).Distinct(StringComparer.Ordinal).Count()}{(forced is null ? "" : "; an analyst override applies")}.",
            Severity = RuleSeverity.Unknown,
        });
        return shown;
    }
}
