using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sightline.Parsers.X509;

/// <summary>
/// Decides whether a certificate is self-signed: issuer equals subject, and the signature checks with the
/// certificate's own public key when the algorithm is one the platform can verify. Algorithms it cannot check
/// (MD2, Ed25519, GOST, unusual PSS salts) fall back to the name comparison alone.
/// </summary>
internal static class SelfSignature
{
    private enum KeyKind { Rsa, RsaPss, Ecdsa, Dsa }

    private static readonly Dictionary<string, (KeyKind Kind, HashAlgorithmName Hash)> _algorithms = new(StringComparer.Ordinal)
    {
        ["1.2.840.113549.1.1.4"] = (KeyKind.Rsa, HashAlgorithmName.MD5),
        ["1.2.840.113549.1.1.5"] = (KeyKind.Rsa, HashAlgorithmName.SHA1),
        ["1.3.14.3.2.29"] = (KeyKind.Rsa, HashAlgorithmName.SHA1),
        ["1.2.840.113549.1.1.11"] = (KeyKind.Rsa, HashAlgorithmName.SHA256),
        ["1.2.840.113549.1.1.12"] = (KeyKind.Rsa, HashAlgorithmName.SHA384),
        ["1.2.840.113549.1.1.13"] = (KeyKind.Rsa, HashAlgorithmName.SHA512),
        ["1.2.840.113549.1.1.10"] = (KeyKind.RsaPss, default),
        ["1.2.840.10045.4.1"] = (KeyKind.Ecdsa, HashAlgorithmName.SHA1),
        ["1.2.840.10045.4.3.2"] = (KeyKind.Ecdsa, HashAlgorithmName.SHA256),
        ["1.2.840.10045.4.3.3"] = (KeyKind.Ecdsa, HashAlgorithmName.SHA384),
        ["1.2.840.10045.4.3.4"] = (KeyKind.Ecdsa, HashAlgorithmName.SHA512),
        ["1.2.840.10040.4.3"] = (KeyKind.Dsa, HashAlgorithmName.SHA1),
        ["2.16.840.1.101.3.4.3.2"] = (KeyKind.Dsa, HashAlgorithmName.SHA256),
    };

    private static readonly Dictionary<string, HashAlgorithmName> _pssHashes = new(StringComparer.Ordinal)
    {
        ["1.3.14.3.2.26"] = HashAlgorithmName.SHA1,
        ["2.16.840.1.101.3.4.2.1"] = HashAlgorithmName.SHA256,
        ["2.16.840.1.101.3.4.2.2"] = HashAlgorithmName.SHA384,
        ["2.16.840.1.101.3.4.2.3"] = HashAlgorithmName.SHA512,
    };

    public static bool IsSelfSigned(X509Certificate2 certificate, CertificateStructure? structure, AsymmetricAlgorithm? key)
    {
        var issuer = certificate.IssuerName;
        var subject = certificate.SubjectName;
        var sameName = issuer.RawData.AsSpan().SequenceEqual(subject.RawData)
            || string.Equals(issuer.Name, subject.Name, StringComparison.OrdinalIgnoreCase);
        return sameName && (structure is null || (Verify(structure, key) ?? true));
    }

    /// <summary>
    /// True or false when the signature could be checked with the certificate's own key; null when it could not.
    /// A key of another type than the signature algorithm cannot have made the signature, so that is false.
    /// </summary>
    private static bool? Verify(CertificateStructure structure, AsymmetricAlgorithm? key)
    {
        if (!_algorithms.TryGetValue(structure.SignatureOid, out var algorithm))
        {
            return null;
        }
        var data = structure.Tbs.Span;
        var signature = structure.Signature;
        try
        {
            return algorithm.Kind switch
            {
                KeyKind.Rsa => key is RSA rsa && rsa.VerifyData(data, signature, algorithm.Hash, RSASignaturePadding.Pkcs1),
                KeyKind.RsaPss => PssHash(structure.SignatureParameters) is { } pssHash
                    ? key is RSA pss && pss.VerifyData(data, signature, pssHash, RSASignaturePadding.Pss)
                    : null,
                KeyKind.Ecdsa => key is ECDsa ecdsa && ecdsa.VerifyData(data, signature, algorithm.Hash, DSASignatureFormat.Rfc3279DerSequence),
                _ => key is DSA dsa && dsa.VerifyData(data, signature, algorithm.Hash, DSASignatureFormat.Rfc3279DerSequence),
            };
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or PlatformNotSupportedException)
        {
            // The platform refuses this hash or key for verification (e.g. MD5 under a strict crypto policy).
            return null;
        }
    }

    /// <summary>
    /// The hash of RSASSA-PSS parameters, only when the salt length is the hash length: the platform verifies
    /// PSS with that salt, so any other salt would give a false "not self-signed".
    /// </summary>
    private static HashAlgorithmName? PssHash(ReadOnlyMemory<byte>? parameters)
    {
        if (parameters is null)
        {
            return null;
        }
        try
        {
            var sequence = new AsnReader(parameters.Value, AsnEncodingRules.BER).ReadSequence();
            var hashOid = "1.3.14.3.2.26";
            var salt = 20;
            var hashTag = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);
            var saltTag = new Asn1Tag(TagClass.ContextSpecific, 2, isConstructed: true);
            while (sequence.HasData)
            {
                var tag = sequence.PeekTag();
                if (tag.HasSameClassAndValue(hashTag))
                {
                    hashOid = sequence.ReadSequence(hashTag).ReadSequence().ReadObjectIdentifier();
                }
                else if (tag.HasSameClassAndValue(saltTag))
                {
                    sequence.ReadSequence(saltTag).TryReadInt32(out salt);
                }
                else
                {
                    sequence.ReadEncodedValue();
                }
            }
            return _pssHashes.TryGetValue(hashOid, out var hash) && HashLength(hash) == salt ? hash : null;
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    private static int HashLength(HashAlgorithmName hash) =>
        hash == HashAlgorithmName.SHA1 ? 20 : hash == HashAlgorithmName.SHA256 ? 32 : hash == HashAlgorithmName.SHA384 ? 48 : 64;
}
