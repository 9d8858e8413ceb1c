using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;

namespace Sightline.Parsers.Recog;

/// <summary>Reads one recog fingerprint XML file into a <see cref="RecogDatabase"/>.</summary>
internal static class RecogDatabaseLoader
{
    /// <summary>Bounds one fingerprint's match so a pathological banner cannot stall an import.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    private static readonly UTF8Encoding _strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static XmlReaderSettings Settings => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    /// <summary>Reads only the root element's attributes: the key the database answers to.</summary>
    public static (string MatchesKey, string? Protocol, double Preference) ReadHeader(Stream xml, string fileName)
    {
        using var reader = XmlReader.Create(xml, Settings);
        reader.MoveToContent();
        return (KeyOf(reader, fileName), reader.GetAttribute("protocol"), PreferenceOf(reader));
    }

    /// <exception cref="XmlException">The file is not well-formed XML.</exception>
    public static RecogDatabase Load(Stream xml, string fileName, bool withExamples)
    {
        using var reader = XmlReader.Create(xml, Settings);
        reader.MoveToContent();
        var key = KeyOf(reader, fileName);
        var protocol = reader.GetAttribute("protocol")?.ToLowerInvariant();
        var type = reader.GetAttribute("database_type");
        var preference = PreferenceOf(reader);
        var fingerprints = new List<RecogFingerprint>();
        var rejected = new List<string>();
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Name == "fingerprint")
            {
                var pattern = reader.GetAttribute("pattern") ?? "";
                var flags = reader.GetAttribute("flags");
                var body = ReadBody(reader.ReadSubtree(), withExamples);
                try
                {
                    var translated = RubyRegexTranslator.TranslatePattern(pattern);
                    var options = RubyRegexTranslator.TranslateFlags(flags);
                    var regex = new Regex(translated, options, MatchTimeout);
                    fingerprints.Add(body with { Pattern = pattern, Regex = regex, Linear = new(() => LinearOrNull(translated, options)) });
                }
                catch (ArgumentException ex)
                {
                    rejected.Add($"{body.Description}: {ex.Message}");
                }
            }
        }
        return new RecogDatabase
        {
            MatchesKey = key,
            Protocol = protocol,
            DatabaseType = type,
            Preference = preference,
            Fingerprints = fingerprints,
            Rejected = rejected,
        };
    }

    private static Regex? LinearOrNull(string pattern, RegexOptions options)
    {
        try
        {
            return new Regex(pattern, options | RegexOptions.NonBacktracking, MatchTimeout);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    private static string KeyOf(XmlReader root, string fileName) =>
        root.GetAttribute("matches") is { Length: > 0 } matches ? matches : Path.GetFileNameWithoutExtension(fileName);

    private static double PreferenceOf(XmlReader root) =>
        double.TryParse(root.GetAttribute("preference"), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) ? p : 0.10;

    private static RecogFingerprint ReadBody(XmlReader sub, bool withExamples)
    {
        using (sub)
        {
            var description = "";
            var parameters = new List<RecogParam>();
            var examples = new List<RecogExample>();
            sub.Read();
            while (!sub.EOF)
            {
                if (sub.NodeType != XmlNodeType.Element || sub.Depth != 1)
                {
                    sub.Read();
                    continue;
                }
                switch (sub.Name)
                {
                    case "description":
                        description = CollapseWhitespace(sub.ReadElementContentAsString());
                        break;
                    case "param":
                        parameters.Add(ReadParam(sub));
                        sub.Read();
                        break;
                    case "example" when withExamples:
                        examples.Add(ReadExample(sub));
                        break;
                    default:
                        sub.Skip();
                        break;
                }
            }
            return new RecogFingerprint { Description = description, Pattern = "", Regex = null!, Params = parameters, Examples = examples };
        }
    }

    private static RecogParam ReadParam(XmlReader sub)
    {
        var pos = int.TryParse(sub.GetAttribute("pos"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) ? p : 0;
        return new RecogParam(pos, sub.GetAttribute("name") ?? "", sub.GetAttribute("value"));
    }

    private static RecogExample ReadExample(XmlReader sub)
    {
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        string? encoding = null;
        while (sub.MoveToNextAttribute())
        {
            if (sub.Name == "_encoding")
            {
                encoding = sub.Value;
            }
            else if (!sub.Name.StartsWith('_'))
            {
                expected[sub.Name] = sub.Value;
            }
        }
        sub.MoveToElement();
        var content = sub.ReadElementContentAsString();
        var text = encoding == "base64" ? DecodeBytes(Convert.FromBase64String(content.Trim())) : content;
        return new RecogExample(text, expected);
    }

    /// <summary>
    /// Binary probe answers (telnet negotiation, LDAP) are matched byte for byte: bytes that are not valid UTF-8
    /// become one char each (Latin-1), so <c>\xFF</c> in a pattern meets byte 0xFF.
    /// </summary>
    public static string DecodeBytes(byte[] bytes)
    {
        try
        {
            return _strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    private static string CollapseWhitespace(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
