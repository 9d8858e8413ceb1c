namespace Sightline.Parsers.Whois;

internal enum WhoisRole { Registrant, Admin, Technical, Billing, Registrar, Abuse, Zone, Noc }

internal enum WhoisField { Name, FamilyName, Organization, Email, Telephone, Fax, Street, City, State, PostalCode, Country, Id, Url, IanaId, WhoisServer }

internal enum KeyKind
{
    Unknown, Ignore,
    /// <summary>A key naming a role but no field we keep ("Registrant Phone Ext").</summary>
    RoleUnknown, Domain, Created, Updated, Expires, Status, NameServer, WhoisServer, Dnssec,
    /// <summary>"nic-hdl": the handle a contact object is known by.</summary>
    HandleId,
    /// <summary>A field of a named role ("Registrant Email").</summary>
    RoleField,
    /// <summary>The role itself ("Registrar: X", "admin-c: HANDLE").</summary>
    RoleKey,
    /// <summary>A contact field without a role ("e-mail"): it belongs to the section it appears in.</summary>
    Field,
}

internal readonly record struct KeyMeaning(KeyKind Kind, WhoisRole Role = WhoisRole.Registrant, WhoisField Field = WhoisField.Name);

/// <summary>What a normalized WHOIS key means. Keys come from many registries, so the tables are by phrase.</summary>
internal static class WhoisKeys
{
    private static readonly Dictionary<string, KeyKind> _domainKeys = Build(
        (KeyKind.Domain, ["domain name", "domain", "domainname", "query", "domain name ascii", "nom de domaine", "dominio", "ace", "nombre de dominio"]),
        (KeyKind.Created, ["creation date", "created", "created on", "created date", "create date", "date created", "registered",
            "registered on", "registered date", "registration date", "registration time", "domain registration date",
            "record created", "record created on", "domain record activated", "domain created", "domain name commencement date",
            "first registration date", "registration", "activated", "commencement date", "domain create date", "created at", "domain registered", "fecha de creación", "fecha de creacion"]),
        (KeyKind.Updated, ["updated date", "updated", "last updated", "last update", "last modified", "modified", "changed",
            "update date", "last updated date", "last updated on", "domain record last updated", "domain datelastmodified",
            "domain last updated date", "record last updated on", "last changed", "updated on", "modified date", "domain last updated", "modification date", "record last updated", "record last updated on", "ultima actualización", "ultima actualizacion"]),
        (KeyKind.Expires, ["registry expiry date", "registrar registration expiration date", "expiration date", "expiry date",
            "expires", "expire", "expires on", "expire date", "renewal date", "paid till", "expiration time", "record expires on",
            "domain expiration date", "domain expires", "expiry", "valid until", "domain expiry date", "expires at",
            "registration expiration date", "validity", "expired", "date expires", "record will expire on", "record expires", "fecha de vencimiento"]),
        (KeyKind.Status, ["domain status", "status", "state", "registration status", "domain prohibit status", "epp status", "eppstatus", "estatus del dominio"]),
        (KeyKind.NameServer, ["name server", "name servers", "nameserver", "nameservers", "nserver", "ns", "dns servers",
            "host name", "hostname", "primary server", "secondary server", "name servers information", "domain servers in listed order",
            "nameservers information", "ns name", "dns"]),
        (KeyKind.WhoisServer, ["whois server", "whois", "registrar whois server", "whois server name"]),
        (KeyKind.Dnssec, ["dnssec", "signed", "domain signed", "dnssec status"]),
        (KeyKind.HandleId, ["nic hdl", "nic hdl br", "nic handle"]));

    private static readonly (string Prefix, WhoisRole Role)[] _rolePrefixes =
    [
        ("registrar abuse contact", WhoisRole.Abuse), ("abuse contact", WhoisRole.Abuse), ("abuse", WhoisRole.Abuse),
        ("registrant contact", WhoisRole.Registrant), ("titular", WhoisRole.Registrant),
        ("contacto administrativo", WhoisRole.Admin), ("contacto tecnico", WhoisRole.Technical),
        ("contacto técnico", WhoisRole.Technical), ("contacto de cobranza", WhoisRole.Billing), ("registrant", WhoisRole.Registrant), ("holder", WhoisRole.Registrant),
        ("owner", WhoisRole.Registrant),
        ("administrative contact", WhoisRole.Admin), ("administrative", WhoisRole.Admin), ("admin contact", WhoisRole.Admin),
        ("admin", WhoisRole.Admin), ("ac", WhoisRole.Admin),
        ("technical contact", WhoisRole.Technical), ("technical", WhoisRole.Technical), ("tech contact", WhoisRole.Technical),
        ("tech", WhoisRole.Technical),
        ("billing contact", WhoisRole.Billing), ("billing", WhoisRole.Billing),
        ("sponsoring registrar", WhoisRole.Registrar), ("registrar", WhoisRole.Registrar),
        ("registration service provider", WhoisRole.Registrar), ("current registar", WhoisRole.Registrar),
        ("registar", WhoisRole.Registrar), ("authorized agency", WhoisRole.Registrar),
        ("zone contact", WhoisRole.Zone), ("zone", WhoisRole.Zone), ("noc", WhoisRole.Noc),
    ];

    private static readonly Dictionary<string, WhoisField> _fields = new(StringComparer.Ordinal)
    {
        ["name"] = WhoisField.Name, ["contact name"] = WhoisField.Name, ["person"] = WhoisField.Name,
        ["personname"] = WhoisField.Name, ["contact"] = WhoisField.Name, ["name en"] = WhoisField.Name,
        ["given name"] = WhoisField.Name, ["first name"] = WhoisField.Name, ["english name"] = WhoisField.Name,
        ["family name"] = WhoisField.FamilyName, ["last name"] = WhoisField.FamilyName,
        ["company english name"] = WhoisField.Organization,
        ["organization"] = WhoisField.Organization, ["organisation"] = WhoisField.Organization, ["org"] = WhoisField.Organization,
        ["company"] = WhoisField.Organization, ["company name"] = WhoisField.Organization, ["organization name"] = WhoisField.Organization,
        ["email"] = WhoisField.Email, ["e mail"] = WhoisField.Email, ["email address"] = WhoisField.Email,
        ["contact email"] = WhoisField.Email, ["mail"] = WhoisField.Email,
        ["phone"] = WhoisField.Telephone, ["telephone"] = WhoisField.Telephone, ["phone number"] = WhoisField.Telephone,
        ["tel"] = WhoisField.Telephone, ["voice"] = WhoisField.Telephone, ["contact phone"] = WhoisField.Telephone,
        ["fax"] = WhoisField.Fax, ["fax no"] = WhoisField.Fax, ["fax number"] = WhoisField.Fax, ["facsimile"] = WhoisField.Fax,
        ["street"] = WhoisField.Street, ["address"] = WhoisField.Street, ["street address"] = WhoisField.Street,
        ["address1"] = WhoisField.Street, ["address2"] = WhoisField.Street, ["address3"] = WhoisField.Street,
        ["postal address"] = WhoisField.Street, ["street1"] = WhoisField.Street, ["street2"] = WhoisField.Street,
        ["street3"] = WhoisField.Street,
        ["city"] = WhoisField.City,
        ["state"] = WhoisField.State, ["province"] = WhoisField.State, ["state province"] = WhoisField.State,
        ["state or province"] = WhoisField.State,
        ["postal code"] = WhoisField.PostalCode, ["zip"] = WhoisField.PostalCode, ["zip code"] = WhoisField.PostalCode,
        ["postcode"] = WhoisField.PostalCode, ["zipcode"] = WhoisField.PostalCode, ["postal"] = WhoisField.PostalCode,
        ["country"] = WhoisField.Country, ["country code"] = WhoisField.Country, ["country region"] = WhoisField.Country,
        ["country or region"] = WhoisField.Country,
        ["id"] = WhoisField.Id, ["handle"] = WhoisField.Id, ["c"] = WhoisField.Id, ["contact id"] = WhoisField.Id,
        ["url"] = WhoisField.Url, ["www"] = WhoisField.Url, ["website"] = WhoisField.Url, ["web page"] = WhoisField.Url,
        ["referral url"] = WhoisField.Url, ["homepage"] = WhoisField.Url,
        ["iana id"] = WhoisField.IanaId,
    };

    /// <summary>Role keys whose bare value names an organization rather than a person.</summary>
    private static readonly HashSet<string> _organizationRoleKeys = new(StringComparer.Ordinal) { "owner" };

    /// <summary>The contact field a role-less key names ("state" is a contact's state inside a contact block).</summary>
    public static WhoisField? GenericField(string key) => _fields.TryGetValue(key, out var field) ? field : null;

    // What may follow a role word in a section title: "Admin Contact(s)", "Holder of domain name".
    private static readonly HashSet<string> _titleWords = new(StringComparer.Ordinal)
    {
        "s", "contact", "contacts", "information", "info", "data", "details", "of", "domain", "name", "agent",
    };

    /// <summary>True when a role key without a value reads as a section title rather than an empty field.</summary>
    public static bool IsRoleTitle(string key, WhoisRole role)
    {
        foreach (var (prefix, r) in _rolePrefixes)
        {
            if (r == role && key.StartsWith(prefix + " ", StringComparison.Ordinal))
            {
                return key[(prefix.Length + 1)..].Split(' ').All(_titleWords.Contains);
            }
        }
        return false;
    }

    public static KeyMeaning Classify(string key)
    {
        // Hostmaster.ua repeats fields in local script ("person-loc"); they fill in where the Latin one is "n/a".
        if (key.EndsWith(" loc", StringComparison.Ordinal))
        {
            key = key[..^4];
        }
        if (_domainKeys.TryGetValue(key, out var kind))
        {
            return new KeyMeaning(kind);
        }
        if (key == "network service name")
        {
            // JPRS names the holder of a network domain (.ne.jp) this way.
            return new KeyMeaning(KeyKind.RoleField, WhoisRole.Registrant, WhoisField.Organization);
        }
        if (key == "referral url")
        {
            return new KeyMeaning(KeyKind.RoleField, WhoisRole.Registrar, WhoisField.Url);
        }
        if (_fields.TryGetValue(key, out var generic))
        {
            return new KeyMeaning(KeyKind.Field, Field: generic);
        }
        foreach (var (prefix, role) in _rolePrefixes)
        {
            if (key == prefix)
            {
                var field = _organizationRoleKeys.Contains(key) ? WhoisField.Organization : WhoisField.Name;
                return new KeyMeaning(KeyKind.RoleKey, role, field);
            }
            if (key.StartsWith(prefix + " ", StringComparison.Ordinal))
            {
                var rest = key[(prefix.Length + 1)..];
                if (_fields.TryGetValue(rest, out var field))
                {
                    return new KeyMeaning(KeyKind.RoleField, role, field);
                }
                if (rest is "ac" or "contact" or "contacts" or "name" or "organization")
                {
                    return new KeyMeaning(KeyKind.RoleKey, role, rest == "organization" ? WhoisField.Organization : WhoisField.Name);
                }
                return new KeyMeaning(KeyKind.RoleUnknown, role);
            }
        }
        // "Registry Registrant ID", "ns_name_01": retry without the registry prefix or the trailing number.
        if (key.StartsWith("registry ", StringComparison.Ordinal))
        {
            return Classify(key["registry ".Length..]);
        }
        var trimmed = key.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ' ');
        return trimmed.Length < key.Length && trimmed.Length > 0 && trimmed[^1] != ' ' && key[trimmed.Length] == ' '
            ? Classify(trimmed)
            : new KeyMeaning(KeyKind.Unknown);
    }

    private static Dictionary<string, KeyKind> Build(params (KeyKind Kind, string[] Keys)[] groups)
    {
        var map = new Dictionary<string, KeyKind>(StringComparer.Ordinal);
        foreach (var (kind, keys) in groups)
        {
            foreach (var key in keys)
            {
                map[key] = kind;
            }
        }
        return map;
    }
}
