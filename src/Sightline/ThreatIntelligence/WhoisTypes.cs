using System.Linq.Expressions;
using System.Text.Json;
using Sightline.Data.Entities;
using Sightline.OData;
using static Sightline.OData.GraphJson;

namespace Sightline.ThreatIntelligence;

/// <summary>WHOIS records: the current one (whoisRecord) and every version (whoisHistoryRecord).</summary>
internal static class WhoisTypes
{
    public static readonly IReadOnlyList<(string Name, Expression<Func<WhoisRecord, WhoisContact?>> Contact)> Contacts =
    [
        ("abuse", r => r.Abuse),
        ("admin", r => r.Admin),
        ("billing", r => r.Billing),
        ("noc", r => r.Noc),
        ("registrant", r => r.Registrant),
        ("registrar", r => r.Registrar),
        ("technical", r => r.Technical),
        ("zone", r => r.Zone),
    ];

    private static readonly (string, Expression<Func<WhoisContact, string?>>)[] _contactFields =
    [
        ("name", c => c.Name),
        ("organization", c => c.Organization),
        ("email", c => c.Email),
        ("telephone", c => c.Telephone),
        ("fax", c => c.Fax),
        ("address/street", c => c.Street),
        ("address/city", c => c.City),
        ("address/state", c => c.State),
        ("address/postalCode", c => c.PostalCode),
        ("address/countryOrRegion", c => c.CountryOrRegion),
    ];

    public static readonly GraphResource<WhoisRecord> Record = Build("whoisRecord");
    public static readonly GraphResource<WhoisRecord> HistoryRecord = Build("whoisHistoryRecord");

    private static GraphResource<WhoisRecord> Build(string typeName)
    {
        var r = new GraphResource<WhoisRecord>(typeName)
            .Prop("id", w => w.Id);
        var compiled = Contacts.ToDictionary(c => c.Name, c => c.Contact.Compile(), StringComparer.Ordinal);
        void Contact(string name) => r.Custom(name, (j, w) => WriteContact(j, name, compiled[name](w)));
        Contact("abuse");
        Contact("admin");
        Contact("billing");
        r.Prop("domainStatus", w => w.DomainStatus)
            .Prop("expirationDateTime", w => w.ExpirationDateTime)
            .Prop("firstSeenDateTime", w => w.FirstSeenDateTime)
            .Prop("lastSeenDateTime", w => w.LastSeenDateTime)
            .Prop("lastUpdateDateTime", w => w.LastUpdateDateTime)
            .Custom("nameservers", WriteNameservers);
        Contact("noc");
        r.Prop("rawWhoisText", w => w.RawWhoisText);
        Contact("registrant");
        Contact("registrar");
        r.Prop("registrationDateTime", w => w.RegistrationDateTime);
        Contact("technical");
        r.Prop("whoisServer", w => w.WhoisServer);
        Contact("zone");
        r.Custom("host", (j, w) => HostTypes.HostRef(j, "host", w.HostId))
            .Path("host/id", w => w.HostId);
        foreach (var (name, contact) in Contacts)
        {
            foreach (var (field, value) in _contactFields)
            {
                r.Path($"{name}/{field}", Expression.Lambda<Func<WhoisRecord, string?>>(
                    CertificateTypes.Inline(value, contact.Body), contact.Parameters));
            }
        }
        return r;
    }

    private static void WriteContact(Utf8JsonWriter json, string name, WhoisContact? c)
    {
        if (c is null)
        {
            json.WriteNull(name);
            return;
        }
        json.WriteStartObject(name);
        if ((c.Street ?? c.City ?? c.State ?? c.PostalCode ?? c.CountryOrRegion) is null)
        {
            json.WriteNull("address");
        }
        else
        {
            WriteAddress(json, c.Street, c.City, c.State, c.PostalCode, c.CountryOrRegion);
        }
        json.WriteString("email", c.Email);
        json.WriteString("fax", c.Fax);
        json.WriteString("name", c.Name);
        json.WriteString("organization", c.Organization);
        json.WriteString("telephone", c.Telephone);
        json.WriteEndObject();
    }

    public static void WriteAddress(Utf8JsonWriter json, string? street, string? city, string? state, string? postalCode, string? country)
    {
        json.WriteStartObject("address");
        json.WriteString("city", city);
        json.WriteString("countryOrRegion", country);
        json.WriteString("postalCode", postalCode);
        json.WriteString("state", state);
        json.WriteString("street", street);
        json.WriteEndObject();
    }

    private static void WriteNameservers(Utf8JsonWriter json, WhoisRecord record)
    {
        json.WriteStartArray("nameservers");
        foreach (var ns in record.Nameservers)
        {
            json.WriteStartObject();
            WriteValue(json, "firstSeenDateTime", ns.FirstSeenDateTime);
            WriteValue(json, "lastSeenDateTime", ns.LastSeenDateTime);
            HostTypes.HostRef(json, "host", ns.HostId);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
