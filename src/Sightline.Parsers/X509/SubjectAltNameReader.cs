using System.Formats.Asn1;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Sightline.Parsers.X509;

/// <summary>
/// Reads the DNS names and IP addresses of the subjectAltName extension. GeneralNames of other kinds (e-mail,
/// URI, directory, otherName, x400Address...) are skipped without decoding, so exotic entries never sink a
/// certificate.
/// </summary>
internal static class SubjectAltNameReader
{
    private const string _subjectAltNameOid = "2.5.29.17";
    private static readonly Asn1Tag _dnsNameTag = new(TagClass.ContextSpecific, 2);
    private static readonly Asn1Tag _ipAddressTag = new(TagClass.ContextSpecific, 7);

    public static IReadOnlyList<string> Read(X509Certificate2 certificate)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var extension in certificate.Extensions)
        {
            if (string.Equals(extension.Oid?.Value, _subjectAltNameOid, StringComparison.Ordinal))
            {
                try
                {
                    Collect(extension.RawData, names, seen);
                }
                catch (AsnContentException)
                {
                    // A damaged extension keeps the names read before the damage.
                }
            }
        }
        return names;
    }

    private static void Collect(byte[] raw, List<string> names, HashSet<string> seen)
    {
        var generalNames = new AsnReader(raw, AsnEncodingRules.BER).ReadSequence();
        while (generalNames.HasData)
        {
            var tag = generalNames.PeekTag();
            string? name = null;
            if (tag.HasSameClassAndValue(_dnsNameTag) && !tag.IsConstructed)
            {
                // IA5String by the RFC, but UTF-8 bytes occur in the wild; decode leniently rather than drop.
                name = NormalizeDns(Encoding.UTF8.GetString(generalNames.ReadOctetString(_dnsNameTag)));
            }
            else if (tag.HasSameClassAndValue(_ipAddressTag) && !tag.IsConstructed)
            {
                var octets = generalNames.ReadOctetString(_ipAddressTag);
                name = octets.Length is 4 or 16 ? new IPAddress(octets).ToString() : null;
            }
            else
            {
                generalNames.ReadEncodedValue();
            }
            if (!string.IsNullOrEmpty(name) && seen.Add(name))
            {
                names.Add(name);
            }
        }
    }

    private static string NormalizeDns(string name) => name.Trim().TrimEnd('.').ToLowerInvariant();
}
