using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Sightline.Parsers.X509;

/// <summary>
/// Reads the attributes Graph needs from a distinguished name, walking its RDNs (including multi-valued ones,
/// which the platform's single-element helpers refuse) and decoding every directory string type leniently, so a
/// badly encoded value degrades to replacement characters instead of failing the certificate.
/// </summary>
internal static class DistinguishedNameReader
{
    private static readonly Encoding _utf32BigEndian = new UTF32Encoding(bigEndian: true, byteOrderMark: false);

    public static CertificateName Read(X500DistinguishedName name)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            Collect(name.RawData, values);
        }
        catch (AsnContentException)
        {
            // Keep what was read before the damage; the certificate itself decoded, so it stays usable.
        }
        return new CertificateName
        {
            DistinguishedName = name.Name,
            CommonName = values.GetValueOrDefault("2.5.4.3"),
            Surname = values.GetValueOrDefault("2.5.4.4"),
            SerialNumber = values.GetValueOrDefault("2.5.4.5"),
            Country = values.GetValueOrDefault("2.5.4.6"),
            Locality = values.GetValueOrDefault("2.5.4.7"),
            State = values.GetValueOrDefault("2.5.4.8"),
            Street = values.GetValueOrDefault("2.5.4.9"),
            OrganizationName = values.GetValueOrDefault("2.5.4.10"),
            OrganizationUnitName = values.GetValueOrDefault("2.5.4.11"),
            PostalCode = values.GetValueOrDefault("2.5.4.17"),
            GivenName = values.GetValueOrDefault("2.5.4.42"),
            Email = values.GetValueOrDefault("1.2.840.113549.1.9.1"),
        };
    }

    private static void Collect(byte[] raw, Dictionary<string, string> values)
    {
        var rdns = new AsnReader(raw, AsnEncodingRules.BER).ReadSequence();
        while (rdns.HasData)
        {
            var rdn = rdns.ReadSetOf(skipSortOrderValidation: true);
            while (rdn.HasData)
            {
                var attribute = rdn.ReadSequence();
                var oid = attribute.ReadObjectIdentifier();
                var text = DecodeString(attribute.ReadEncodedValue().Span);
                if (text is not null)
                {
                    values.TryAdd(oid, text);
                }
            }
        }
    }

    /// <summary>Decodes a DirectoryString-like value by its universal tag; null for non-string values.</summary>
    private static string? DecodeString(ReadOnlySpan<byte> encoded)
    {
        var tag = Asn1Tag.Decode(encoded, out _);
        if (tag.TagClass != TagClass.Universal || tag.IsConstructed)
        {
            return null;
        }
        AsnDecoder.ReadEncodedValue(encoded, AsnEncodingRules.BER, out var offset, out var length, out _);
        var content = encoded.Slice(offset, length);
        return (UniversalTagNumber)tag.TagValue switch
        {
            UniversalTagNumber.UTF8String => Encoding.UTF8.GetString(content),
            UniversalTagNumber.BMPString => Encoding.BigEndianUnicode.GetString(content),
            UniversalTagNumber.UniversalString => _utf32BigEndian.GetString(content),
            // T61String is Latin-1 in practice; the ASCII types are a subset of it.
            UniversalTagNumber.PrintableString or UniversalTagNumber.IA5String or UniversalTagNumber.VisibleString
                or UniversalTagNumber.NumericString or UniversalTagNumber.T61String => Encoding.Latin1.GetString(content),
            _ => null,
        };
    }
}
