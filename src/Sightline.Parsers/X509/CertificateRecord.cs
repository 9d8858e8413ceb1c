namespace Sightline.Parsers.X509;

/// <summary>
/// One decoded X.509 certificate, carrying what Graph's <c>sslCertificate</c> needs (hashes, serial, validity,
/// issuer/subject parties with their alternate names) plus key and signature facts for display.
/// </summary>
internal sealed record CertificateRecord
{
    /// <summary>The certificate's DER encoding, exactly as read.</summary>
    public required byte[] Der { get; init; }

    /// <summary>SHA-1 over <see cref="Der"/>, lower-case hex (Graph <c>sha1</c>).</summary>
    public required string Sha1 { get; init; }

    /// <summary>SHA-256 over <see cref="Der"/>, lower-case hex.</summary>
    public required string Sha256 { get; init; }

    /// <summary>SHA-256 as colon-separated upper-case hex pairs, the form Graph's <c>fingerprint</c> examples show.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>The serial as an unsigned decimal number (Graph examples use decimal).</summary>
    public required string SerialNumber { get; init; }

    public required DateTimeOffset NotBefore { get; init; }

    public required DateTimeOffset NotAfter { get; init; }

    public required CertificateName Issuer { get; init; }

    public required CertificateName Subject { get; init; }

    /// <summary>DNS names (lower-case, no trailing dot) and IP addresses (canonical text) of the SAN extension, first-seen order.</summary>
    public required IReadOnlyList<string> SubjectAlternativeNames { get; init; }

    /// <summary>Issuer equals subject and, where the algorithm is one the platform verifies, the signature checks with the certificate's own key.</summary>
    public required bool IsSelfSigned { get; init; }

    /// <summary>Friendly name (e.g. <c>sha256RSA</c>) or, when the platform knows none, the dotted OID.</summary>
    public required string SignatureAlgorithm { get; init; }

    /// <summary>Friendly name (e.g. <c>RSA</c>, <c>ECC</c>) or dotted OID of the subject key.</summary>
    public required string KeyAlgorithm { get; init; }

    /// <summary>Key size in bits when the platform can read the key (RSA, EC, DSA); otherwise null.</summary>
    public int? KeySize { get; init; }

    /// <summary>X.509 version as written (1 to 3 for conforming certificates).</summary>
    public required int Version { get; init; }
}

/// <summary>
/// The attributes of a distinguished name that Graph's <c>sslCertificateEntity</c> and <c>physicalAddress</c> carry;
/// the first value wins when an attribute repeats.
/// </summary>
internal sealed record CertificateName
{
    /// <summary>The whole name in the platform's RFC 4514-like rendering, for display and search.</summary>
    public required string DistinguishedName { get; init; }

    public string? CommonName { get; init; }

    public string? OrganizationName { get; init; }

    public string? OrganizationUnitName { get; init; }

    /// <summary>The PKCS#9 emailAddress attribute.</summary>
    public string? Email { get; init; }

    public string? GivenName { get; init; }

    public string? Surname { get; init; }

    /// <summary>The X.520 serialNumber attribute of the name (not the certificate serial).</summary>
    public string? SerialNumber { get; init; }

    /// <summary>Locality (Graph <c>address.city</c>).</summary>
    public string? Locality { get; init; }

    public string? State { get; init; }

    /// <summary>Country code as written (Graph <c>address.countryOrRegion</c>).</summary>
    public string? Country { get; init; }

    public string? Street { get; init; }

    public string? PostalCode { get; init; }
}
