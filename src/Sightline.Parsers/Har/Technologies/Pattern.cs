using System.Globalization;
using System.Text.RegularExpressions;

namespace Sightline.Parsers.Har.Technologies;

/// <summary>
/// One Wappalyzer pattern: <c>regex\;version:\1\;confidence:50</c>. The regex is compiled on first use (most
/// of the 3,000+ technologies never meet a matching signal) and skipped for good if .NET cannot compile it.
/// </summary>
internal sealed class Pattern
{
    private static readonly Regex[] Ternaries = [.. Enumerable.Range(0, 10).Select(Ternary)];

    private readonly Lazy<Regex?> _regex;

    private Pattern(string source, string version, int confidence, RegexStats stats)
    {
        Source = source;
        Version = version;
        Confidence = confidence;
        _regex = new Lazy<Regex?>(() => stats.Compile(source));
        Literal = RequiredLiteral.Find(source)?.ToLowerInvariant();
    }

    /// <summary>The regex as written in the fingerprint (JavaScript dialect).</summary>
    public string Source { get; }

    /// <summary>The version template: empty, a literal, <c>\1</c>, or the ternary <c>\1?yes:no</c>.</summary>
    public string Version { get; }

    public int Confidence { get; }

    /// <summary>Lower-case text every match contains, checked before running the regex; null when there is none.</summary>
    public string? Literal { get; }

    /// <summary>Null when .NET could not compile the pattern.</summary>
    public Regex? Regex => _regex.Value;

    public static Pattern Parse(string text, RegexStats stats)
    {
        var parts = text.Split("\\;");
        var version = "";
        var confidence = 100;
        foreach (var attribute in parts.Skip(1))
        {
            var colon = attribute.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }
            var value = attribute[(colon + 1)..];
            switch (attribute[..colon])
            {
                case "version":
                    version = value;
                    break;
                case "confidence" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var c):
                    confidence = c;
                    break;
            }
        }
        return new Pattern(parts[0], version, confidence, stats);
    }

    /// <summary>Matches <paramref name="value"/>; a pattern that cannot compile or times out does not match.</summary>
    public bool TryMatch(string value, RegexStats stats, out string version) => TryMatch(value, value.ToLowerInvariant(), stats, out version);

    /// <summary>
    /// Matches <paramref name="value"/>, given also lower-cased (an ordinal search of the lower-cased text is
    /// far faster than a case-insensitive one, and callers lower a page once for hundreds of patterns).
    /// </summary>
    public bool TryMatch(string value, string lowered, RegexStats stats, out string version)
    {
        version = "";
        if (Literal is { } literal && !lowered.Contains(literal, StringComparison.Ordinal))
        {
            return false;
        }
        if (Regex is not { } regex)
        {
            return false;
        }
        Match match;
        try
        {
            match = regex.Match(value);
        }
        catch (RegexMatchTimeoutException)
        {
            stats.CountTimeout();
            return false;
        }
        if (!match.Success)
        {
            return false;
        }
        version = ResolveVersion(Version, match);
        return true;
    }

    /// <summary>
    /// Fills the version template from the match the way Wappalyzer does: for each group index in turn, a
    /// ternary <c>\N?a:b</c> picks a or b on whether group N matched something, then <c>\N</c> is replaced.
    /// </summary>
    public static string ResolveVersion(string template, Match match)
    {
        if (template.Length == 0)
        {
            return "";
        }
        var resolved = template;
        for (var index = 0; index < match.Groups.Count; index++)
        {
            var group = match.Groups[index];
            var value = group.Success ? group.Value : "";
            var ternary = (index < Ternaries.Length ? Ternaries[index] : Ternary(index)).Match(template);
            if (ternary.Success)
            {
                // As in Wappalyzer, the ternary rewrites the template afresh (earlier substitutions are dropped).
                var pick = value.Length > 0 ? ternary.Groups[1].Value : ternary.Groups[2].Value;
                var at = template.IndexOf(ternary.Value, StringComparison.Ordinal);
                resolved = string.Concat(template.AsSpan(0, at), pick, template.AsSpan(at + ternary.Value.Length));
            }
            resolved = resolved.Trim().Replace("\\" + index.ToString(CultureInfo.InvariantCulture), value, StringComparison.Ordinal);
        }
        return resolved;
    }

    private static Regex Ternary(int index) =>
        new(@"\\" + index.ToString(CultureInfo.InvariantCulture) + @"\?([^:]+):(.*)$", RegexOptions.CultureInvariant);
}

/// <summary>Counts, shared by all patterns of a catalogue, of regexes compiled, skipped and timed out.</summary>
internal sealed class RegexStats
{
    private int _compiled;
    private int _skipped;
    private int _timeouts;

    public int Compiled => Volatile.Read(ref _compiled);

    /// <summary>Patterns .NET could not compile, even after translation from JavaScript.</summary>
    public int Skipped => Volatile.Read(ref _skipped);

    public int Timeouts => Volatile.Read(ref _timeouts);

    public Regex? Compile(string source)
    {
        var regex = JsRegex.TryCompile(source);
        Interlocked.Increment(ref regex is null ? ref _skipped : ref _compiled);
        return regex;
    }

    public void CountTimeout() => Interlocked.Increment(ref _timeouts);
}
