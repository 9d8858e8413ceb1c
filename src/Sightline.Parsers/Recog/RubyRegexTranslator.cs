using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sightline.Parsers.Recog;

/// <summary>
/// Turns recog's Ruby (Onigmo) patterns and flag names into an equivalent .NET pattern and options.
/// </summary>
/// <remarks>
/// The differences that matter for recog data: in Ruby <c>^</c> and <c>$</c> always anchor at line boundaries (so
/// .NET needs <see cref="RegexOptions.Multiline"/>), and Ruby's <c>m</c> option (inline <c>(?m)</c> or the
/// REG_DOT_NEWLINE / REG_MULTILINE flags) means "dot matches newline", which is .NET's <c>s</c>. Ruby also knows
/// <c>\h</c>, POSIX bracket classes, possessive quantifiers, <c>{,n}</c>, ASCII-only <c>\d</c> and treats an
/// escaped unknown letter as the letter itself, where .NET would throw.
/// </remarks>
internal static class RubyRegexTranslator
{
    private const string HexDigits = "0-9a-fA-F";

    private static readonly Dictionary<string, string> _posixClasses = new(StringComparer.Ordinal)
    {
        ["alpha"] = "a-zA-Z",
        ["digit"] = "0-9",
        ["alnum"] = "a-zA-Z0-9",
        ["upper"] = "A-Z",
        ["lower"] = "a-z",
        ["xdigit"] = HexDigits,
        ["space"] = @"\s",
        ["blank"] = @" \t",
        ["word"] = @"\w",
        ["cntrl"] = @"\x00-\x1F\x7F",
        ["print"] = @"\x20-\x7E",
        ["graph"] = @"\x21-\x7E",
        ["punct"] = @"!-/:-@\[-`{-~",
    };

    // Escapes .NET understands with the same meaning as Ruby; any other escaped letter is a literal in Ruby.
    private const string DotNetLetterEscapes = "aAbBdDefGnrsStvwWxzZuPpck";

    /// <summary>Maps recog's <c>flags</c> attribute (comma separated) to .NET options.</summary>
    /// <exception cref="ArgumentException">A flag recog does not define.</exception>
    public static RegexOptions TranslateFlags(string? flags)
    {
        var options = RegexOptions.Multiline | RegexOptions.CultureInvariant;
        if (string.IsNullOrWhiteSpace(flags))
        {
            return options;
        }
        foreach (var raw in flags.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            options |= raw switch
            {
                "REG_ICASE" or "IGNORECASE" => RegexOptions.IgnoreCase,
                "REG_DOT_NEWLINE" or "REG_MULTILINE" or "REG_LINE_ANY_CRLF" or "MULTILINE" => RegexOptions.Singleline,
                _ => throw new ArgumentException($"unsupported recog regex flag '{raw}'", nameof(flags)),
            };
        }
        return options;
    }

    /// <summary>Rewrites a Ruby pattern so that .NET matches the same strings with the same groups.</summary>
    public static string TranslatePattern(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var output = new StringBuilder(pattern.Length + 16);
        var groupStarts = new Stack<int>();
        var atomStart = -1;
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                atomStart = output.Length;
                i = AppendEscape(pattern, i, output, inClass: false);
            }
            else if (c == '[')
            {
                atomStart = output.Length;
                i = AppendClass(pattern, i, output);
            }
            else if (c == '(')
            {
                groupStarts.Push(output.Length);
                i = AppendGroupOpening(pattern, i, output);
            }
            else if (c == ')')
            {
                atomStart = groupStarts.Count > 0 ? groupStarts.Pop() : -1;
                output.Append(c);
                i++;
            }
            else if (c is '*' or '+' or '?' or '{')
            {
                i = AppendQuantifier(pattern, i, output, atomStart);
            }
            else
            {
                atomStart = output.Length;
                output.Append(c);
                i++;
            }
        }
        return output.ToString();
    }

    private static int AppendQuantifier(string pattern, int i, StringBuilder output, int atomStart)
    {
        var end = i + 1;
        if (pattern[i] == '{')
        {
            var close = pattern.IndexOf('}', i);
            if (close < 0 || !IsCountedRepetition(pattern.AsSpan(i + 1, close - i - 1)))
            {
                // A brace that is not a repetition is a literal in both dialects.
                output.Append('{');
                return i + 1;
            }
            var body = pattern[(i + 1)..close];
            output.Append('{').Append(body.StartsWith(',') ? "0" + body : body).Append('}');
            end = close + 1;
            if (end < pattern.Length && pattern[end] == '+' && atomStart >= 0)
            {
                // Ruby reads "{n}+" as a repeated interval (not possessive); .NET rejects the nested quantifier.
                output.Insert(atomStart, "(?:").Append(')');
            }
            return end;
        }
        else
        {
            output.Append(pattern[i]);
        }
        if (end < pattern.Length && pattern[end] == '+' && atomStart >= 0)
        {
            // Possessive quantifier: .NET has none, an atomic group around atom+quantifier is equivalent.
            output.Insert(atomStart, "(?>").Append(')');
            return end + 1;
        }
        return end;
    }

    private static bool IsCountedRepetition(ReadOnlySpan<char> body)
    {
        var comma = body.IndexOf(',');
        if (body.IsEmpty || body.LastIndexOf(',') != comma)
        {
            return false;
        }
        var digits = comma < 0 ? body : body[..comma];
        var after = comma < 0 ? [] : body[(comma + 1)..];
        var allDigits = !digits.ContainsAnyExcept("0123456789") && !after.ContainsAnyExcept("0123456789");
        return allDigits && (digits.Length > 0 || after.Length > 0);
    }

    private static int AppendGroupOpening(string pattern, int i, StringBuilder output)
    {
        // Inline options "(?imx-imx)" or "(?imx-imx:": Ruby's m is .NET's s (dot matches newline).
        var j = i + 2;
        if (i + 1 < pattern.Length && pattern[i + 1] == '?')
        {
            while (j < pattern.Length && pattern[j] is 'i' or 'm' or 'x' or '-')
            {
                j++;
            }
            if (j > i + 2 && j < pattern.Length && pattern[j] is ')' or ':')
            {
                output.Append("(?").Append(pattern.AsSpan(i + 2, j - i - 2).ToString().Replace('m', 's'));
                return j;
            }
            output.Append("(?");
            return i + 2;
        }
        output.Append('(');
        return i + 1;
    }

    private static int AppendClass(string pattern, int i, StringBuilder output)
    {
        output.Append('[');
        i++;
        if (i < pattern.Length && pattern[i] == '^')
        {
            output.Append('^');
            i++;
        }
        if (i < pattern.Length && pattern[i] == ']')
        {
            output.Append(@"\]");
            i++;
        }
        while (i < pattern.Length && pattern[i] != ']')
        {
            if (pattern[i] == '\\' && i + 1 < pattern.Length)
            {
                i = AppendEscape(pattern, i, output, inClass: true);
            }
            else if (pattern[i] == '[' && TryPosixClass(pattern, i, out var posix, out var next))
            {
                output.Append(posix);
                i = next;
            }
            else
            {
                // A bare '[' inside a class is literal in .NET; escape it so that it stays literal.
                output.Append(pattern[i] == '[' ? @"\[" : pattern[i].ToString());
                i++;
            }
        }
        if (i < pattern.Length)
        {
            output.Append(']');
            i++;
        }
        return i;
    }

    private static bool TryPosixClass(string pattern, int i, out string replacement, out int next)
    {
        replacement = "";
        next = i;
        if (i + 1 >= pattern.Length || pattern[i + 1] != ':')
        {
            return false;
        }
        var close = pattern.IndexOf(":]", i + 2, StringComparison.Ordinal);
        if (close < 0 || !_posixClasses.TryGetValue(pattern[(i + 2)..close], out var mapped))
        {
            return false;
        }
        replacement = mapped;
        next = close + 2;
        return true;
    }

    private static int AppendEscape(string pattern, int i, StringBuilder output, bool inClass)
    {
        var e = pattern[i + 1];
        switch (e)
        {
            case 'h':
                output.Append(inClass ? HexDigits : "[" + HexDigits + "]");
                return i + 2;
            case 'H' when !inClass:
                output.Append("[^" + HexDigits + "]");
                return i + 2;
            case 'd':
                // Ruby's \d is ASCII only; .NET's would also take other scripts' digits.
                output.Append(inClass ? "0-9" : "[0-9]");
                return i + 2;
            case 'x':
                return AppendHexEscape(pattern, i, output);
            default:
                break;
        }
        if (char.IsAsciiLetter(e) && !DotNetLetterEscapes.Contains(e, StringComparison.Ordinal) || e == '_')
        {
            // Ruby takes an unknown escaped letter literally; .NET would reject the pattern.
            output.Append(e);
            return i + 2;
        }
        output.Append('\\').Append(e);
        return i + 2;
    }

    private static int AppendHexEscape(string pattern, int i, StringBuilder output)
    {
        // Ruby accepts one or two hex digits after \x, .NET exactly two.
        var j = i + 2;
        while (j < pattern.Length && j < i + 4 && char.IsAsciiHexDigit(pattern[j]))
        {
            j++;
        }
        var hex = pattern[(i + 2)..j];
        var value = hex.Length == 0 ? 0 : int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        output.Append(CultureInfo.InvariantCulture, $@"\x{value:X2}");
        return j;
    }
}
