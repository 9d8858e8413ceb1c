using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sightline.Parsers.X509;

/// <summary>Gets a certificate's public key as a platform algorithm object, including RSASSA-PSS keys.</summary>
internal static class PublicKeys
{
    private const string _rsaPssOid = "1.2.840.113549.1.1.10";

    /// <summary>
    /// The RSA key, also when the key is marked RSASSA-PSS: the platform's helper returns null for those, yet their
    /// key material is a plain RSAPublicKey.
    /// </summary>
    private static RSA? Rsa(X509Certificate2 certificate)
    {
        if (certificate.GetRSAPublicKey() is { } rsa)
        {
            return rsa;
        }
        if (!string.Equals(certificate.PublicKey.Oid.Value, _rsaPssOid, StringComparison.Ordinal))
        {
            return null;
        }
        var pss = RSA.Create();
        try
        {
            pss.ImportRSAPublicKey(certificate.PublicKey.EncodedKeyValue.RawData, out _);
            return pss;
        }
        catch (CryptographicException)
        {
            pss.Dispose();
            return null;
        }
    }

    /// <summary>
    /// The RSA, EC or DSA public key, loaded once for both the key size and the signature check; null for keys the
    /// platform cannot load (Ed25519, GOST, explicit curves it rejects, inherited DSA parameters).
    /// </summary>
    public static AsymmetricAlgorithm? Load(X509Certificate2 certificate)
    {
        try
        {
            return Rsa(certificate) ?? certificate.GetECDsaPublicKey() ?? (AsymmetricAlgorithm?)certificate.GetDSAPublicKey();
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
