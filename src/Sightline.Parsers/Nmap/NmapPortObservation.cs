using Sightline.Parsers.Recog;

namespace Sightline.Parsers.Nmap;

/// <summary>Text a service sent (or a header block), with the protocol that was spoken to get it.</summary>
/// <param name="ScanProtocol">Lower-case protocol, e.g. <c>ssh</c>, <c>smtp</c>, <c>http</c>, <c>https</c>.</param>
/// <param name="Text">The text as nmap printed it (non-printable bytes stay <c>\xHH</c> escapes).</param>
internal sealed record NmapBanner(string ScanProtocol, string Text);

/// <summary>What one nmap run saw on one port of one host (Graph <c>hostPort</c> with banners and services).</summary>
internal sealed record NmapPortObservation
{
    /// <summary>The host's IP address in canonical form (IPv6 compressed, lower-case).</summary>
    public required string Host { get; init; }

    /// <summary>Names nmap gave the host (user-supplied and PTR), lower-case, no trailing dot, distinct.</summary>
    public required IReadOnlyList<string> Hostnames { get; init; }

    /// <summary>
    /// The name the scan was aimed at (nmap's <c>hostname type="user"</c>), lower-case: the ports answered on that
    /// name too (TLS SNI, HTTP Host), so they belong to it as well as to the address.
    /// </summary>
    public string? ScannedName { get; init; }

    public required int Port { get; init; }

    /// <summary><c>tcp</c>, <c>udp</c> or <c>sctp</c>.</summary>
    public required string Protocol { get; init; }

    /// <summary><c>open</c>, <c>filtered</c>, <c>closed</c>, or nmap's other states (<c>open|filtered</c>...) as written.</summary>
    public required string State { get; init; }

    /// <summary>Why nmap decided the state (<c>syn-ack</c>, <c>reset</c>, <c>no-response</c>).</summary>
    public string? Reason { get; init; }

    public string? ServiceName { get; init; }

    public string? Product { get; init; }

    public string? Version { get; init; }

    public string? ExtraInfo { get; init; }

    /// <summary>CPE names nmap's version detection attached to the service.</summary>
    public IReadOnlyList<string> Cpes { get; init; } = [];

    public IReadOnlyList<NmapBanner> Banners { get; init; } = [];

    /// <summary>The certificate from the <c>ssl-cert</c> script, PEM-encoded, when nmap printed it.</summary>
    public string? CertificatePem { get; init; }

    /// <summary>nmap's <c>servicefp</c> submission fingerprint, for services it could not name.</summary>
    public string? ServiceFingerprint { get; init; }

    public DateTimeOffset? ScanStart { get; init; }

    public DateTimeOffset? ScanEnd { get; init; }

    /// <summary>The recog identification of the first banner that a fingerprint recognises.</summary>
    public RecogMatch? Identified { get; init; }
}
