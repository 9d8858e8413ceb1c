namespace Sightline.Data.Entities;

public enum HostKind
{
    Hostname = 0,
    IpAddress = 1,
}

/// <summary>A hostname or an IP address; the id is the name or address itself, lower-cased.</summary>
public sealed class Host
{
    public required string Id { get; set; }
    public HostKind Kind { get; set; }
    public DateTimeOffset? FirstSeenDateTime { get; set; }
    public DateTimeOffset? LastSeenDateTime { get; set; }

    public string? Registrar { get; set; }
    public string? Registrant { get; set; }

    public int? AsNumber { get; set; }
    public string? AsName { get; set; }
    public string? AsOrganization { get; set; }
    public string? CountryOrRegion { get; set; }
    public string? HostingProvider { get; set; }
    public string? Netblock { get; set; }

    public bool IsSynthetic { get; set; }
}
