namespace Sightline.Parsers.X509;

/// <summary>
/// A certificate observed on a host and port (Graph <c>hostSslCertificate</c> with its <c>ports</c> entry).
/// </summary>
internal sealed record CertificateSightingRecord
{
    /// <summary>Lower-case host name without trailing dot, or an IP address in canonical text.</summary>
    public required string Host { get; init; }

    public required int Port { get; init; }

    /// <summary>When the certificate was (first) seen, UTC.</summary>
    public required DateTimeOffset Seen { get; init; }

    /// <summary>When it was last seen, UTC; null when the line gives a single observation time.</summary>
    public DateTimeOffset? LastSeen { get; init; }

    public required CertificateRecord Certificate { get; init; }
}
