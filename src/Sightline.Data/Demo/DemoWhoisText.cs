using System.Globalization;
using System.Text;
using Sightline.Data.Entities;

namespace Sightline.Data.Demo;

/// <summary>Renders a WHOIS version as the raw text a registrar's WHOIS server returns (ICANN RDDS layout).</summary>
internal static class DemoWhoisText
{
    public static string Render(WhoisRecord record, DemoRegistrar registrar, DateTimeOffset asOf)
    {
        var domain = record.HostId;
        var tld = domain[(domain.LastIndexOf('.') + 1)..];
        var registryId = DemoHash.Range(domain + "registry", 1000000000, 2100000000).ToString(CultureInfo.InvariantCulture)
            + (tld is "com" or "net" ? "_DOMAIN_" + tld.ToUpperInvariant() + "-VRSN" : "-" + tld.ToUpperInvariant());
        var text = new StringBuilder();
        Line(text, "Domain Name", domain.ToUpperInvariant());
        Line(text, "Registry Domain ID", registryId);
        Line(text, "Registrar WHOIS Server", registrar.WhoisServer);
        Line(text, "Registrar URL", registrar.Url);
        Line(text, "Updated Date", Iso(record.LastUpdateDateTime));
        Line(text, "Creation Date", Iso(record.RegistrationDateTime));
        Line(text, "Registrar Registration Expiration Date", Iso(record.ExpirationDateTime));
        Line(text, "Registrar", registrar.Name);
        Line(text, "Registrar IANA ID", registrar.IanaId.ToString(CultureInfo.InvariantCulture));
        Line(text, "Registrar Abuse Contact Email", registrar.AbuseEmail);
        Line(text, "Registrar Abuse Contact Phone", registrar.AbusePhone);
        foreach (var status in (record.DomainStatus ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            Line(text, "Domain Status", status + " https://icann.org/epp#" + status);
        }

        Contact(text, "Registrant", record.Registrant);
        Contact(text, "Admin", record.Admin);
        Contact(text, "Tech", record.Technical);
        foreach (var server in record.Nameservers)
        {
            Line(text, "Name Server", server.HostId.ToUpperInvariant());
        }

        Line(text, "DNSSEC", "unsigned");
        Line(text, "URL of the ICANN Whois Inaccuracy Complaint Form", "https://www.icann.org/wicf/");
        text.Append(">>> Last update of WHOIS database: ").Append(Iso(asOf)).Append(" <<<\n\n");
        text.Append("For more information on Whois status codes, please visit https://icann.org/epp\n");
        return text.ToString();
    }

    private static void Contact(StringBuilder text, string role, WhoisContact? contact)
    {
        if (contact is null)
        {
            return;
        }

        Line(text, role + " Name", contact.Name);
        Line(text, role + " Organization", contact.Organization);
        Line(text, role + " Street", contact.Street);
        Line(text, role + " City", contact.City);
        Line(text, role + " State/Province", contact.State);
        Line(text, role + " Postal Code", contact.PostalCode);
        Line(text, role + " Country", contact.CountryOrRegion);
        Line(text, role + " Phone", contact.Telephone);
        Line(text, role + " Fax", contact.Fax);
        Line(text, role + " Email", contact.Email);
    }

    private static void Line(StringBuilder text, string name, string? value) =>
        text.Append(name).Append(": ").Append(value ?? "").Append('\n');

    private static string Iso(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";
}
