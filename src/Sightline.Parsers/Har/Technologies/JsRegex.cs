using System.Text;
using System.Text.RegularExpressions;

namespace Sightline.Parsers.Har.Technologies;

/// <summary>
/// Wappalyzer patterns are JavaScript regular expressions compiled with the <c>i</c> flag. This turns one into a
/// .NET regex with the same meaning where the two dialects differ, and bounds the greedy quantifiers as
/// Wappalyzer itself does (<c>+</c> to <c>{1,250}</c>, <c>*</c> to <c>{0,250}</c>) so that long pages cannot
/// make a pattern crawl. Each match also runs under a timeout.
/// </summary>
internal static class JsRegex
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>Compiles <paramref name="pattern"/>, or returns null when .NET cannot express it.</summary>
    public static Regex? TryCompile(string pattern)
    {
        try
        {
            return new Regex(Translate(pattern), Options, MatchTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    public static string Translate(string js)
    {
        var sb = new StringBuilder(js.Length + 16);
        var inClass = false;
        var afterShorthand = false;
        for (var i = 0; i < js.Length; i++)
        {
            var c = js[i];
            var wasShorthand = afterShorthand;
            afterShorthand = false;
            if (c == '\\' && i + 1 < js.Length)
            {
                i = Escape(js, i, inClass, sb, out afterShorthand);
            }
            else if (inClass)
            {
                inClass = InClass(js, i, c, wasShorthand, sb);
            }
            else if (c == '[')
            {
                i = OpenClass(js, i, sb, out inClass);
            }
            else if (c is '+' or '*' && i > 0)
            {
                // A quantifier (an unescaped + or * outside a class); bounded as Wappalyzer does.
                sb.Append(c == '+' ? "{1,250}" : "{0,250}");
            }
            else
            {
                sb.Append(c);
            }
        }
        return sb.ToString();
    }

    /// <summary>JS's empty class <c>[]</c> never matches and <c>[^]</c> matches anything; .NET reads both differently.</summary>
    private static int OpenClass(string js, int i, StringBuilder sb, out bool inClass)
    {
        if (i + 1 < js.Length && js[i + 1] == ']')
        {
            sb.Append("(?!)");
            inClass = false;
            return i + 1;
        }
        if (i + 2 < js.Length && js[i + 1] == '^' && js[i + 2] == ']')
        {
            sb.Append(@"[\s\S]");
            inClass = false;
            return i + 2;
        }
        sb.Append('[');
        if (i + 1 < js.Length && js[i + 1] == '^')
        {
            sb.Append('^');
            i++;
        }
        inClass = true;
        return i;
    }

    private static bool InClass(string js, int i, char c, bool afterShorthand, StringBuilder sb)
    {
        switch (c)
        {
            case ']':
                sb.Append(']');
                return false;
            case '[':
                // .NET reads "-[" as class subtraction; in JS a [ inside a class is a plain character.
                sb.Append(@"\[");
                return true;
            case '-':
                // JS allows \w-. as three members; .NET rejects a range starting or ending at a shorthand class.
                var beforeEscape = i + 2 < js.Length && js[i + 1] == '\\' && "dDwWsS".Contains(js[i + 2], StringComparison.Ordinal);
                sb.Append(afterShorthand || beforeEscape ? @"\-" : "-");
                return true;
            default:
                sb.Append(c);
                return true;
        }
    }

    /// <summary>Copies one escape; JS (without the u flag) reads an unknown letter escape as the letter itself.</summary>
    private static int Escape(string js, int i, bool inClass, StringBuilder sb, out bool shorthand)
    {
        var n = js[i + 1];
        shorthand = "dDwWsS".Contains(n, StringComparison.Ordinal);
        if (char.IsAsciiDigit(n) || !char.IsLetterOrDigit(n) && n != '_')
        {
            sb.Append('\\').Append(n);
            return i + 1;
        }
        var known = n switch
        {
            'd' or 'D' or 'w' or 'W' or 's' or 'S' or 'n' or 'r' or 't' or 'f' or 'v' => true,
            'b' => true,
            'B' => !inClass,
            'x' => HexFollows(js, i + 2, 2),
            'u' => HexFollows(js, i + 2, 4),
            'c' => i + 2 < js.Length && char.IsAsciiLetter(js[i + 2]),
            'k' => !inClass && i + 2 < js.Length && js[i + 2] == '<',
            _ => false,
        };
        if (known)
        {
            sb.Append('\\').Append(n);
        }
        else
        {
            sb.Append(Regex.Escape(n.ToString()));
        }
        return i + 1;
    }

    private static bool HexFollows(string js, int from, int count)
    {
        if (from + count > js.Length)
        {
            return false;
        }
        for (var k = from; k < from + count; k++)
        {
            if (!char.IsAsciiHexDigit(js[k]))
            {
                return false;
            }
        }
        return true;
    }
}
