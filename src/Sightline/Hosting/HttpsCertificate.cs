using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sightline.Hosting;

/// <summary>Loads the configured HTTPS certificate, or generates a self-signed one and keeps it in the data folder.</summary>
public sealed record HttpsCertificate(X509Certificate2 Certificate, string Source)
{
    public const string FileName = "https.pfx";

    /// <summary>The SHA-256 fingerprint as clients show it: upper-case hex pairs separated by colons.</summary>
    public string Fingerprint => string.Join(':', Convert.ToHexString(Certificate.GetCertHash(HashAlgorithmName.SHA256)).Chunk(2).Select(c => new string(c)));

    public static HttpsCertificate Load(HttpsSettings settings, string dataDir) => settings.CertificatePath is { } path
        ? new HttpsCertificate(LoadConfigured(path, settings.KeyPath, settings.Password), Path.GetFullPath(path))
        : LoadOrCreateSelfSigned(dataDir);

    private static X509Certificate2 LoadConfigured(string path, string? keyPath, string? password)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The HTTPS certificate '{path}' does not exist.");
        }
        var isPem = File.ReadAllBytes(path).AsSpan().IndexOf("-----BEGIN"u8) >= 0;
        var certificate = !isPem
            ? X509CertificateLoader.LoadPkcs12FromFile(path, password)
            : password is null ? X509Certificate2.CreateFromPemFile(path, keyPath) : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"The HTTPS certificate '{path}' has no private key; give the key with --certificate-key.");
        }
        return certificate;
    }

    private static HttpsCertificate LoadOrCreateSelfSigned(string dataDir)
    {
        var path = Path.Combine(dataDir, FileName);
        if (File.Exists(path))
        {
            var existing = X509CertificateLoader.LoadPkcs12FromFile(path, null);
            if (existing.NotAfter.ToUniversalTime() > DateTime.UtcNow.AddDays(1))
            {
                return new HttpsCertificate(existing, path + " (self-signed)");
            }
        }
        using var created = CreateSelfSigned();
        var temp = path + ".tmp";
        File.WriteAllBytes(temp, created.Export(X509ContentType.Pkcs12));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.Move(temp, path, overwrite: true);
        return new HttpsCertificate(X509CertificateLoader.LoadPkcs12FromFile(path, null), path + " (self-signed, generated)");
    }

    private static X509Certificate2 CreateSelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=Sightline self-signed ({Dns.GetHostName()})", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddDnsName(Dns.GetHostName());
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
    }
}
