namespace Sightline.Parsers.Whois;

/// <summary>
/// One WHOIS response reduced to what Graph's whoisRecord carries. Every contact is null when the response
/// names none (redacted responses often carry only a country or an organization).
/// </summary>
internal sealed record WhoisRecordData
{
    /// <summary>Domain as the response names it, lower-case; IDN punycode is kept as given.</summary>
    public required string Domain { get; init; }

    public WhoisContactData? Registrar { get; init; }
    public string? RegistrarIanaId { get; init; }
    public string? RegistrarUrl { get; init; }
    public string? WhoisServer { get; init; }
    public DateTimeOffset? RegistrationDate { get; init; }
    public DateTimeOffset? UpdatedDate { get; init; }
    public DateTimeOffset? ExpirationDate { get; init; }

    /// <summary>Registry status flags; EPP codes without their explanatory URL.</summary>
    public IReadOnlyList<string> Statuses { get; init; } = [];

    /// <summary>Name server host names, lower-case, no trailing dot, first occurrence order.</summary>
    public IReadOnlyList<string> NameServers { get; init; } = [];

    public WhoisContactData? Registrant { get; init; }
    public WhoisContactData? Admin { get; init; }
    public WhoisContactData? Technical { get; init; }
    public WhoisContactData? Billing { get; init; }
    public WhoisContactData? Abuse { get; init; }
    public WhoisContactData? Zone { get; init; }
    public WhoisContactData? Noc { get; init; }
    public string? Dnssec { get; init; }
    public required string RawText { get; init; }
}

/// <summary>One WHOIS contact (Graph whoisContact with its physical address flattened).</summary>
internal sealed record WhoisContactData
{
    public string? Name { get; init; }
    public string? Organization { get; init; }
    public string? Email { get; init; }
    public string? Telephone { get; init; }
    public string? Fax { get; init; }

    /// <summary>Street lines joined with ", ".</summary>
    public string? Street { get; init; }
    public string? City { get; init; }
    public string? State { get; init; }
    public string? PostalCode { get; init; }
    public string? CountryOrRegion { get; init; }
}
