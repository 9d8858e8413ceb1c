using System.Formats.Asn1;

namespace Sightline.Parsers.X509;

/// <summary>
/// The parts of a certificate's outer structure that the platform type does not expose: the signed TBS bytes,
/// the signature algorithm with its parameters, the signature, and the validity times as written (UTC,
/// without the round trip through local time that <c>X509Certificate2.NotBefore</c> makes).
/// </summary>
internal sealed record CertificateStructure(
    ReadOnlyMemory<byte> Tbs,
    string SignatureOid,
    ReadOnlyMemory<byte>? SignatureParameters,
    byte[] Signature,
    DateTimeOffset NotBefore,
    DateTimeOffset NotAfter)
{
    // RFC 5280 4.1.2.5.1: two-digit UTCTime years 50..99 are 19xx, 00..49 are 20xx.
    private const int _twoDigitYearMax = 2049;

    /// <summary>Reads the structure, or returns null when it is not the shape RFC 5280 describes.</summary>
    public static CertificateStructure? TryRead(ReadOnlyMemory<byte> der)
    {
        try
        {
            var certificate = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
            var tbs = certificate.ReadEncodedValue();
            var algorithm = certificate.ReadSequence();
            var oid = algorithm.ReadObjectIdentifier();
            ReadOnlyMemory<byte>? parameters = algorithm.HasData ? algorithm.ReadEncodedValue() : null;
            var signature = certificate.ReadBitString(out _);
            var (notBefore, notAfter) = ReadValidity(tbs);
            return new CertificateStructure(tbs, oid, parameters, signature, notBefore, notAfter);
        }
        catch (AsnContentException)
        {
            return null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static (DateTimeOffset NotBefore, DateTimeOffset NotAfter) ReadValidity(ReadOnlyMemory<byte> tbsDer)
    {
        var tbs = new AsnReader(tbsDer, AsnEncodingRules.BER).ReadSequence();
        var versionTag = new Asn1Tag(TagClass.ContextSpecific, 0, isConstructed: true);
        if (tbs.PeekTag().HasSameClassAndValue(versionTag))
        {
            tbs.ReadEncodedValue();
        }
        tbs.ReadEncodedValue(); // serialNumber
        tbs.ReadEncodedValue(); // signature AlgorithmIdentifier
        tbs.ReadEncodedValue(); // issuer
        var validity = tbs.ReadSequence();
        return (ReadTime(validity), ReadTime(validity));
    }

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime)
            ? reader.ReadUtcTime(_twoDigitYearMax).ToUniversalTime()
            : reader.ReadGeneralizedTime().ToUniversalTime();
}
