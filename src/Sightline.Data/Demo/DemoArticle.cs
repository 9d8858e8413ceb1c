using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sightline.Data.Demo;

/// <summary>
/// The one synthetic article, in Markdown with front matter: it names the showcase infrastructure (defanged, as
/// analysts write it), so that a showcase host is an indicator of both an article and an intel profile, and a CVE
/// that the demo's vulnerabilities hold. Its tags say it is synthetic.
/// </summary>
internal static class DemoArticle
{
    public static readonly string Id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("sightline-demo:contoso-phishing")))[..8];

    public static byte[] Markdown()
    {
        var created = DemoBuilder.DaysAgo(12).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var updated = DemoBuilder.DaysAgo(9).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var text = $"""
            ---
            title: Contoso-themed credential phishing infrastructure (synthetic demo data)
            id: {Id}
            created: {created}
            updated: {updated}
            tags: [synthetic, demo, phishing, credential theft]
            featured: true
            source: osint
            summary: Synthetic demo article. Sightline's demo dataset describes a fictitious credential phishing operation that impersonates Contoso and Woodgrove Bank sign-in pages. Every host in it is synthetic.
            ---
            ## Summary

            Synthetic demo article. Sightline's demo dataset describes a fictitious credential phishing operation that
            impersonates Contoso and Woodgrove Bank sign-in pages. Every host in it is synthetic.

            ## Infrastructure

            - contoso-login[.]com hosts a cloned Microsoft 365 sign-in page on 40.83.183[.]71; look-alike domains such as
              contoso-account-verify[.]com and contoso-sharepoint-docs[.]com send victims to it.
            - woodgrove-secure[.]com (45.77.41[.]113) collects banking credentials behind a privacy-protected registration;
              woodgrove-payments-verify[.]com redirects to it.
            - Lures carry Outlook links that exploit CVE-2024-21413.

            ## Recommendations

            - Block the listed hosts at the proxy and the mail gateway.
            - Hunt for sign-ins from the listed addresses.

            """;
        return Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"));
    }
}
