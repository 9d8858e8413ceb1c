using Sightline.Data;
using Sightline.Tests.Support;
using static Sightline.Tests.Support.TestData;

namespace Sightline.Tests.Sdk;

/// <summary>The Graph ids of the <see cref="TestData"/> entities, formed the way the seed forms them.</summary>
public static class KnownIds
{
    public const string Www = "www." + Domain;
    public const string Cdn = "cdn.fabrikam.example";
    public const string Sha1 = "a3b59e5fe884ee1f34d98eef858e3fb662ac104a";
    public const string Sha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    public const string ArticleId = "a272d5ab";
    public const string Cve = "CVE-2021-44228";
    public static readonly string ActorProfile = new('a', 64);

    public static readonly string PassiveDnsA = GraphIds.Compose(Domain, "198.51.100.2", "A");
    public static readonly string PassiveDnsWwwToIp = GraphIds.Compose(Www, Ip, "A");
    public static readonly string Certificate = GraphIds.Compose(Sha1);
    public static readonly string HostCertificate = GraphIds.Compose(Domain, Sha1);
    public static readonly string Port443 = GraphIds.Compose(Ip, "443");
    public static readonly string Nginx = GraphIds.Compose("nginx", "1.18.0", "Server", Ip);
    public static readonly string JQuery = GraphIds.Compose("jQuery", "", "JavaScript Library", Domain);
    public static readonly string Cookie = GraphIds.Compose(Domain, "JSESSIONID", Domain);
    public static readonly string Tracker = GraphIds.Compose("G-ABC123", "GoogleAnalyticsID", Domain);
    public static readonly string SubdomainWww = GraphIds.Compose(Www, Domain);
    public static readonly string RedirectPair = GraphIds.Compose("redirect", Domain, Www, Domain);
    public static readonly string IframePair = GraphIds.Compose("iframe", Cdn, Domain, Cdn);
    public static readonly string HostIndicator = GraphIds.Compose(Domain);
    public static readonly string HashIndicator = GraphIds.Compose(Sha256);
    public static readonly string ProfileIndicator = GraphIds.Guid("profile-indicator:" + Ip);
    public static readonly string Log4jComponent = GraphIds.Compose("cve-2021-44228", "Apache Software Foundation Log4j 2.0");

    public static string Whois(int version) => GraphIds.Compose(Domain, version.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>
/// A <see cref="KnownDataFixture"/> of the SDK tests' own: the shared "known" store is not guaranteed to hold
/// exactly <see cref="TestData"/> (Api/AddressingTests adds a host cookie to it).
/// </summary>
[CollectionDefinition("sdk-known")]
public sealed class SdkKnownDataCollection : ICollectionFixture<KnownDataFixture>;
