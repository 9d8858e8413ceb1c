using System.Globalization;

namespace Sightline.Parsers.Har.Technologies;

/// <summary>What one response shows Wappalyzer: keyed signals have lower-case keys.</summary>
internal sealed class Signals
{
    public Dictionary<string, List<string>> Headers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<string>> Cookies { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<string>> Meta { get; } = new(StringComparer.Ordinal);

    public List<string> ScriptSrc { get; } = [];

    public string? Html { get; set; }

    public string? Url { get; set; }

    public static void Add(Dictionary<string, List<string>> keyed, string key, string value)
    {
        if (!keyed.TryGetValue(key, out var values))
        {
            keyed[key] = values = [];
        }
        values.Add(value);
    }
}

/// <summary>
/// Wappalyzer's analysis on one set of signals: match the patterns, look for the technologies that require
/// what was found, keep the longest plausible version, drop excluded technologies, add implied ones.
/// </summary>
internal sealed class TechnologyMatcher(TechnologyCatalog catalog)
{
    public IReadOnlyList<Detection> Analyze(Signals signals)
    {
        var found = new Dictionary<string, Detection>(StringComparer.Ordinal);
        var index = catalog.Index;
        MatchKeyed(index.Headers, signals.Headers, found);
        MatchKeyed(index.Cookies, signals.Cookies, found);
        MatchKeyed(index.Meta, signals.Meta, found);
        if (signals.Html is { } html)
        {
            MatchAll(index.Html, html, found);
        }
        if (signals.Url is { } url)
        {
            MatchAll(index.Url, url, found);
        }
        foreach (var src in signals.ScriptSrc)
        {
            MatchAll(index.ScriptSrc, src, found);
        }
        if (found.Count > 0)
        {
            MatchConditional(signals, found);
        }
        foreach (var excluded in found.Values.SelectMany(d => d.Technology.Excludes).ToList())
        {
            found.Remove(excluded);
        }
        AddImplied(found);
        return [.. found.Values];
    }

    /// <summary>Technologies that require another (or a category) are only looked for once it was found.</summary>
    private void MatchConditional(Signals signals, Dictionary<string, Detection> found)
    {
        var categories = found.Values.SelectMany(d => d.Technology.CategoryIds).ToHashSet();
        foreach (var t in catalog.Conditional)
        {
            if (!t.Requires.Any(found.ContainsKey) && !t.RequiresCategory.Any(categories.Contains))
            {
                continue;
            }
            foreach (var (key, patterns) in t.Headers)
            {
                MatchValues(t, patterns, signals.Headers.GetValueOrDefault(key), found);
            }
            foreach (var (key, patterns) in t.Cookies)
            {
                MatchValues(t, patterns, signals.Cookies.GetValueOrDefault(key), found);
            }
            foreach (var (key, patterns) in t.Meta)
            {
                MatchValues(t, patterns, signals.Meta.GetValueOrDefault(key), found);
            }
            MatchValues(t, t.Html, signals.Html is { } html ? [html] : null, found);
            MatchValues(t, t.Url, signals.Url is { } url ? [url] : null, found);
            MatchValues(t, t.ScriptSrc, signals.ScriptSrc, found);
        }
    }

    private void MatchKeyed(Dictionary<string, List<(Technology, Pattern[])>> index, Dictionary<string, List<string>> values, Dictionary<string, Detection> found)
    {
        foreach (var (key, list) in values)
        {
            if (index.TryGetValue(key, out var candidates))
            {
                foreach (var (technology, patterns) in candidates)
                {
                    MatchValues(technology, patterns, list, found);
                }
            }
        }
    }

    private void MatchAll(List<(Technology, Pattern[])> index, string value, Dictionary<string, Detection> found)
    {
        var lowered = value.ToLowerInvariant();
        foreach (var (technology, patterns) in index)
        {
            Record(technology, patterns, value, lowered, found);
        }
    }

    private void MatchValues(Technology technology, Pattern[] patterns, List<string>? values, Dictionary<string, Detection> found)
    {
        if (values is null)
        {
            return;
        }
        foreach (var value in values)
        {
            Record(technology, patterns, value, value.ToLowerInvariant(), found);
        }
    }

    private void Record(Technology technology, Pattern[] patterns, string value, string lowered, Dictionary<string, Detection> found)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.TryMatch(value, lowered, catalog.Stats, out var version))
            {
                found[technology.Name] = found.TryGetValue(technology.Name, out var earlier)
                    ? earlier with { Version = Better(earlier.Version, version) }
                    : new Detection(technology, Better("", version));
            }
        }
    }
    /// <summary>Implied technologies, transitively (WordPress → PHP), unless already detected.</summary>
    private void AddImplied(Dictionary<string, Detection> found)
    {
        var queue = new Queue<Detection>(found.Values);
        while (queue.TryDequeue(out var detection))
        {
            foreach (var implied in detection.Technology.Implies)
            {
                if (!found.ContainsKey(implied.Name) && catalog.Technologies.TryGetValue(implied.Name, out var technology))
                {
                    var added = new Detection(technology, Plausible(implied.Version) ? implied.Version : "");
                    found[implied.Name] = added;
                    queue.Enqueue(added);
                }
            }
        }
    }

    /// <summary>Wappalyzer keeps the longest version, ignoring ones over 15 characters or that look like timestamps.</summary>
    private static string Better(string current, string candidate) =>
        candidate.Length > current.Length && Plausible(candidate) ? candidate : current;

    private static bool Plausible(string version)
    {
        var digits = 0;
        while (digits < version.Length && char.IsAsciiDigit(version[digits]))
        {
            digits++;
        }
        var leading = digits == 0 ? 0 : long.TryParse(version.AsSpan(0, Math.Min(digits, 18)), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : long.MaxValue;
        return version.Length <= 15 && leading < 10000;
    }
}
