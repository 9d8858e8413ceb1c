using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sightline.Data.Demo;

/// <summary>
/// Real X.509 certificates for the synthetic hosts, issued by fictitious demo CAs and signed with the demo's own
/// RSA keys (<c>data/synthetic</c>, made for the demo and used for nothing else). RSA PKCS#1 v1.5 signatures are
/// deterministic, so the same inputs give byte-identical certificates, fingerprints and ids on every run.
/// </summary>
internal static class DemoCertificates
{
    private sealed record Issuer(string CommonName, string Organization, string Country);

    private static readonly Issuer[] _issuers =
    [
        new("Contoso Demo TLS RSA CA 2025", "Contoso Demo PKI", "US"),
        new("Demo Encrypt R11", "Demo Encrypt", "US"),
        new("Woodgrove Demo Domain Validation CA", "Woodgrove Demo Trust", "GB"),
    ];

    private static readonly Lazy<RSA> _caKey = new(() => Key("synthetic/demo-ca-key.pem"));
    private static readonly Lazy<RSA> _siteKey = new(() => Key("synthetic/demo-site-key.pem"));
    private static readonly Dictionary<string, string> _issued = new(StringComparer.Ordinal);
    private static readonly Lock _lock = new();

    /// <summary>The showcase domain's current certificate, which the scans find on ports 443 and 8443.</summary>
    public static string CurrentPem(ShowcaseSpec spec) =>
        Issue(spec.Domain + ":current", spec.Domain, true, _issuers[spec.Registrar % _issuers.Length], DemoBuilder.DaysAgo(40), 90);

    /// <summary>Three generations: the current one (on the scanned ports and on www), the previous and an old one.</summary>
    public static void AddShowcase(DemoBuilder b, ShowcaseSpec spec)
    {
        var d = spec.Domain;
        var issuer = _issuers[spec.Registrar % _issuers.Length];
        var previous = Issue(d + ":previous", d, true, issuer, DemoBuilder.DaysAgo(130), 90);
        var old = Issue(d + ":old", d, true, _issuers[2], DemoBuilder.DaysAgo(520), 365);
        Sight(b, d, 443, previous, 129, 41);
        Sight(b, spec.Ip, 443, previous, 128, 41);
        Sight(b, d, 443, old, 519, 160);
        Sight(b, "www." + d, 443, CurrentPem(spec), 39, 1);
    }

    /// <summary>A self-signed certificate with OpenSSL's default organisation, on port 443 of the host and its IP.</summary>
    public static void AddSelfSigned(DemoBuilder b, string hostname, string ip, int firstDaysAgo)
    {
        var issued = Math.Min(firstDaysAgo, DemoHash.Range(hostname + "selfsigned", 20, 200));
        var pem = Issue(hostname + ":selfsigned", hostname, false, null, DemoBuilder.DaysAgo(issued), 3650);
        Sight(b, hostname, 443, pem, issued - 1, 2);
        Sight(b, ip, 443, pem, issued - 1, 2);
    }

    /// <summary>The certificate seen on the port when first and when last seen.</summary>
    private static void Sight(DemoBuilder b, string host, int port, string pem, double firstDaysAgo, double lastDaysAgo)
    {
        b.Note(host);
        b.Certificates.Add(new CertificateSighting(host, port, DemoBuilder.DaysAgo(firstDaysAgo), pem));
        b.Certificates.Add(new CertificateSighting(host, port, DemoBuilder.DaysAgo(lastDaysAgo), pem));
    }

    private static string Issue(string key, string domain, bool withAlternates, Issuer? issuer, DateTimeOffset notBefore, int days)
    {
        lock (_lock)
        {
            if (!_issued.TryGetValue(key, out var pem))
            {
                pem = Create(key, domain, withAlternates, issuer, notBefore, days);
                _issued[key] = pem;
            }
            return pem;
        }
    }

    private static string Create(string key, string domain, bool withAlternates, Issuer? issuer, DateTimeOffset notBefore, int days)
    {
        var subject = issuer is null
            ? new X500DistinguishedName($"C=AU, S=Some-State, O=Internet Widgits Pty Ltd, CN={domain}")
            : new X500DistinguishedName($"CN={domain}");
        var request = new CertificateRequest(subject, _siteKey.Value, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(domain);
        if (withAlternates)
        {
            names.AddDnsName("*." + domain);
            foreach (var label in DemoShowcase.SubdomainLabels.Take(3))
            {
                names.AddDnsName(label + "." + domain);
            }
        }
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var issuerName = issuer is null
            ? subject
            : new X500DistinguishedName($"C={issuer.Country}, O={issuer.Organization}, CN={issuer.CommonName}");
        var signer = X509SignatureGenerator.CreateForRSA(issuer is null ? _siteKey.Value : _caKey.Value, RSASignaturePadding.Pkcs1);
        var serial = DemoHash.Bytes("serial:" + key).AsSpan(0, 16).ToArray();
        serial[0] &= 0x7F;
        using var certificate = request.Create(issuerName, signer, notBefore, notBefore.AddDays(days), serial);
        return certificate.ExportCertificatePem();
    }

    private static RSA Key(string name)
    {
        var rsa = RSA.Create();
        rsa.ImportFromPem(DemoResources.Text(name));
        return rsa;
    }
}
