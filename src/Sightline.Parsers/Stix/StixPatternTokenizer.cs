using System.Globalization;
using System.Text;

namespace Sightline.Parsers.Stix;

internal enum PatternTokenKind
{
    End,
    LeftBracket,
    RightBracket,
    LeftParen,
    RightParen,
    Comma,
    Colon,
    Dot,
    Star,
    Operator,
    String,
    Timestamp,
    Hex,
    Binary,
    Number,
    Word,
}

/// <summary>One lexical token of a STIX pattern; <see cref="Text"/> is unescaped for string literals.</summary>
internal readonly record struct PatternToken(PatternTokenKind Kind, string Text, int Offset)
{
    public bool IsWord(string keyword) => Kind == PatternTokenKind.Word && string.Equals(Text, keyword, StringComparison.Ordinal);
}

/// <summary>Raised inside the pattern parser only; the parser turns it into a note, never lets it out.</summary>
internal sealed class PatternSyntaxException(int offset, string message) : Exception(message)
{
    public int Offset { get; } = offset;
}

/// <summary>
/// Splits a STIX pattern into tokens (STIX 2.1 part 9). Strings are single-quoted with <c>\'</c> and <c>\\</c> as
/// the only escapes; a backslash before any other character is kept as written, because real bundles contain
/// Windows paths with single backslashes.
/// </summary>
internal static class StixPatternTokenizer
{
    public static List<PatternToken> Tokenize(string pattern)
    {
        var tokens = new List<PatternToken>();
        var i = 0;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            var start = i;
            switch (c)
            {
                case '[': tokens.Add(new(PatternTokenKind.LeftBracket, "[", i++)); continue;
                case ']': tokens.Add(new(PatternTokenKind.RightBracket, "]", i++)); continue;
                case '(': tokens.Add(new(PatternTokenKind.LeftParen, "(", i++)); continue;
                case ')': tokens.Add(new(PatternTokenKind.RightParen, ")", i++)); continue;
                case ',': tokens.Add(new(PatternTokenKind.Comma, ",", i++)); continue;
                case ':': tokens.Add(new(PatternTokenKind.Colon, ":", i++)); continue;
                case '.': tokens.Add(new(PatternTokenKind.Dot, ".", i++)); continue;
                case '*': tokens.Add(new(PatternTokenKind.Star, "*", i++)); continue;
                case '\'':
                    tokens.Add(new(PatternTokenKind.String, ReadString(pattern, ref i), start));
                    continue;
                default:
                    break;
            }
            if (c is '=' or '!' or '<' or '>')
            {
                tokens.Add(new(PatternTokenKind.Operator, ReadOperator(pattern, ref i), start));
            }
            else if (char.IsAsciiDigit(c) || (c is '-' or '+' && i + 1 < pattern.Length && char.IsAsciiDigit(pattern[i + 1])))
            {
                tokens.Add(new(PatternTokenKind.Number, ReadNumber(pattern, ref i), start));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                tokens.Add(ReadWordOrPrefixedString(pattern, ref i));
            }
            else
            {
                throw new PatternSyntaxException(i, $"unexpected character '{c}'");
            }
        }
        tokens.Add(new(PatternTokenKind.End, "", pattern.Length));
        return tokens;
    }

    private static string ReadString(string pattern, ref int i)
    {
        var start = i;
        var text = new StringBuilder();
        i++;
        while (i < pattern.Length)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length && pattern[i + 1] is '\'' or '\\')
            {
                text.Append(pattern[i + 1]);
                i += 2;
                continue;
            }
            if (c == '\'')
            {
                i++;
                return text.ToString();
            }
            text.Append(c);
            i++;
        }
        throw new PatternSyntaxException(start, "unterminated string literal");
    }

    private static string ReadOperator(string pattern, ref int i)
    {
        var two = i + 1 < pattern.Length ? pattern.Substring(i, 2) : "";
        if (two is "!=" or "<>" or "<=" or ">=" or "==")
        {
            i += 2;
            return two == "==" ? "=" : two;
        }
        if (pattern[i] == '!')
        {
            throw new PatternSyntaxException(i, "'!' must be followed by '='");
        }
        return pattern[i++].ToString();
    }

    private static string ReadNumber(string pattern, ref int i)
    {
        var start = i++;
        while (i < pattern.Length && (char.IsAsciiDigit(pattern[i]) || pattern[i] == '.'))
        {
            i++;
        }
        var text = pattern[start..i];
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            throw new PatternSyntaxException(start, $"malformed number '{text}'");
        }
        return text;
    }

    private static PatternToken ReadWordOrPrefixedString(string pattern, ref int i)
    {
        var start = i;
        // t'...', h'...', b'...' are timestamp, hex and binary literals.
        if (pattern[i] is 't' or 'h' or 'b' && i + 1 < pattern.Length && pattern[i + 1] == '\'')
        {
            var kind = pattern[i] switch { 't' => PatternTokenKind.Timestamp, 'h' => PatternTokenKind.Hex, _ => PatternTokenKind.Binary };
            i++;
            return new(kind, ReadString(pattern, ref i), start);
        }
        // Object types and property names may hold hyphens (domain-name, ipv4-addr, SHA-256).
        while (i < pattern.Length && (char.IsAsciiLetterOrDigit(pattern[i]) || pattern[i] is '_' or '-'))
        {
            i++;
        }
        return new(PatternTokenKind.Word, pattern[start..i], start);
    }
}
