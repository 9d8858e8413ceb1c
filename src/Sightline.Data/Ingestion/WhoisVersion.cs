using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sightline.Data.Entities;
using Sightline.Parsers.Whois;

namespace Sightline.Data.Ingestion;

/// <summary>One WHOIS response as an import sees it: what it says, and when it was collected.</summary>
/// <param name="SeenGiven">Whether the collection time was named (setting <c>seen</c>) rather than taken from the clock.</param>
internal sealed record WhoisObservation(WhoisRecordData Data, DateTimeOffset Seen, bool SeenGiven);

/// <summary>
/// Turns a parsed response into a <see cref="WhoisRecord"/> version. A version is identified by its content (every
/// parsed field, not the raw text, whose banners and "last update of WHOIS database" lines change on every query),
/// so the same registration fetched again is the same version.
/// </summary>
internal static class WhoisVersion
{
    /// <summary>
    /// Graph's ids look like b64("contoso.com$$6964781207746572433"): the domain and a number. The demo numbers its
    /// versions 1, 2, 3...; an importer cannot count versions it sees out of order, so the number here is the first
    /// 8 bytes (big-endian, unsigned) of the SHA-256 of the normalised content.
    /// </summary>
    public static string Id(WhoisRecordData data)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Content(data)));
        var number = BinaryPrimitives.ReadUInt64BigEndian(hash).ToString(CultureInfo.InvariantCulture);
        return GraphIds.Compose(data.Domain, number);
    }

    /// <summary>Every parsed field in a fixed order; lists sorted, so a server reordering its lines is no new version.</summary>
    public static string Content(WhoisRecordData d)
    {
        var text = new StringBuilder();
        void Line(string name, string? value) => text.Append(name).Append('=').Append(value).Append('\n');
        Line("domain", d.Domain);
        Line("registrar", Contact(d.Registrar));
        Line("registrarIanaId", d.RegistrarIanaId);
        Line("registrarUrl", d.RegistrarUrl);
        Line("whoisServer", d.WhoisServer);
        Line("registered", Stamp(d.RegistrationDate));
        Line("updated", Stamp(d.UpdatedDate));
        Line("expires", Stamp(d.ExpirationDate));
        Line("status", string.Join(',', d.Statuses.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));
        Line("nameservers", string.Join(',', d.NameServers.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)));
        Line("registrant", Contact(d.Registrant));
        Line("admin", Contact(d.Admin));
        Line("technical", Contact(d.Technical));
        Line("billing", Contact(d.Billing));
        Line("abuse", Contact(d.Abuse));
        Line("zone", Contact(d.Zone));
        Line("noc", Contact(d.Noc));
        Line("dnssec", d.Dnssec);
        return text.ToString();
    }

    public static WhoisRecord Create(string id, WhoisObservation o)
    {
        var d = o.Data;
        return new WhoisRecord
        {
            HostId = d.Domain,
            Id = id,
            DomainStatus = d.Statuses.Count == 0 ? null : string.Join(',', d.Statuses.Distinct(StringComparer.Ordinal)),
            RegistrationDateTime = d.RegistrationDate,
            ExpirationDateTime = d.ExpirationDate,
            LastUpdateDateTime = d.UpdatedDate,
            FirstSeenDateTime = o.Seen,
            LastSeenDateTime = o.Seen,
            RawWhoisText = d.RawText,
            WhoisServer = d.WhoisServer,
            Registrar = RegistrarContact(d),
            Abuse = ToEntity(d.Abuse),
            Admin = ToEntity(d.Admin),
            Billing = ToEntity(d.Billing),
            Noc = ToEntity(d.Noc),
            Registrant = ToEntity(d.Registrant),
            Technical = ToEntity(d.Technical),
            Zone = ToEntity(d.Zone),
            Nameservers = [.. d.NameServers.Distinct(StringComparer.Ordinal)
                .Select(ns => new WhoisNameserver { HostId = ns, FirstSeenDateTime = o.Seen, LastSeenDateTime = o.Seen })],
        };
    }

    /// <summary>The same content seen again: the version's window and its name servers' windows grow to include it.</summary>
    public static void Widen(WhoisRecord version, DateTimeOffset seen)
    {
        version.FirstSeenDateTime = HostUpserter.Min(version.FirstSeenDateTime, seen);
        version.LastSeenDateTime = HostUpserter.Max(version.LastSeenDateTime, seen);
        foreach (var nameserver in version.Nameservers)
        {
            nameserver.FirstSeenDateTime = HostUpserter.Min(nameserver.FirstSeenDateTime, seen);
            nameserver.LastSeenDateTime = HostUpserter.Max(nameserver.LastSeenDateTime, seen);
        }
    }

    /// <summary>What Graph's host shows as its registrant: the organization, else the person.</summary>
    public static string? RegistrantName(WhoisRecord version) => version.Registrant?.Organization ?? version.Registrant?.Name;

    /// <summary>
    /// The registrar as a contact, as the demo fills it: its name (also as the organization), and the registrar's
    /// abuse address and phone when the registrar block itself gives none. The model has no place for the IANA id
    /// or the registrar URL; they stay in the raw text.
    /// </summary>
    private static WhoisContact? RegistrarContact(WhoisRecordData d)
    {
        if (ToEntity(d.Registrar) is not { } registrar)
        {
            return null;
        }
        registrar.Name ??= registrar.Organization;
        registrar.Organization ??= registrar.Name;
        registrar.Email ??= d.Abuse?.Email;
        registrar.Telephone ??= d.Abuse?.Telephone;
        return registrar;
    }

    private static WhoisContact? ToEntity(WhoisContactData? c) => c is null ? null : new WhoisContact
    {
        Name = c.Name,
        Organization = c.Organization,
        Email = c.Email,
        Telephone = c.Telephone,
        Fax = c.Fax,
        Street = c.Street,
        City = c.City,
        State = c.State,
        PostalCode = c.PostalCode,
        CountryOrRegion = c.CountryOrRegion,
    };

    private static string Contact(WhoisContactData? c) => c is null ? "" : string.Join('\u001f',
        c.Name, c.Organization, c.Email?.ToLowerInvariant(), c.Telephone, c.Fax, c.Street, c.City, c.State, c.PostalCode, c.CountryOrRegion);

    private static string Stamp(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";
}
