using System.Text;

namespace Sightline.Parsers.Har.Technologies;

/// <summary>
/// The longest run of plain text every match of a pattern must contain (".twic.pics" in <c>.+\.twic\.pics</c>).
/// Checking it with a vectorised IndexOf first skips the regex on the great majority of inputs, which matters
/// because thousands of patterns meet every script URL and hundreds every HTML page.
/// </summary>
internal static class RequiredLiteral
{
    private const int MinLength = 3;

    /// <summary>The literal, or null when the pattern has none worth checking (alternation at the top, too short).</summary>
    public static string? Find(string js)
    {
        string? best = null;
        var run = new StringBuilder();
        var depth = 0;
        for (var i = 0; i < js.Length; i++)
        {
            var c = js[i];
            char? literal = null;
            if (c == '\\' && i + 1 < js.Length)
            {
                i++;
                // Only escaped punctuation is a literal; \d, \w, \1... are not.
                literal = !char.IsLetterOrDigit(js[i]) && js[i] != '_' && depth == 0 ? js[i] : null;
                if (literal is null)
                {
                    Flush(run, ref best);
                }
            }
            else if (c == '[')
            {
                Flush(run, ref best);
                i = SkipClass(js, i);
            }
            else if (c == '(')
            {
                Flush(run, ref best);
                depth++;
            }
            else if (c == ')')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (c == '|' && depth == 0)
            {
                // An alternative at the top level means no literal is required by every match.
                return null;
            }
            else if ("^$.".Contains(c, StringComparison.Ordinal))
            {
                Flush(run, ref best);
            }
            else if ("?*+{".Contains(c, StringComparison.Ordinal))
            {
                // The quantified character may be absent: drop it from the run.
                if (depth == 0 && run.Length > 0)
                {
                    run.Length--;
                }
                Flush(run, ref best);
                if (c == '{' && js.IndexOf('}', i) is var close and > 0)
                {
                    i = close;
                }
            }
            else if (depth == 0)
            {
                literal = c;
            }
            if (literal is { } l)
            {
                run.Append(l);
            }
        }
        Flush(run, ref best);
        return best;
    }

    private static int SkipClass(string js, int i)
    {
        i++;
        if (i < js.Length && js[i] == '^')
        {
            i++;
        }
        if (i < js.Length && js[i] == ']')
        {
            return i;
        }
        for (; i < js.Length; i++)
        {
            if (js[i] == '\\')
            {
                i++;
            }
            else if (js[i] == ']')
            {
                return i;
            }
        }
        return i;
    }

    private static void Flush(StringBuilder run, ref string? best)
    {
        // ASCII only: OrdinalIgnoreCase then agrees with the regex's invariant case-insensitivity.
        if (run.Length >= MinLength && run.Length > (best?.Length ?? 0) && run.ToString().All(char.IsAscii))
        {
            best = run.ToString();
        }
        run.Clear();
    }
}
