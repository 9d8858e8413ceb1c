using System.Text;
using System.Text.RegularExpressions;

namespace Sightline.Parsers.Articles;

/// <summary>
/// Undoes the usual ways analysts "defang" indicators so nobody clicks them: <c>hxxp</c>, <c>hXXps</c>,
/// <c>fxp</c>, <c>[.]</c>, <c>(.)</c>, <c>{.}</c>, <c>[dot]</c>, <c>(dot)</c>, <c>[:]</c>, <c>[://]</c>, <c>[@]</c>,
/// <c>[at]</c>, <c>(at)</c>. Also reports which spans of the result were rewritten, because a defanged name is a
/// deliberate indicator and gets the benefit of the doubt (<c>invoice[.]zip</c> is a domain, <c>invoice.zip</c> a file).
/// </summary>
internal static partial class Refanger
{
    /// <summary>The refanged text; <paramref name="rewritten"/> holds the [start, end) spans of it that were replaced.</summary>
    public static string Refang(string text, out List<(int Start, int End)> rewritten)
    {
        rewritten = [];
        var builder = new StringBuilder(text.Length);
        var last = 0;
        foreach (Match match in Defanged().Matches(text))
        {
            builder.Append(text, last, match.Index - last);
            var start = builder.Length;
            builder.Append(Replacement(match));
            rewritten.Add((start, builder.Length));
            last = match.Index + match.Length;
        }
        if (last == 0)
        {
            return text;
        }
        builder.Append(text, last, text.Length - last);
        return builder.ToString();
    }

    private static string Replacement(Match match)
    {
        if (match.Groups["dot"].Success)
        {
            return ".";
        }
        if (match.Groups["at"].Success)
        {
            return "@";
        }
        if (match.Groups["slashes"].Success)
        {
            return "://";
        }
        if (match.Groups["colon"].Success)
        {
            return ":";
        }
        if (match.Groups["ftp"].Success)
        {
            return "ftp";
        }
        return match.Groups["s"].Length > 0 ? "https" : "http";
    }

    [GeneratedRegex("""
        (?<dot>\s?\[\s*dot\s*\]\s?|\s?\(\s*dot\s*\)\s?|\s?\{\s*dot\s*\}\s?|\[\s*\.\s*\]|\(\s*\.\s*\)|\{\s*\.\s*\})
        |(?<at>\s?\[\s*at\s*\]\s?|\s?\(\s*at\s*\)\s?|\[\s*@\s*\]|\(\s*@\s*\))
        |(?<slashes>\[://\])
        |(?<colon>\[:\])
        |(?<ftp>\bfxp(?=\[?:))
        |(?<http>\bhxxp(?<s>s?)(?=\[?:|\[://\]))
        """, RegexOptions.IgnoreCase | RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Defanged();
}
