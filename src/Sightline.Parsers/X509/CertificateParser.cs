using System.Text;
using Sightline.Parsers.Common;

namespace Sightline.Parsers.X509;

/// <summary>
/// Reads X.509 certificates from PEM text (any number of blocks, text between them ignored) or binary DER (one
/// certificate or several concatenated), telling the two apart from the first bytes. Each PEM block or DER
/// element is one record: Position is its 1-based number in the input.
/// </summary>
internal static class CertificateParser
{
    private const byte _sequenceTag = 0x30;

    public static IEnumerable<Parsed<CertificateRecord>> Parse(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return ParseCore(input);
    }

    /// <summary>Reads PEM blocks from text; non-certificate blocks are reported as failures naming their label.</summary>
    public static IEnumerable<Parsed<CertificateRecord>> ParsePem(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ParsePemCore(reader, looksBinary: false);
    }

    private static IEnumerable<Parsed<CertificateRecord>> ParseCore(Stream input)
    {
        var prefix = new byte[2];
        var length = 0;
        int read;
        while (length < prefix.Length && (read = input.Read(prefix, length, prefix.Length - length)) > 0)
        {
            length += read;
        }
        var replay = new ReplayStream(prefix.AsMemory(0, length), input);
        // A DER certificate is a SEQUENCE longer than 127 bytes, so its length byte has the high bit set;
        // no text encoding starts "0" followed by such a byte.
        if (length == 2 && prefix[0] == _sequenceTag && prefix[1] >= 0x80)
        {
            foreach (var item in ParseDer(replay))
            {
                yield return item;
            }
            yield break;
        }
        using var reader = new StreamReader(replay, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        foreach (var item in ParsePemCore(reader, looksBinary: length > 0 && prefix[0] == _sequenceTag))
        {
            yield return item;
        }
    }

    private static IEnumerable<Parsed<CertificateRecord>> ParseDer(Stream input)
    {
        foreach (var element in DerReader.Read(input))
        {
            yield return element.Data is null
                ? Parsed<CertificateRecord>.Fail(element.Position, element.Error ?? "unreadable DER")
                : Decode(element.Position, element.Data);
        }
    }

    private static IEnumerable<Parsed<CertificateRecord>> ParsePemCore(TextReader reader, bool looksBinary)
    {
        var any = false;
        foreach (var block in PemBlockReader.Read(reader))
        {
            any = true;
            yield return block.Data is null
                ? Parsed<CertificateRecord>.Fail(block.Position, block.Error ?? "unreadable PEM block")
                : Decode(block.Position, block.Data);
        }
        if (!any)
        {
            yield return Parsed<CertificateRecord>.Fail(1, looksBinary
                ? "input is not PEM and too short to be a DER certificate"
                : "input holds no PEM block and is not DER");
        }
    }

    private static Parsed<CertificateRecord> Decode(long position, byte[] der) =>
        CertificateDecoder.Decode(der, out var error) is { } record
            ? Parsed<CertificateRecord>.Ok(position, record)
            : Parsed<CertificateRecord>.Fail(position, error ?? "not a decodable X.509 certificate");
}
