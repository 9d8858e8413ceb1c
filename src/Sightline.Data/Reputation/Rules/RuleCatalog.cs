namespace Sightline.Data.Reputation.Rules;

/// <summary>Every rule, in the order their evidence is listed in a reputation.</summary>
internal static class RuleCatalog
{
    public static IReadOnlyList<IReputationRule> Create() =>
    [
        new ProfileIndicatorRule(),
        new ArticleIndicatorRule(),
        new ResolvesToIndicatorRule(),
        new MaltrailRule(),
        new IpsumRule(),
        new AttackToolingRule(),
        new RecentlyRegisteredRule(),
        new SelfSignedCertificateRule(),
        new ExpiredCertificateRule(),
        new ShortLivedCertificateRule(),
        new GeneratedNameRule(),
        .. SharedAttributes.Rules(),
        new RiskyTldRule(),
        new TopSiteRule(),
    ];
}
