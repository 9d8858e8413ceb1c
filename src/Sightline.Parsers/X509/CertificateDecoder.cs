using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sightline.Parsers.X509;

/// <summary>Turns one DER certificate into a <see cref="CertificateRecord"/> using the platform's X.509 decoder.</summary>
internal static class CertificateDecoder
{
    /// <summary>Decodes <paramref name="der"/>; on failure returns null and a reason, never throws.</summary>
    public static CertificateRecord? Decode(byte[] der, out string? error)
    {
        error = null;
        // The platform loader also takes PEM text; only DER may reach it here, so base64 of PEM is refused.
        if (der.Length == 0 || der[0] != 0x30)
        {
            error = "not a decodable X.509 certificate: DER must start with a SEQUENCE";
            return null;
        }
        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(der);
            return Build(certificate);
        }
        catch (CryptographicException e)
        {
            error = $"not a decodable X.509 certificate: {e.Message}";
        }
        // The platform decoder reports some malformed fields (dates, names, key blobs) with other exception types;
        // whatever it throws means this certificate, not the whole input, is bad, and a parser must not throw.
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            error = $"not a decodable X.509 certificate: {e.GetType().Name}: {e.Message}";
        }
        return null;
    }

    private static CertificateRecord Build(X509Certificate2 certificate)
    {
        var der = certificate.RawData;
        var structure = CertificateStructure.TryRead(der);
        var sha256 = SHA256.HashData(der);
        using var key = PublicKeys.Load(certificate);
        return new CertificateRecord
        {
            Der = der,
            Sha1 = Convert.ToHexStringLower(SHA1.HashData(der)),
            Sha256 = Convert.ToHexStringLower(sha256),
            Fingerprint = string.Join(':', sha256.Select(b => b.ToString("X2", CultureInfo.InvariantCulture))),
            // Serials are positive by RFC 5280; reading the bytes unsigned keeps misissued "negative" ones positive too.
            SerialNumber = new BigInteger(certificate.SerialNumberBytes.Span, isUnsigned: true, isBigEndian: true)
                .ToString(CultureInfo.InvariantCulture),
            NotBefore = structure?.NotBefore ?? new DateTimeOffset(certificate.NotBefore.ToUniversalTime()),
            NotAfter = structure?.NotAfter ?? new DateTimeOffset(certificate.NotAfter.ToUniversalTime()),
            Issuer = DistinguishedNameReader.Read(certificate.IssuerName),
            Subject = DistinguishedNameReader.Read(certificate.SubjectName),
            SubjectAlternativeNames = SubjectAltNameReader.Read(certificate),
            IsSelfSigned = SelfSignature.IsSelfSigned(certificate, structure, key),
            SignatureAlgorithm = OidText(certificate.SignatureAlgorithm),
            KeyAlgorithm = OidText(certificate.PublicKey.Oid),
            KeySize = key?.KeySize,
            Version = certificate.Version,
        };
    }

    private static string OidText(Oid oid) =>
        string.IsNullOrEmpty(oid.FriendlyName) ? oid.Value ?? string.Empty : oid.FriendlyName;
}
