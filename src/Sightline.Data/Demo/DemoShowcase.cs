namespace Sightline.Data.Demo;

/// <summary>The description of one showcase domain: where it resolves, what it runs and who links to it.</summary>
internal sealed record ShowcaseSpec(
    string Domain,
    string Ip,
    string Ipv6,
    int Provider,
    string Cname,
    string[] NameServers,
    string[] MailServers,
    string Server,
    string ServerVersion,
    int Registrar,
    string Registrant,
    (string Kind, string Child)[] Links,
    (string Kind, string Parent)[] LinkedFrom);

/// <summary>
/// Synthetic showcase hosts: every host navigation (passive DNS both ways, WHOIS history, certificates, ports,
/// components, trackers, cookies, subdomains, host pairs in both directions, reputation) has data, each from
/// the observations a sensor, crawler, scanner or WHOIS client would have made.
/// </summary>
internal static class DemoShowcase
{
    public static readonly string[] SubdomainLabels = ["www", "login", "api", "mail", "cdn", "static"];

    public static readonly ShowcaseSpec[] Specs =
    [
        new("contoso-login.com", "40.83.183.71", "2603:1030:408:6::1f", 0, "edge.fabrikam-cdn.net",
            ["ns1.contoso-dns.net", "ns2.contoso-dns.net"], ["mx1.fabrikam-mail.net", "mx2.fabrikam-mail.net"],
            "Microsoft-IIS", "10.0", 0, "Contoso Ltd.",
            [("script", "fabrikam-cdn.net"), ("stylesheet", "fabrikam-cdn.net"), ("image", "static.fabrikam-cdn.net"),
                ("iframe", "track.tailspin-ads.com"), ("redirect", "login.contoso-login.com")],
            [("finalRedirect", "contoso-account-verify.com"), ("redirect", "www.contoso-login.com"),
                ("iframe", "contoso-sharepoint-docs.com")]),
        new("fabrikam-cdn.net", "52.84.150.39", "2600:9000:2153:c600:1b:3a2e:8c40:93a1", 1, "fabrikam-cdn.global-edge.net",
            ["ns1.fabrikam-dns.com", "ns2.fabrikam-dns.com"], ["mx1.fabrikam-mail.net", "mx2.fabrikam-mail.net"],
            "nginx", "1.18.0", 1, "Fabrikam, Inc.",
            [("redirect", "cdn.fabrikam-cdn.net"), ("script", "metrics.tailspin-ads.com"), ("image", "img.northwind-media.com")],
            [("finalRedirect", "fabrikam-update.net"), ("stylesheet", "woodgrove-secure.com")]),
        new("woodgrove-secure.com", "45.77.41.113", "2001:19f0:5:3a1c:5400:4ff:fe2b:7d11", 4, "woodgrove-secure.pages-host.net",
            ["dns1.litware-registrar.com", "dns2.litware-registrar.com"], ["mail.woodgrove-secure.com", "mx1.fabrikam-mail.net"],
            "Apache", "2.4.41", 2, "REDACTED FOR PRIVACY",
            [("redirect", "login.woodgrove-secure.com"), ("script", "fabrikam-cdn.net"), ("iframe", "track.tailspin-ads.com"),
                ("image", "static.fabrikam-cdn.net")],
            [("finalRedirect", "woodgrove-payments-verify.com"), ("redirect", "www.woodgrove-secure.com"),
                ("iframe", "proseware-invoice.com")]),
    ];

    public static IReadOnlyList<string> HostIds { get; } =
        [.. Specs.Select(s => s.Domain), .. Specs.Select(s => s.Ip)];

    public static void Add(DemoBuilder b)
    {
        foreach (var spec in Specs)
        {
            AddPassiveDns(b, spec);
            AddSubdomains(b, spec);
            AddPairs(b, spec);
            DemoWeb.AddShowcaseSite(b, spec);
            DemoCertificates.AddShowcase(b, spec);
            DemoWeb.AddShowcaseScans(b, spec);
            var first = DemoHash.Range(spec.Domain + "first", 700, 1100);
            DemoWhois.AddHistory(b, spec.Domain, first, 4, spec.Registrar, spec.Registrant, spec.NameServers);
        }
    }

    private static void AddPassiveDns(DemoBuilder b, ShowcaseSpec spec)
    {
        var d = spec.Domain;
        DemoDns.Resolve(b, d, spec.Ip, "A", 420, 1);
        DemoDns.Resolve(b, d, spec.Ipv6, "AAAA", 400, 1);
        DemoDns.Resolve(b, d, spec.Cname, "CNAME", 700, 380);
        foreach (var ns in spec.NameServers)
        {
            DemoDns.Resolve(b, d, ns, "NS", 900, 1);
            DemoInfrastructure.AddHostingIp(b, ns, 2);
        }

        foreach (var mx in spec.MailServers)
        {
            DemoDns.Resolve(b, d, mx, "MX", 800, 2);
            DemoInfrastructure.AddHostingIp(b, mx, 5);
        }

        // Earlier hosting: the domain moved to its current address 420 days ago.
        for (var i = 0; i < 3; i++)
        {
            var old = DemoInfrastructure.PoolIp(d + "old" + i, 5 + i);
            DemoDns.Resolve(b, d, old, "A", 1000 - (i * 150), 430 + (i * 40));
        }

        DemoInfrastructure.AddHostingIp(b, spec.Cname, spec.Provider);
    }

    private static void AddSubdomains(DemoBuilder b, ShowcaseSpec spec)
    {
        foreach (var label in SubdomainLabels)
        {
            var sub = label + "." + spec.Domain;
            DemoDns.AddSubdomain(b, spec.Domain, label, DemoHash.Range(sub, 200, 800));
            if (label is "www" or "login")
            {
                DemoDns.Resolve(b, sub, spec.Domain, "CNAME", 600, 1);
            }
            else
            {
                DemoDns.Resolve(b, sub, spec.Ip, "A", DemoHash.Range(sub + "a", 100, 400), DemoHash.Range(sub + "b", 1, 20));
            }
        }

        // Look-alike domains parked on the same address give the IP a busy reverse DNS.
        foreach (var (_, parent) in spec.LinkedFrom)
        {
            if (!parent.EndsWith("." + spec.Domain, StringComparison.Ordinal))
            {
                DemoDns.Resolve(b, parent, spec.Ip, "A", DemoHash.Range(parent, 60, 300), DemoHash.Range(parent + "l", 1, 30));
                DemoDns.Resolve(b, parent, spec.NameServers[0], "NS", 300, 1);
            }
        }
    }

    private static void AddPairs(DemoBuilder b, ShowcaseSpec spec)
    {
        foreach (var (kind, child) in spec.Links)
        {
            DemoDns.Pair(b, kind, spec.Domain, child, DemoHash.Range(kind + child, 100, 500), DemoHash.Range(kind + child + "l", 1, 30));
        }

        foreach (var (kind, parent) in spec.LinkedFrom)
        {
            DemoDns.Pair(b, kind, parent, spec.Domain, DemoHash.Range(kind + parent, 50, 300), DemoHash.Range(kind + parent + "l", 1, 20));
        }
    }
}
