namespace Sightline.Data.Entities;

public sealed class SslCertificate
{
    public required string Id { get; set; }
    public required string Sha1 { get; set; }
    public string? Fingerprint { get; set; }
    public string? SerialNumber { get; set; }
    public DateTimeOffset? IssueDateTime { get; set; }
    public DateTimeOffset? ExpirationDateTime { get; set; }
    public DateTimeOffset? FirstSeenDateTime { get; set; }
    public DateTimeOffset? LastSeenDateTime { get; set; }
    public CertificateParty Issuer { get; set; } = new();
    public CertificateParty Subject { get; set; } = new();
}

public sealed class CertificateParty
{
    public string? CommonName { get; set; }
    public string? OrganizationName { get; set; }
    public string? OrganizationUnitName { get; set; }
    public string? Email { get; set; }
    public string? GivenName { get; set; }
    public string? Surname { get; set; }
    public string? SerialNumber { get; set; }
    public string? City { get; set; }
    public string? State { get; set; }
    public string? CountryOrRegion { get; set; }
    public string? PostalCode { get; set; }
    public string? Street { get; set; }
    public List<string> AlternateNames { get; set; } = [];
}

public sealed class HostSslCertificate
{
    public required string HostId { get; set; }
    public required string Id { get; set; }
    public required string SslCertificateId { get; set; }
    public SslCertificate? SslCertificate { get; set; }
    public DateTimeOffset? FirstSeenDateTime { get; set; }
    public DateTimeOffset? LastSeenDateTime { get; set; }
    public List<CertificatePort> Ports { get; set; } = [];
}

public sealed class CertificatePort
{
    public int Port { get; set; }
    public DateTimeOffset? FirstSeenDateTime { get; set; }
    public DateTimeOffset? LastSeenDateTime { get; set; }
}
