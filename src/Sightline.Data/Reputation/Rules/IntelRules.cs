using System.Globalization;
using Sightline.Data.Entities;

namespace Sightline.Data.Reputation.Rules;

/// <summary>The host is an indicator of an intelligence profile (an actor or a tool).</summary>
internal sealed class ProfileIndicatorRule : IReputationRule
{
    public string Key => RuleKeys.IntelProfileIndicator;

    public IEnumerable<Finding> Evaluate(HostRow host, ReputationEvidence evidence, RuleSettings settings) =>
        ReputationEvidence.Of(evidence.Profiles, host.Id).Select(p => new Finding(Key, "Intelligence profile indicator",
            $"This host is an indicator of the {p.Kind} {p.Title} (intelligence profile {p.Id}).",
            RuleSeverity.High, ReputationLinks.Profile(p.Id), settings.Weight));
}

/// <summary>The host is an indicator of compromise of an article.</summary>
internal sealed class ArticleIndicatorRule : IReputationRule
{
    public string Key => RuleKeys.ArticleIndicator;

    public IEnumerable<Finding> Evaluate(HostRow host, ReputationEvidence evidence, RuleSettings settings) =>
        ReputationEvidence.Of(evidence.Articles, host.Id).Select(a => new Finding(Key, "Article indicator",
            $"This host is listed as an indicator of compromise in the article \"{a.Title}\" ({a.Id}).",
            RuleSeverity.High, ReputationLinks.Article(a.Id), settings.Weight));
}

/// <summary>
/// Passive DNS shows the host resolving to a host that is an indicator of a profile or an article (a name to an
/// indicator address, or an address whose PTR names an indicator). The link is the indicator's profile or article;
/// the description names the resolution, which <c>hosts/{id}/passiveDns</c> shows.
/// </summary>
internal sealed class ResolvesToIndicatorRule : IReputationRule
{
    public string Key => RuleKeys.ResolvesToIndicator;

    public IEnumerable<Finding> Evaluate(HostRow host, ReputationEvidence evidence, RuleSettings settings)
    {
        foreach (var r in ReputationEvidence.Of(evidence.Resolutions, host.Id))
        {
            var seen = r.LastSeen.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var resolved = $"Passive DNS: this host resolved ({r.RecordType} record, last seen {seen}) to {r.Artifact}";
            if (ReputationEvidence.Of(evidence.Profiles, r.Artifact).FirstOrDefault() is { } profile)
            {
                yield return new Finding(Key, "Resolves to an indicator",
                    $"{resolved}, an indicator of the {profile.Kind} {profile.Title} (intelligence profile {profile.Id}).",
                    RuleSeverity.Medium, ReputationLinks.Profile(profile.Id), settings.Weight);
            }
            else if (ReputationEvidence.Of(evidence.Articles, r.Artifact).FirstOrDefault() is { } article)
            {
                yield return new Finding(Key, "Resolves to an indicator",
                    $"{resolved}, an indicator of compromise in the article \"{article.Title}\" ({article.Id}).",
                    RuleSeverity.Medium, ReputationLinks.Article(article.Id), settings.Weight);
            }
        }
    }
}
