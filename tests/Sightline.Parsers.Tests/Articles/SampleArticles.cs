namespace Sightline.Parsers.Tests.Articles;

/// <summary>A realistic write-up in the format analysts author (synthetic content, documentation-range IPs).</summary>
internal static class SampleArticles
{
    public const string PhishingCampaign = """
        ---
        title: "Storm-XXXX: invoice lures deliver a credential-harvesting kit"
        id: a272d5ab
        published: 2024-03-14T09:30:00+01:00
        updated: 2024-03-18
        tags: [Phishing, AiTM, Storm-XXXX]
        featured: true
        image: https://cdn.sightline.example/images/storm-invoice.png
        source: osint
        # internal: reviewed by the IR team
        ---

        # Invoice lures deliver a credential-harvesting kit

        Since early March, an actor we track as Storm-XXXX has sent invoice-themed emails from
        `billing[@]contoso-payments[.]com` that lead to an adversary-in-the-middle (AiTM) kit.

        ## Delivery

        The emails carry an HTML attachment (`Invoice_0314.html`, SHA-256
        `3f786850e387550fdab836ed7e6dc881de23001b3a9b7d7d0f7b6b5b9d1c2f3a`) that redirects to
        hxxps://login-contoso-payments[.]com/oauth2/authorize?client=web. The landing page also
        loads a script from cdn.contoso-payments(.)net, which exploits CVE-2024-21413 on unpatched
        Outlook clients (see https://msrc.microsoft.com/update-guide/vulnerability/CVE-2024-21413).

        ## Indicators

        | Indicator | Type | Notes |
        |---|---|---|
        | login-contoso-payments[.]com | Domain | AiTM landing page |
        | 198.51.100[.]23 | IPv4 | Hosting |
        | 2001:db8:4006:80b::200e | IPv6 | Hosting |
        | d41d8cd98f00b204e9800998ecf8427e | MD5 | Dropper (`update.exe`) |
        | 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12 | SHA-1 | `invoice.zip` |

        ```text
        hxxp://198.51.100[.]23:8443/gate.php
        sync[.]contoso-payments[.]com
        ```

        Defenders should block the above and review sign-ins, e.g. with the query in our KQL guide.
        """;
}
