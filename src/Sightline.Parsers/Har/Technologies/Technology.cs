namespace Sightline.Parsers.Har.Technologies;

/// <summary>One Wappalyzer technology, reduced to the signals a HAR carries.</summary>
internal sealed class Technology
{
    public required string Name { get; init; }

    /// <summary>The first category's name, which is what Sightline records as the component's category.</summary>
    public required string Category { get; init; }

    public required IReadOnlyList<int> CategoryIds { get; init; }

    /// <summary>Keyed by lower-case header name.</summary>
    public required IReadOnlyDictionary<string, Pattern[]> Headers { get; init; }

    /// <summary>Keyed by lower-case cookie name (<c>_ga_*</c> stands for every GA4 cookie).</summary>
    public required IReadOnlyDictionary<string, Pattern[]> Cookies { get; init; }

    /// <summary>Keyed by lower-case meta name or property.</summary>
    public required IReadOnlyDictionary<string, Pattern[]> Meta { get; init; }

    public required Pattern[] Html { get; init; }

    public required Pattern[] ScriptSrc { get; init; }

    public required Pattern[] Url { get; init; }

    public required IReadOnlyList<Implied> Implies { get; init; }

    /// <summary>Only looked for once one of these technologies is detected.</summary>
    public required IReadOnlyList<string> Requires { get; init; }

    /// <summary>Only looked for once a technology of one of these categories is detected.</summary>
    public required IReadOnlyList<int> RequiresCategory { get; init; }

    public required IReadOnlyList<string> Excludes { get; init; }

    public bool IsConditional => Requires.Count > 0 || RequiresCategory.Count > 0;

    public IEnumerable<Pattern> AllPatterns() =>
        Headers.Values.Concat(Cookies.Values).Concat(Meta.Values).SelectMany(p => p).Concat(Html).Concat(ScriptSrc).Concat(Url);
}

/// <summary>A technology another one implies (WordPress implies PHP), with the version the fingerprint gives it.</summary>
internal sealed record Implied(string Name, string Version);

/// <summary>A technology found in one set of signals, with the best version seen.</summary>
internal sealed record Detection(Technology Technology, string Version);
