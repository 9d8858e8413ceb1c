using System.Globalization;
using System.Text.Json;

namespace Sightline.Parsers.Har.Technologies;

/// <summary>
/// The Wappalyzer 6.10.47 fingerprints shipped in <c>Har/data/wappalyzer-technologies.json</c> (MIT, see the
/// LICENSE beside it), loaded once. Regexes compile lazily, so loading costs only the JSON read.
/// </summary>
internal sealed class TechnologyCatalog
{
    public const string ResourceName = "parsers/Har/data/wappalyzer-technologies.json";

    private static readonly Lazy<TechnologyCatalog> Shared = new(Load);

    private TechnologyCatalog(IReadOnlyDictionary<string, Technology> technologies, IReadOnlyDictionary<int, string> categories, RegexStats stats)
    {
        Technologies = technologies;
        Categories = categories;
        Stats = stats;
        Conditional = [.. technologies.Values.Where(t => t.IsConditional)];
        Index = new SignalIndex(technologies.Values.Where(t => !t.IsConditional));
    }

    public static TechnologyCatalog Default => Shared.Value;

    public IReadOnlyDictionary<string, Technology> Technologies { get; }

    public IReadOnlyDictionary<int, string> Categories { get; }

    public RegexStats Stats { get; }

    /// <summary>The patterns of the technologies looked for in every set of signals, by signal.</summary>
    public SignalIndex Index { get; }

    /// <summary>Technologies looked for only when what they require was detected.</summary>
    public IReadOnlyList<Technology> Conditional { get; }

    /// <summary>Compiles every pattern now (normally done on first use) and returns how many compiled and were skipped.</summary>
    public (int Compiled, int Skipped) CompileAll()
    {
        foreach (var pattern in Technologies.Values.SelectMany(t => t.AllPatterns()))
        {
            _ = pattern.Regex;
        }
        return (Stats.Compiled, Stats.Skipped);
    }

    public static TechnologyCatalog Load()
    {
        using var stream = typeof(TechnologyCatalog).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the build.");
        return Load(stream);
    }

    public static TechnologyCatalog Load(Stream stream)
    {
        using var doc = JsonDocument.Parse(stream);
        var categories = new Dictionary<int, string>();
        foreach (var c in doc.RootElement.GetProperty("categories").EnumerateObject())
        {
            categories[int.Parse(c.Name, CultureInfo.InvariantCulture)] = c.Value.GetString() ?? "";
        }
        var stats = new RegexStats();
        var technologies = new Dictionary<string, Technology>(StringComparer.Ordinal);
        foreach (var t in doc.RootElement.GetProperty("technologies").EnumerateObject())
        {
            technologies[t.Name] = Read(t.Name, t.Value, categories, stats);
        }
        return new TechnologyCatalog(technologies, categories, stats);
    }

    private static Technology Read(string name, JsonElement t, Dictionary<int, string> categories, RegexStats stats)
    {
        var ids = Strings(t, "cats").Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        return new Technology
        {
            Name = name,
            CategoryIds = ids,
            Category = ids.Length > 0 && categories.TryGetValue(ids[0], out var category) ? category : "",
            Headers = Keyed(t, "headers", stats),
            Cookies = Keyed(t, "cookies", stats),
            Meta = Keyed(t, "meta", stats),
            Html = Patterns(t, "html", stats),
            ScriptSrc = Patterns(t, "scriptSrc", stats),
            Url = Patterns(t, "url", stats),
            Implies = [.. Strings(t, "implies").Select(s => Pattern.Parse(s, stats)).Select(p => new Implied(p.Source, p.Version))],
            Requires = [.. Strings(t, "requires").Select(s => s.Split("\\;")[0])],
            RequiresCategory = [.. Strings(t, "requiresCategory").Select(s => int.Parse(s, CultureInfo.InvariantCulture))],
            Excludes = [.. Strings(t, "excludes").Select(s => s.Split("\\;")[0])],
        };
    }

    private static Pattern[] Patterns(JsonElement t, string name, RegexStats stats) =>
        [.. Strings(t, name).Select(s => Pattern.Parse(s, stats))];

    private static Dictionary<string, Pattern[]> Keyed(JsonElement t, string name, RegexStats stats)
    {
        var result = new Dictionary<string, Pattern[]>(StringComparer.Ordinal);
        if (t.TryGetProperty(name, out var keyed) && keyed.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in keyed.EnumerateObject())
            {
                // Wappalyzer lower-cases the keys and compares them with lower-cased names.
                result[p.Name.ToLowerInvariant()] = [.. Values(p.Value).Select(s => Pattern.Parse(s, stats))];
            }
        }
        return result;
    }

    /// <summary>A fingerprint field may be one value or an array of them; numbers are read as text.</summary>
    private static IEnumerable<string> Strings(JsonElement t, string name) =>
        t.TryGetProperty(name, out var value) ? Values(value) : [];

    private static IEnumerable<string> Values(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => value.EnumerateArray().SelectMany(Values).ToArray(),
        JsonValueKind.String => [value.GetString() ?? ""],
        JsonValueKind.Number => [value.GetRawText()],
        _ => [],
    };
}

/// <summary>
/// Patterns grouped by the signal they read (and by header, cookie or meta name), so that analysing a response
/// touches only the technologies that could match it rather than all 3,000+.
/// </summary>
internal sealed class SignalIndex
{
    public SignalIndex(IEnumerable<Technology> technologies)
    {
        foreach (var t in technologies)
        {
            AddKeyed(Headers, t, t.Headers);
            AddKeyed(Cookies, t, t.Cookies);
            AddKeyed(Meta, t, t.Meta);
            Add(Html, t, t.Html);
            Add(ScriptSrc, t, t.ScriptSrc);
            Add(Url, t, t.Url);
        }
    }

    public Dictionary<string, List<(Technology, Pattern[])>> Headers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<(Technology, Pattern[])>> Cookies { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<(Technology, Pattern[])>> Meta { get; } = new(StringComparer.Ordinal);

    public List<(Technology, Pattern[])> Html { get; } = [];

    public List<(Technology, Pattern[])> ScriptSrc { get; } = [];

    public List<(Technology, Pattern[])> Url { get; } = [];

    private static void Add(List<(Technology, Pattern[])> list, Technology t, Pattern[] patterns)
    {
        if (patterns.Length > 0)
        {
            list.Add((t, patterns));
        }
    }

    private static void AddKeyed(Dictionary<string, List<(Technology, Pattern[])>> index, Technology t, IReadOnlyDictionary<string, Pattern[]> keyed)
    {
        foreach (var (key, patterns) in keyed)
        {
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = [];
            }
            Add(list, t, patterns);
        }
    }
}
