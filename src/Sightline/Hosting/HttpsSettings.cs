namespace Sightline.Hosting;

/// <summary>
/// The HTTPS certificate: a configured PFX (PKCS#12) or PEM file (with its key in the same file or in
/// <see cref="KeyPath"/>), or, when no path is given, a self-signed one generated in the data folder.
/// </summary>
public sealed record HttpsSettings
{
    public string? CertificatePath { get; init; }

    /// <summary>The PEM private key when it is not in the certificate file.</summary>
    public string? KeyPath { get; init; }

    /// <summary>The PFX password, or the password of an encrypted PEM key.</summary>
    public string? Password { get; init; }
}
