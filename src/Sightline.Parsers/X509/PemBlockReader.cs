using System.Text;

namespace Sightline.Parsers.X509;

/// <summary>One PEM block (RFC 7468) as found in text: its label and body, or why it could not be read.</summary>
internal readonly record struct PemBlock(long Position, string Label, byte[]? Data, string? Error);

/// <summary>
/// Streams the PEM blocks of a text one at a time, ignoring the text between blocks (OpenSSL dumps and chain
/// files put subject lines and comments there). Only certificate blocks are base64-decoded; other blocks are
/// reported by label so the caller can name them.
/// </summary>
internal static class PemBlockReader
{
    // A certificate body beyond this is not a certificate; the cap keeps one bad block from eating memory.
    private const int _maxBodyChars = 8 * 1024 * 1024;
    private const string _begin = "-----BEGIN ";
    private const string _end = "-----END ";
    private const string _dashes = "-----";

    /// <summary>Labels whose body is a DER certificate (the second is OpenSSL's pre-RFC 7468 spelling).</summary>
    internal static bool IsCertificateLabel(string label) =>
        label is "CERTIFICATE" or "X509 CERTIFICATE" or "TRUSTED CERTIFICATE";

    public static IEnumerable<PemBlock> Read(TextReader reader)
    {
        long position = 0;
        string? label = null;
        var body = new StringBuilder();
        var oversized = false;
        while (reader.ReadLine() is { } raw)
        {
            var line = raw.Trim();
            if (TryLabel(line, _begin, out var beginLabel))
            {
                if (label is not null)
                {
                    yield return new PemBlock(position, label, null, $"PEM block '{label}' has no END line before the next BEGIN");
                }
                position++;
                label = beginLabel;
                body.Clear();
                oversized = false;
            }
            else if (label is not null && TryLabel(line, _end, out var endLabel))
            {
                yield return Finish(position, label, endLabel, body, oversized);
                label = null;
            }
            else if (label is not null && !oversized)
            {
                oversized = body.Length + line.Length > _maxBodyChars;
                body.Append(line);
            }
        }
        if (label is not null)
        {
            yield return new PemBlock(position, label, null, $"PEM block '{label}' is truncated: no END line");
        }
    }

    private static PemBlock Finish(long position, string label, string endLabel, StringBuilder body, bool oversized)
    {
        if (!string.Equals(label, endLabel, StringComparison.Ordinal))
        {
            return new PemBlock(position, label, null, $"PEM block BEGIN '{label}' ends with END '{endLabel}'");
        }
        if (!IsCertificateLabel(label))
        {
            return new PemBlock(position, label, null, $"PEM block '{label}' is not a certificate");
        }
        if (oversized)
        {
            return new PemBlock(position, label, null, $"PEM block '{label}' is larger than {_maxBodyChars} characters");
        }
        var text = body.ToString();
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        if (text.Length == 0 || !Convert.TryFromBase64String(text, buffer, out var written))
        {
            return new PemBlock(position, label, null, $"PEM block '{label}' has broken base64");
        }
        return new PemBlock(position, label, buffer.AsSpan(0, written).ToArray(), null);
    }

    private static bool TryLabel(string line, string prefix, out string label)
    {
        label = string.Empty;
        if (line.Length <= prefix.Length + _dashes.Length
            || !line.StartsWith(prefix, StringComparison.Ordinal)
            || !line.EndsWith(_dashes, StringComparison.Ordinal))
        {
            return false;
        }
        label = line[prefix.Length..^_dashes.Length];
        return true;
    }
}
