using System.Globalization;

namespace Sightline.Data.Demo;

/// <summary>
/// A hosting network the demo draws addresses from (a /16 and a /48 of it). The autonomous system, country and
/// netblock of an address are not set here: the importers' IP enrichment finds them, as for any address.
/// </summary>
internal sealed record DemoProvider(int AsNumber, string Hosting, string Prefix, string Ipv6Prefix);

/// <summary>The synthetic bulk infrastructure: many lightly described hosts, plus one heavy fast-flux domain.</summary>
internal static class DemoInfrastructure
{
    public const string HeavyHost = "northwind-flux.net";
    private const int HeavyRecordCount = 450;
    private const int BulkHostnames = 160;

    public static readonly DemoProvider[] Providers =
    [
        new(8075, "Microsoft Azure", "40.83", "2603:1030:408"),
        new(16509, "Amazon Web Services", "52.84", "2600:9000:2153"),
        new(14061, "DigitalOcean", "167.99", "2604:a880:400"),
        new(24940, "Hetzner", "95.217", "2a01:4f8:c17"),
        new(20473, "Vultr", "45.77", "2001:19f0:5"),
        new(16276, "OVHcloud", "51.75", "2001:41d0:304"),
        new(63949, "Linode", "172.105", "2600:3c00:e000"),
        new(51167, "Contabo", "161.97", "2a02:c207:2051"),
        new(9009, "M247", "185.156", "2a0d:5600:24"),
        new(200019, "AlexHost", "176.123", "2a0b:b7c4:1"),
    ];

    private static readonly string[] _brands =
    [
        "contoso", "fabrikam", "northwind", "adventureworks", "woodgrove", "tailspin", "wingtip", "litware",
        "proseware", "fourthcoffee", "lucerne", "margiestravel", "treyresearch", "wideworldimporters", "blueyonder",
        "cohowinery", "humongousinsurance", "alpineskihouse", "relecloud", "southridge",
    ];

    private static readonly string[] _words =
    [
        "login", "secure", "mail", "cdn", "update", "docs", "portal", "auth", "pay", "files", "support", "cloud",
        "sync", "verify", "account", "static", "api", "office", "share", "invoice", "hr", "vpn", "sso", "drive",
    ];

    private static readonly string[] _tlds = ["com", "net", "org", "io", "info", "online", "xyz", "co", "biz"];

    public static readonly string[] NameServerPairs =
    [
        "ns1.contoso-dns.net", "ns2.contoso-dns.net", "ns1.fabrikam-dns.com", "ns2.fabrikam-dns.com",
        "dns1.litware-registrar.com", "dns2.litware-registrar.com",
    ];

    public static void Add(DemoBuilder b)
    {
        var names = BulkNames();
        for (var i = 0; i < names.Count; i++)
        {
            AddBulkHostname(b, names[i], i);
        }

        AddHeavyHost(b);
    }

    /// <summary>An address in the provider's block; small third/fourth octet ranges make shared hosting likely.</summary>
    public static string PoolIp(string key, int provider) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{Providers[provider].Prefix}.{DemoHash.Range(key + "o3", 0, 3)}.{DemoHash.Range(key + "o4", 2, 80)}");

    /// <summary>Gives a hostname an A record to an address of the provider.</summary>
    public static string AddHostingIp(DemoBuilder b, string hostname, int provider)
    {
        var ip = PoolIp(hostname, provider);
        DemoDns.Resolve(b, hostname, ip, "A", DemoHash.Range(hostname + "ipf", 90, 700), DemoHash.Range(hostname + "ipl", 1, 45));
        return ip;
    }

    private static List<string> BulkNames()
    {
        var names = new List<string>();
        var seen = new HashSet<string>(DemoShowcase.HostIds, StringComparer.Ordinal);
        for (var i = 0; names.Count < BulkHostnames; i++)
        {
            var key = "bulk" + i.ToString(CultureInfo.InvariantCulture);
            var name = DemoHash.Pick(key + "b", _brands) + "-" + DemoHash.Pick(key + "w", _words) + "." + DemoHash.Pick(key + "t", _tlds);
            if (seen.Add(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static void AddBulkHostname(DemoBuilder b, string name, int index)
    {
        var firstDays = DemoHash.Range(name + "first", 20, 1500);
        var provider = DemoHash.Int(name + "provider", Providers.Length);
        var ip = AddHostingIp(b, name, provider);
        var ns = DemoHash.Int(name + "ns", NameServerPairs.Length / 2) * 2;
        DemoDns.Resolve(b, name, NameServerPairs[ns], "NS", firstDays, 1);
        DemoDns.Resolve(b, name, NameServerPairs[ns + 1], "NS", firstDays, 1);
        if (DemoHash.Chance(name + "mx", 40))
        {
            DemoDns.Resolve(b, name, "mx1.fabrikam-mail.net", "MX", firstDays, 2);
        }

        if (DemoHash.Chance(name + "www", 30))
        {
            DemoDns.AddSubdomain(b, name, "www", firstDays - 5);
            DemoDns.Resolve(b, "www." + name, name, "CNAME", firstDays - 5, 2);
        }

        var registrar = DemoHash.Int(name + "registrar", DemoWhois.Registrars.Length);
        var registrant = DemoHash.Chance(name + "privacy", 50) ? "REDACTED FOR PRIVACY" : DemoWhois.OrganizationFor(name);
        // Recently registered look-alikes: registered days, not months, before they were first seen.
        var recent = index % 4 == 2 && index % 3 == 0;
        DemoWhois.AddHistory(b, name, firstDays, recent ? 1 : DemoHash.Range(name + "versions", 1, 2), registrar, registrant,
            [NameServerPairs[ns], NameServerPairs[ns + 1]], registeredDaysBeforeFirst: recent ? DemoHash.Range(name + "recent", 2, 9) : null);

        AddSignals(b, name, ip, index, firstDays);
    }

    private static void AddSignals(DemoBuilder b, string name, string ip, int index, int firstDays)
    {
        if (index % 4 == 1)
        {
            b.SyntheticIndicatorHosts.Add(name);
        }
        else if (index % 4 == 3 && index % 3 == 0)
        {
            DemoCertificates.AddSelfSigned(b, name, ip, firstDays);
        }

        if (index % 3 == 0)
        {
            DemoWeb.AddLightScan(b, ip, name, firstDays);
        }
    }

    private static void AddHeavyHost(DemoBuilder b)
    {
        DemoDns.Resolve(b, HeavyHost, "ns1.fabrikam-dns.com", "NS", 720, 1);
        DemoDns.Resolve(b, HeavyHost, "ns2.fabrikam-dns.com", "NS", 720, 1);
        DemoWhois.AddHistory(b, HeavyHost, 720, 3, 3, "REDACTED FOR PRIVACY", ["ns1.fabrikam-dns.com", "ns2.fabrikam-dns.com"]);
        var added = 0;
        for (var i = 0; added < HeavyRecordCount; i++)
        {
            var key = HeavyHost + i.ToString(CultureInfo.InvariantCulture);
            var provider = 3 + DemoHash.Int(key + "p", Providers.Length - 3);
            var ip = string.Create(CultureInfo.InvariantCulture,
                $"{Providers[provider].Prefix}.{DemoHash.Range(key + "x", 100, 255)}.{DemoHash.Range(key + "y", 1, 254)}");
            if (b.HasHost(ip))
            {
                continue;
            }

            var last = DemoHash.Range(key + "l", 0, 700) + 0.5;
            DemoDns.Resolve(b, HeavyHost, ip, "A", last + DemoHash.Range(key + "f", 0, 3), last);
            added++;
        }

        b.SyntheticIndicatorHosts.Add(HeavyHost);
    }

}
