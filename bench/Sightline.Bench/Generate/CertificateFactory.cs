using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sightline.Bench.Generate;

/// <summary>
/// Makes TLS server certificates with the platform's <see cref="CertificateRequest"/>: a few issuing CAs (ECDSA
/// P-256) sign leaf certificates for a domain and its usual names. Everything but the key material is a function
/// of (seed, index): subject, SANs, issuer, serial, validity. Keys and signatures are fresh on every run (so are the
/// fingerprints), and leaf keys are drawn from a small pool (ECDSA and RSA) to keep generation fast.
/// </summary>
internal sealed class CertificateFactory : IDisposable
{
    private static readonly DateTimeOffset _epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] _issuers =
    [
        "CN=Northwind DV TLS CA 2024, O=Northwind Trust Services, C=US",
        "CN=Northwind OV TLS CA 2024, O=Northwind Trust Services, C=US",
        "CN=Fabrikam Secure Server CA G3, O=Fabrikam PKI Ltd, C=GB",
        "CN=Contoso Issuing CA 07, O=Contoso Certificates GmbH, C=DE",
        "CN=Tailspin Domain Validation CA, O=Tailspin Trust, C=NL",
    ];

    private readonly NamePool _pool;
    private readonly ECDsa[] _caKeys;
    private readonly AsymmetricAlgorithm[] _leafKeys;

    public CertificateFactory(NamePool pool)
    {
        _pool = pool;
        _caKeys = [.. _issuers.Select(_ => ECDsa.Create(ECCurve.NamedCurves.nistP256))];
        _leafKeys = [.. Enumerable.Range(0, 24).Select(i => i % 4 == 3 ? (AsymmetricAlgorithm)RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256))];
    }

    /// <summary>The domain certificate <paramref name="index"/> is for: two successive certificates per domain (a renewal).</summary>
    public static int DomainOf(int index) => index / 2;

    /// <summary>Certificate <paramref name="index"/>: DER, its validity, and the names it covers (the first is the subject CN).</summary>
    public (byte[] Der, DateTimeOffset NotBefore, DateTimeOffset NotAfter, IReadOnlyList<string> Names) Create(int index)
    {
        var h = _pool.Hash("certificate", index);
        var domain = _pool.Domain(DomainOf(index));
        var names = new List<string> { domain, "www." + domain };
        if ((h & 3) == 0)
        {
            names.Add("*." + domain);
        }
        if ((h & 12) == 0)
        {
            names.Add("mail." + domain);
        }
        // The second certificate of a domain follows the first: issued 60 days into its 90-day validity.
        var notBefore = _epoch.AddDays((double)((h >> 8) % 500) + (index % 2 * 60)).AddSeconds((double)((h >> 20) % 86_400));
        var notAfter = notBefore.AddDays((h >> 40) % 5 == 0 ? 397 : 90);
        var leaf = _leafKeys[(int)((h >> 44) % (ulong)_leafKeys.Length)];
        var issuer = (int)((h >> 50) % (ulong)_issuers.Length);
        var request = leaf is RSA rsa
            ? new CertificateRequest("CN=" + names[0], rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest("CN=" + names[0], (ECDsa)leaf, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        names.ForEach(san.AddDnsName);
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var serial = BitConverter.GetBytes(_pool.Hash("serial", index)).Concat(BitConverter.GetBytes(h)).ToArray();
        serial[0] = (byte)(0x10 | (serial[0] & 0x3f)); // positive, minimal DER: no leading zero byte
        using var certificate = request.Create(new X500DistinguishedName(_issuers[issuer]), X509SignatureGenerator.CreateForECDsa(_caKeys[issuer]), notBefore, notAfter, serial);
        return (certificate.RawData, notBefore, notAfter, names);
    }

    public void Dispose()
    {
        foreach (var key in _caKeys.Concat<AsymmetricAlgorithm>(_leafKeys))
        {
            key.Dispose();
        }
    }
}
