using System.Globalization;
using Sightline.Data.Entities;

namespace Sightline.Data.Demo;

/// <summary>A registrar as WHOIS shows it.</summary>
internal sealed record DemoRegistrar(string Name, int IanaId, string WhoisServer, string Url, string AbuseEmail, string AbusePhone);

/// <summary>Synthetic WHOIS histories, as the raw responses a registrar's WHOIS server gives over time.</summary>
internal static class DemoWhois
{
    public const string Privacy = "REDACTED FOR PRIVACY";

    public static readonly DemoRegistrar[] Registrars =
    [
        new("MarkMonitor, Inc.", 292, "whois.markmonitor.com", "http://www.markmonitor.com", "abusecomplaints@markmonitor.com", "+1.2086851750"),
        new("Amazon Registrar, Inc.", 468, "whois.registrar.amazon.com", "https://registrar.amazon.com", "trustandsafety@support.aws.com", "+1.2067406200"),
        new("NameCheap, Inc.", 1068, "whois.namecheap.com", "http://www.namecheap.com", "abuse@namecheap.com", "+1.9854014545"),
        new("GoDaddy.com, LLC", 146, "whois.godaddy.com", "http://www.godaddy.com", "abuse@godaddy.com", "+1.4806242505"),
        new("Tucows Domains Inc.", 69, "whois.tucows.com", "http://www.tucows.com", "domainabuse@tucows.com", "+1.4165350123"),
    ];

    private static readonly Dictionary<string, string> _organizations = new(StringComparer.Ordinal)
    {
        ["contoso"] = "Contoso Ltd.",
        ["fabrikam"] = "Fabrikam, Inc.",
        ["northwind"] = "Northwind Traders",
        ["adventureworks"] = "Adventure Works Cycles",
        ["woodgrove"] = "Woodgrove Bank",
        ["tailspin"] = "Tailspin Toys",
        ["wingtip"] = "Wingtip Toys",
        ["litware"] = "Litware, Inc.",
        ["proseware"] = "Proseware, Inc.",
        ["fourthcoffee"] = "Fourth Coffee",
        ["lucerne"] = "Lucerne Publishing",
        ["margiestravel"] = "Margie's Travel",
        ["treyresearch"] = "Trey Research",
        ["wideworldimporters"] = "Wide World Importers",
        ["blueyonder"] = "Blue Yonder Airlines",
        ["cohowinery"] = "Coho Winery",
        ["humongousinsurance"] = "Humongous Insurance",
        ["alpineskihouse"] = "Alpine Ski House",
        ["relecloud"] = "Relecloud",
        ["southridge"] = "Southridge Video",
    };

    private static readonly (string Street, string City, string State, string PostalCode, string Country, string Phone)[] _addresses =
    [
        ("4567 Main Street", "Redmond", "WA", "98052", "US", "+1.42555501"),
        ("1200 Lakeview Drive", "Seattle", "WA", "98101", "US", "+1.20655501"),
        ("88 Harbour Road", "London", "", "EC2A 4NE", "GB", "+44.20794601"),
        ("Am Hafen 12", "Hamburg", "", "20457", "DE", "+49.4055501"),
        ("500 Congress Avenue", "Austin", "TX", "78701", "US", "+1.51255501"),
    ];

    /// <summary>The company a synthetic domain belongs to, from its brand prefix.</summary>
    public static string OrganizationFor(string domain)
    {
        var brand = domain.Split('-', '.')[0];
        return _organizations.TryGetValue(brand, out var name) ? name : "Contoso Ltd.";
    }

    /// <summary>
    /// WHOIS responses for <paramref name="versions"/> successive registrations states of the domain, each fetched
    /// when it was first and last seen; the importer turns them into a history whose last version is current.
    /// </summary>
    public static void AddHistory(DemoBuilder b, string domain, double firstDaysAgo, int versions, int registrar, string registrant,
        string[] nameServers, int? registeredDaysBeforeFirst = null)
    {
        var registered = DemoBuilder.DaysAgo(firstDaysAgo)
            .AddDays(-(registeredDaysBeforeFirst ?? DemoHash.Range(domain + "registered", 30, 400)))
            .AddHours(DemoHash.Range(domain + "registeredHour", 0, 23));
        var span = (DemoBuilder.DaysAgo(3) - registered) / versions;
        for (var v = 1; v <= versions; v++)
        {
            var current = v == versions;
            var updated = registered.Add(span * (v - 1)).AddHours(DemoHash.Range(domain + v.ToString(CultureInfo.InvariantCulture), 0, 23));
            var until = current ? DemoBuilder.DaysAgo(1) : registered.Add(span * v);
            var registrarIndex = current || v == versions - 1 ? registrar : (registrar + 1) % Registrars.Length;
            var owner = current ? registrant : (v % 2 == 1 ? OrganizationFor(domain) : Privacy);
            var servers = current || v == versions - 1 ? nameServers : OlderNameServers(nameServers);
            var record = Version(domain, registered, updated, Registrars[registrarIndex], owner, servers);
            // A version is first fetched the day after it changed, but never before the domain was first seen:
            // the crawler only learns of a domain when it shows up somewhere.
            var firstFetch = v == 1 && DemoBuilder.DaysAgo(firstDaysAgo) > updated.AddDays(1) ? DemoBuilder.DaysAgo(firstDaysAgo) : updated.AddDays(1);
            var seen = firstFetch < until ? firstFetch : until;
            b.Whois.Add(new WhoisResponse(domain, seen, DemoWhoisText.Render(record, Registrars[registrarIndex], seen)));
            b.Whois.Add(new WhoisResponse(domain, until, DemoWhoisText.Render(record, Registrars[registrarIndex], until)));
            foreach (var server in servers)
            {
                b.Note(server);
            }
        }
        b.Note(domain);
    }

    private static string[] OlderNameServers(string[] current)
    {
        var pairs = DemoInfrastructure.NameServerPairs;
        var index = Array.IndexOf(pairs, current[0]);
        var other = index < 0 ? 0 : ((index / 2) + 1) % (pairs.Length / 2) * 2;
        return [pairs[other], pairs[other + 1]];
    }

    /// <summary>The registration as a record, only to render its text.</summary>
    private static WhoisRecord Version(string domain, DateTimeOffset registered, DateTimeOffset updated, DemoRegistrar registrar, string owner, string[] servers)
    {
        var years = Math.Max(1, (int)Math.Ceiling((updated - registered).TotalDays / 365.25) + 1);
        var status = registrar.IanaId == 292
            ? "clientDeleteProhibited clientTransferProhibited clientUpdateProhibited"
            : "clientTransferProhibited";
        return new WhoisRecord
        {
            HostId = domain,
            Id = domain,
            DomainStatus = status,
            RegistrationDateTime = registered,
            ExpirationDateTime = registered.AddYears(years),
            LastUpdateDateTime = updated,
            WhoisServer = registrar.WhoisServer,
            Registrant = Contact(domain, owner, "Domain Administrator", 0),
            Admin = Contact(domain, owner, "Domain Administrator", 1),
            Technical = Contact(domain, owner, "Hostmaster", 2),
            Nameservers = [.. servers.Select(s => new WhoisNameserver { HostId = s })],
        };
    }

    private static WhoisContact Contact(string domain, string owner, string role, int kind)
    {
        if (string.Equals(owner, Privacy, StringComparison.Ordinal))
        {
            return new WhoisContact
            {
                Name = Privacy,
                Organization = "Privacy service provided by Withheld for Privacy ehf",
                Email = DemoHash.Hex(domain + kind.ToString(CultureInfo.InvariantCulture), 32) + ".protect@withheldforprivacy.com",
                Telephone = "+354.4212434",
                Street = "Kalkofnsvegur 2",
                City = "Reykjavik",
                State = "Capital Region",
                PostalCode = "101",
                CountryOrRegion = "IS",
            };
        }

        var address = DemoHash.Pick(domain + "address", _addresses);
        var mailbox = kind == 2 ? "hostmaster" : "domains";
        return new WhoisContact
        {
            Name = role,
            Organization = owner,
            Email = mailbox + "@" + domain,
            Telephone = address.Phone + DemoHash.Range(domain + "phone", 10, 99).ToString(CultureInfo.InvariantCulture),
            Fax = kind == 0 ? null : address.Phone + DemoHash.Range(domain + "fax", 10, 99).ToString(CultureInfo.InvariantCulture),
            Street = address.Street,
            City = address.City,
            State = address.State.Length == 0 ? null : address.State,
            PostalCode = address.PostalCode,
            CountryOrRegion = address.Country,
        };
    }
}
