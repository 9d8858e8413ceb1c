namespace Sightline.Data.Reputation;

/// <summary>The rules' keys in the rule set file.</summary>
public static class RuleKeys
{
    public const string IntelProfileIndicator = "intelProfileIndicator";
    public const string ArticleIndicator = "articleIndicator";
    public const string ResolvesToIndicator = "resolvesToIndicator";
    public const string IpsumBlocklists = "ipsumBlocklists";
    public const string MaltrailTrail = "maltrailTrail";
    public const string RecentlyRegistered = "recentlyRegistered";
    public const string SelfSignedCertificate = "selfSignedCertificate";
    public const string ExpiredCertificate = "expiredCertificate";
    public const string ShortLivedCertificate = "shortLivedCertificate";
    public const string GeneratedName = "generatedName";
    public const string AttackTooling = "attackTooling";
    public const string TopSite = "topSite";
    public const string SharedRegistrar = "sharedRegistrar";
    public const string SharedNameServer = "sharedNameServer";
    public const string SharedCertificate = "sharedCertificate";
    public const string SharedTracker = "sharedTracker";
    public const string SharedNetblock = "sharedNetblock";
    public const string RiskyTld = "riskyTld";
}
