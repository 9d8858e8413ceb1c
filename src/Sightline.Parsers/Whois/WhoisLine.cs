using System.Text;
using System.Text.RegularExpressions;

namespace Sightline.Parsers.Whois;

/// <summary>
/// One meaningful line of a WHOIS response: a "key: value" pair (Key set, normalized) or a bare text line
/// (Key null), with its indentation, 1-based line number and paragraph number (blank lines separate paragraphs).
/// </summary>
internal sealed record WhoisLine(int Number, int Paragraph, int Indent, string? Key, string Value)
{
    public bool IsBare => Key is null;
}

/// <summary>Splits raw WHOIS text into <see cref="WhoisLine"/>s, dropping banners, comments and rulers.</summary>
internal static partial class WhoisLineReader
{
    // Keys longer than this are sentences of a legal notice that happen to contain a colon.
    private const int MaxKeyWords = 7;

    public static List<WhoisLine> Read(string text)
    {
        var lines = new List<WhoisLine>();
        var paragraph = 0;
        var previousBlank = true;
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.TrimEnd('\r', ' ', '\t', '\u00a0');
            // Hostmaster.ua titles its contact objects in comments: "% Administrative Contacts:".
            if (CommentTitleRegex().Match(line) is { Success: true } title)
            {
                line = title.Groups[1].Value;
            }
            // Trabis (.tr) marks its keys with "** ".
            if (line.StartsWith("** ", StringComparison.Ordinal))
            {
                line = line[3..];
            }
            if (line.Length == 0 || IsNoise(line))
            {
                // A comment or ruler is not a paragraph break: some registries put rulers under section titles.
                if (line.Length == 0 && !previousBlank)
                {
                    paragraph++;
                    previousBlank = true;
                }
                continue;
            }
            previousBlank = false;
            lines.Add(Split(number, paragraph, line));
        }
        return lines;
    }

    private static bool IsNoise(string line)
    {
        var body = line.TrimStart();
        if (body.StartsWith('%') || body.StartsWith('#') || body.StartsWith(">>>", StringComparison.Ordinal)
            || body.StartsWith('*'))
        {
            return true;
        }
        // JPRS wraps its notice in "[ ... ]" lines; a real "[Key]" line has no space after the bracket.
        if (body.StartsWith("[ ", StringComparison.Ordinal) && body.EndsWith(']'))
        {
            return true;
        }
        return RulerRegex().IsMatch(body);
    }

    private static WhoisLine Split(int number, int paragraph, string line)
    {
        var indent = Indent(line);
        var body = line.Trim();
        var bracket = BracketKeyRegex().Match(body);
        if (bracket.Success)
        {
            return new WhoisLine(number, paragraph, indent, Normalize(bracket.Groups[1].Value), bracket.Groups[2].Value.Trim());
        }
        var phrase = DatePhraseRegex().Match(body);
        if (phrase.Success)
        {
            return new WhoisLine(number, paragraph, indent, Normalize(phrase.Groups[1].Value), phrase.Groups[2].Value);
        }
        var colon = body.IndexOf(':', StringComparison.Ordinal);
        // HKIRC explains its keys in brackets: "Company English Name (It should be the same as ...): IBM".
        var key = colon > 0 ? LongRemarkRegex().Replace(body[..colon], "") : "";
        if (colon > 0 && IsKey(key) && !body[(colon + 1)..].StartsWith("//", StringComparison.Ordinal))
        {
            return new WhoisLine(number, paragraph, indent, Normalize(key), body[(colon + 1)..].Trim());
        }
        var tab = body.IndexOf('\t', StringComparison.Ordinal);
        if (tab > 0 && IsKey(body[..tab]))
        {
            return new WhoisLine(number, paragraph, indent, Normalize(body[..tab]), body[(tab + 1)..].Trim());
        }
        return new WhoisLine(number, paragraph, indent, null, body);
    }

    private static bool IsKey(string candidate)
    {
        var key = candidate.Trim();
        if (key.Length == 0 || key.Length > 60 || key.Contains("http", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var words = key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // "ns1.example.net 2001" (a host followed by an IPv6 address) is data, not a key.
        return words.Length <= MaxKeyWords && !HostLikeRegex().IsMatch(words[0]);
    }

    private static int Indent(string line)
    {
        var width = 0;
        foreach (var c in line)
        {
            if (c == ' ') { width++; }
            else if (c == '\t') { width += 8; }
            else { break; }
        }
        return width;
    }

    /// <summary>Lower-case, punctuation to single spaces: "Registrant State/Province" → "registrant state province".</summary>
    public static string Normalize(string key)
    {
        var sb = new StringBuilder(key.Length);
        foreach (var c in key.ToLowerInvariant())
        {
            var keep = char.IsLetterOrDigit(c);
            if (keep) { sb.Append(c); }
            else if (sb.Length > 0 && sb[^1] != ' ') { sb.Append(' '); }
        }
        return sb.ToString().Trim();
    }

    [GeneratedRegex(@"^%\s*([A-Za-z][A-Za-z ]{2,40}):$")]
    private static partial Regex CommentTitleRegex();

    [GeneratedRegex(@"\s*\([^)]{20,}\)\s*")]
    private static partial Regex LongRemarkRegex();

    [GeneratedRegex(@"^[-=_*~+ ]{3,}$")]
    private static partial Regex RulerRegex();

    // JPRS: "a. [Domain Name]   GOOGLE.CO.JP" or "[State]   Connected".
    [GeneratedRegex(@"^(?:[a-z]\.\s*)?\[([^\]\[]{1,60})\]\s*(.*)$")]
    private static partial Regex BracketKeyRegex();

    [GeneratedRegex(@"^[a-z0-9-]+(\.[a-z0-9-]+)+\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex HostLikeRegex();

    // .mo: "Record created on 2018-02-05 22:59:12".
    [GeneratedRegex(@"^([A-Za-z][A-Za-z ]{2,40}?\s(?:on|at|registered|expires|created))\s+(\d{1,4}[-./]\d.*)$")]
    private static partial Regex DatePhraseRegex();
}
