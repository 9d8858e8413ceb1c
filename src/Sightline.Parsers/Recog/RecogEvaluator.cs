using System.Text;
using System.Text.RegularExpressions;

namespace Sightline.Parsers.Recog;

/// <summary>Applies one fingerprint to a text and builds the parameters it yields, the way recog does.</summary>
internal static class RecogEvaluator
{
    public static RecogMatch? Evaluate(RecogDatabase database, RecogFingerprint fingerprint, string text)
    {
        var match = Run(fingerprint, text);
        if (match is null || !match.Success)
        {
            return null;
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var param in fingerprint.Params)
        {
            var value = param.Position == 0 ? param.Value ?? "" : GroupValue(match, param.Position);
            if (value is null)
            {
                // Recog stores nil for a group that took no part in the match; we leave the name out.
                values.Remove(param.Name);
            }
            else
            {
                values[param.Name] = value;
            }
        }
        Interpolate(fingerprint, values);
        if (database.Protocol is { Length: > 0 } protocol)
        {
            values.TryAdd("service.protocol", protocol);
        }
        return new RecogMatch
        {
            MatchesKey = database.MatchesKey,
            Description = fingerprint.Description,
            Params = values,
            Fingerprint = fingerprint,
        };
    }

    private static Match? Run(RecogFingerprint fingerprint, string text)
    {
        try
        {
            return fingerprint.Regex.Match(text);
        }
        catch (RegexMatchTimeoutException)
        {
            try
            {
                return fingerprint.Linear.Value?.Match(text);
            }
            catch (RegexMatchTimeoutException)
            {
                // Still too slow: count it as no match rather than failing the whole import.
                return null;
            }
        }
    }

    private static string? GroupValue(Match match, int position) =>
        position < match.Groups.Count && match.Groups[position].Success ? match.Groups[position].Value : null;

    /// <summary>Fixed values may name other parameters in braces (<c>cpe:/a:apache:http_server:{service.version}</c>).</summary>
    private static void Interpolate(RecogFingerprint fingerprint, Dictionary<string, string> values)
    {
        foreach (var param in fingerprint.Params)
        {
            if (param.Position != 0 || param.Value is null || !param.Value.Contains('{', StringComparison.Ordinal))
            {
                continue;
            }
            values[param.Name] = Substitute(param.Value, values);
        }
    }

    private static string Substitute(string template, Dictionary<string, string> values)
    {
        var output = new StringBuilder(template.Length);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (close < 0)
            {
                output.Append(template, i, template.Length - i);
                break;
            }
            output.Append(template, i, open - i);
            var name = template[(open + 1)..close];
            output.Append(values.TryGetValue(name, out var value) ? value : "");
            i = close + 1;
        }
        return output.ToString();
    }
}
