namespace Sightline.Data.Entities;

/// <summary>
/// One version of a domain's WHOIS record. The newest version of a host is <see cref="IsCurrent"/> and is what
/// Graph calls a whoisRecord; every version, the current one included, is a whoisHistoryRecord.
/// </summary>
public sealed class WhoisRecord
{
    public required string HostId { get; set; }
    public required string Id { get; set; }
    public bool IsCurrent { get; set; }
    public string? DomainStatus { get; set; }
    public DateTimeOffset? RegistrationDateTime { get; set; }
    public DateTimeOffset? ExpirationDateTime { get; set; }
    public DateTimeOffset? LastUpdateDateTime { get; set; }
    public DateTimeOffset? FirstSeenDateTime { get; set; }
    public DateTimeOffset? LastSeenDateTime { get; set; }
    public string? RawWhoisText { get; set; }
    public string? WhoisServer { get; set; }
    public WhoisContact? Abuse { get; set; }
    public WhoisContact? Admin { get; set; }
    public WhoisContact? Billing { get; set; }
    public WhoisContact? Noc { get; set; }
    public WhoisContact? Registrant { get; set; }
    public WhoisContact? Registrar { get; set; }
    public WhoisContact? Technical { get; set; }
    public WhoisContact? Zone { get; set; }
    public List<WhoisNameserver> Nameservers { get; set; } = [];
}

public sealed class WhoisContact
{
    public string? Name { get; set; }
    public string? Organization { get; set; }
    public string? Email { get; set; }
    public string? Telephone { get; set; }
    public string? Fax { get; set; }
    public string? Street { get; set; }
    public string? City { get; set; }
    public string? State { get; set; }
    public string? PostalCode { get; set; }
    public string? CountryOrRegion { get; set; }
}

public sealed class WhoisNameserver
{
    public required string HostId { get; set; }
    public DateTimeOffset? FirstSeenDateTime { get; set; }
    public DateTimeOffset? LastSeenDateTime { get; set; }
}
