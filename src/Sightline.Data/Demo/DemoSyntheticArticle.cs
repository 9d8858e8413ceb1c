using Sightline.Data.Entities;

namespace Sightline.Data.Demo;

/// <summary>
/// The one synthetic article: it lists the showcase infrastructure, so that a showcase host is an indicator of
/// both an article and an intel profile. Its tags say it is synthetic.
/// </summary>
internal static class DemoSyntheticArticle
{
    public static readonly string Id = DemoArticles.ArticleId("sightline-demo:contoso-phishing");

    private static readonly string[] _indicatorHosts =
    [
        "contoso-login.com", "woodgrove-secure.com", "contoso-account-verify.com", "woodgrove-payments-verify.com",
        "contoso-sharepoint-docs.com", "40.83.183.71", "45.77.41.113",
    ];

    public static void Add(DemoBuilder b)
    {
        var created = DemoBuilder.DaysAgo(12);
        foreach (var host in _indicatorHosts.Where(b.HasHost))
        {
            var type = DemoBuilder.KindOf(host) == HostKind.IpAddress ? ArtifactType.IpAddress : ArtifactType.Hostname;
            DemoArticles.AddIndicator(b, Id, new DemoArtifact(type, host, null), IndicatorSource.Osint);
        }

        const string summary = "Synthetic demo article. Sightline's demo dataset describes a fictitious credential phishing "
            + "operation that impersonates Contoso and Woodgrove Bank sign-in pages. Every host in it is synthetic.";
        b.Articles.Add(new Article
        {
            Id = Id,
            Title = "Contoso-themed credential phishing infrastructure (synthetic demo data)",
            SummaryContent = summary,
            SummaryFormat = ContentFormat.Text,
            BodyContent = "## Summary\n\n" + summary + "\n\n"
                + "## Infrastructure\n\n"
                + "- `contoso-login.com` hosts a cloned Microsoft 365 sign-in page on `40.83.183.71`; look-alike domains such as "
                + "`contoso-account-verify.com` redirect victims to it.\n"
                + "- `woodgrove-secure.com` (`45.77.41.113`) collects banking credentials behind a privacy-protected registration.\n"
                + "- Scripts and stylesheets are served from `fabrikam-cdn.net`.\n\n"
                + "## Recommendations\n\n- Block the listed hosts at the proxy and the mail gateway.\n"
                + "- Hunt for sign-ins from the listed addresses.\n",
            BodyFormat = ContentFormat.Markdown,
            CreatedDateTime = created,
            LastUpdatedDateTime = created.AddDays(3),
            Tags = ["synthetic", "demo", "phishing", "credential theft"],
        });
    }
}
