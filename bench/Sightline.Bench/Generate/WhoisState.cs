using System.Globalization;
using System.Text;

namespace Sightline.Bench.Generate;

/// <summary>The registration facts of one domain at one time, and the response text a registrar's server gives for them.</summary>
internal sealed record WhoisState(
    string Domain, WhoisState.Registrar Sponsor, DateTime Created, DateTime Updated, DateTime Expires,
    IReadOnlyList<string> NameServers, IReadOnlyList<string> Statuses, string? Organization, string Country, bool Dnssec)
{
    internal sealed record Registrar(string Name, int IanaId, string Server, string Url);

    private static readonly Registrar[] _registrars =
    [
        new("MarkMonitor Inc.", 292, "whois.markmonitor.com", "http://www.markmonitor.com"),
        new("GoDaddy.com, LLC", 146, "whois.godaddy.com", "https://www.godaddy.com"),
        new("NameCheap, Inc.", 1068, "whois.namecheap.com", "http://www.namecheap.com"),
        new("Tucows Domains Inc.", 69, "whois.tucows.com", "http://www.tucows.com"),
        new("Gandi SAS", 81, "whois.gandi.net", "https://www.gandi.net"),
        new("PDR Ltd. d/b/a PublicDomainRegistry.com", 303, "whois.publicdomainregistry.com", "http://www.publicdomainregistry.com"),
        new("Porkbun LLC", 1861, "whois.porkbun.com", "https://porkbun.com"),
        new("Key-Systems GmbH", 269, "whois.rrpproxy.net", "http://www.key-systems.net"),
    ];

    private static readonly string[] _locks = ["clientTransferProhibited", "clientDeleteProhibited", "clientUpdateProhibited", "clientRenewProhibited"];
    private static readonly string[] _countries = ["US", "DE", "GB", "FR", "NL", "RU", "BR", "JP", "CA", "SG"];
    private static readonly string[] _orgWords = ["Contoso", "Fabrikam", "Northwind", "Tailspin", "Litware", "Adatum", "Woodgrove", "Proseware", "Wingtip", "Alpine"];

    public static WhoisState New(Random random, NamePool pool, string domain, DateOnly firstRound)
    {
        var created = new DateTime(1998 + random.Next(27), 1 + random.Next(12), 1 + random.Next(28), random.Next(24), random.Next(60), random.Next(60), DateTimeKind.Utc);
        var round = firstRound.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var expires = created;
        while (expires <= round)
        {
            expires = expires.AddYears(1);
        }
        var updated = created.AddDays(random.Next(Math.Max(1, (int)(round - created).TotalDays)));
        return new WhoisState(domain, random.Pick(_registrars), created, updated, expires, PickNameServers(random, pool),
            [.. _locks.Where(_ => random.Chance(0.5))],
            random.Chance(0.5) ? null : $"{random.Pick(_orgWords)} {random.Pick(_orgWords)} {random.Pick(["Ltd", "LLC", "GmbH", "Inc."])}",
            random.Pick(_countries), random.Chance(0.2));
    }

    /// <summary>What a registrar might have changed by <paramref name="round"/>.</summary>
    public WhoisState Change(Random random, NamePool pool, DateOnly round)
    {
        var updated = round.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(-1 - random.Next(80)).AddSeconds(random.Next(86_400));
        return random.Next(10) switch
        {
            < 4 => this with { Updated = updated, Expires = Expires.AddYears(1) },
            < 7 => this with { Updated = updated, NameServers = PickNameServers(random, pool) },
            < 9 => this with { Updated = updated, Statuses = [.. _locks.Where(_ => random.Chance(0.5))], Dnssec = !Dnssec },
            _ => this with { Updated = updated, Sponsor = random.Pick(_registrars), Statuses = ["clientTransferProhibited"] },
        };
    }

    public string Text(DateOnly collected, Random random)
    {
        var t = new StringBuilder(2048);
        void Line(string key, string value) => t.Append(key).Append(": ").Append(value).Append('\n');
        Line("Domain Name", Domain.ToUpperInvariant());
        Line("Registry Domain ID", string.Create(CultureInfo.InvariantCulture, $"{Seeded.Stable(Domain) % 3_000_000_000u}_DOMAIN_{Domain[(Domain.IndexOf('.', StringComparison.Ordinal) + 1)..].ToUpperInvariant().Replace('.', '_')}-REG"));
        Line("Registrar WHOIS Server", Sponsor.Server);
        Line("Registrar URL", Sponsor.Url);
        Line("Updated Date", Stamp(Updated));
        Line("Creation Date", Stamp(Created));
        Line("Registry Expiry Date", Stamp(Expires));
        Line("Registrar", Sponsor.Name);
        Line("Registrar IANA ID", Sponsor.IanaId.ToString(CultureInfo.InvariantCulture));
        Line("Registrar Abuse Contact Email", "abuse@" + Sponsor.Server["whois.".Length..]);
        Line("Registrar Abuse Contact Phone", "+1.4805058800");
        foreach (var status in Statuses.Count > 0 ? Statuses : ["ok"])
        {
            Line("Domain Status", $"{status} https://icann.org/epp#{status}");
        }
        Line("Registrant Organization", Organization ?? "REDACTED FOR PRIVACY");
        Line("Registrant State/Province", Organization is null ? "REDACTED FOR PRIVACY" : "CA");
        Line("Registrant Country", Country);
        Line("Registrant Email", Organization is null ? $"https://{Sponsor.Server["whois.".Length..]}/contact-registrant?domain={Domain}" : "hostmaster@" + Domain);
        Line("Admin Email", Organization is null ? "REDACTED FOR PRIVACY" : "admin@" + Domain);
        Line("Tech Email", Organization is null ? "REDACTED FOR PRIVACY" : "tech@" + Domain);
        foreach (var ns in NameServers)
        {
            Line("Name Server", ns.ToUpperInvariant());
        }
        Line("DNSSEC", Dnssec ? "signedDelegation" : "unsigned");
        Line("URL of the ICANN Whois Inaccuracy Complaint Form", "https://www.icann.org/wicf/");
        var fetched = collected.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddSeconds(random.Next(86_400));
        t.Append(">>> Last update of whois database: ").Append(Stamp(fetched)).Append(" <<<\n\n");
        t.Append("For more information on Whois status codes, please visit https://icann.org/epp\n");
        return t.ToString();
    }

    private static string[] PickNameServers(Random random, NamePool pool)
    {
        var provider = pool.Domain(random.LongTail(500));
        return random.Chance(0.3)
            ? ["ns1." + provider, "ns2." + provider, "ns3." + provider]
            : ["ns1." + provider, "ns2." + provider];
    }

    private static string Stamp(DateTime time) => time.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
