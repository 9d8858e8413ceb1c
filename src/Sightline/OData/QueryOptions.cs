namespace Sightline.OData;

/// <summary>
/// The OData system query options of one request, read from the raw query string the way real Graph
/// clients send them: <c>$top</c> or <c>%24top</c> or the dollar-less <c>top</c>, names in any case,
/// <c>+</c> or <c>%20</c> for spaces, empty pairs and a trailing <c>&amp;</c> ignored. A repeated option is an
/// error; options that are not OData system options (such as <c>$sort</c>) are ignored, as Graph ignores them.
/// </summary>
public sealed class QueryOptions
{
    private static readonly string[] _known = ["filter", "select", "expand", "orderby", "top", "skip", "count", "search", "skiptoken", "format"];

    private readonly Dictionary<string, string> _values;

    private QueryOptions(Dictionary<string, string> values) => _values = values;

    public string? Filter => Get("filter");
    public string? Select => Get("select");
    public string? Expand => Get("expand");
    public string? OrderBy => Get("orderby");
    public string? Search => Get("search");
    public int? Top => Integer("top");
    public int? Skip => Integer("skip");

    /// <summary>A pivot set's continuation (the last seek key of the previous page).</summary>
    public string? SkipToken => Get("skiptoken");

    /// <summary>Elsewhere, a numeric <c>$skiptoken</c> is taken as <c>$skip</c>, as it always was.</summary>
    public int? SkipOrNumericToken => Skip ?? Integer("skiptoken");
    public bool Count => Get("count") is { } c && ParseBool("$count", c);

    /// <summary>The options in canonical form (<c>$name</c>), for the OData parser and for next links.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    public static QueryOptions Parse(string? rawQuery)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var query = (rawQuery ?? "").TrimStart('?');
        foreach (var pair in query.Split('&'))
        {
            if (pair.Length == 0)
            {
                continue;
            }
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Decode(eq < 0 ? pair : pair[..eq]).Trim();
            var value = eq < 0 ? "" : Decode(pair[(eq + 1)..]);
            var bare = name.StartsWith('$') ? name[1..] : name;
            var canonical = Array.Find(_known, k => string.Equals(k, bare, StringComparison.OrdinalIgnoreCase));
            if (canonical is null)
            {
                continue;
            }
            if (!values.TryAdd(canonical, value))
            {
                throw GraphException.BadRequest($"Query option '${canonical}' was specified more than once, but it must be specified at most once.");
            }
        }
        return new QueryOptions(values);
    }

    public string? Get(string name) => _values.TryGetValue(name, out var v) ? v : null;

    private int? Integer(string name)
    {
        if (Get(name) is not { } text)
        {
            return null;
        }
        if (!int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n))
        {
            throw GraphException.BadRequest($"Invalid value '{text}' for query option '${name}': expected a non-negative integer.");
        }
        return n;
    }

    private static bool ParseBool(string option, string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" => true,
        "false" => false,
        _ => throw GraphException.BadRequest($"Invalid value '{text}' for query option '{option}': expected true or false."),
    };

    // Form encoding: '+' is a space in a query string (Rust and Python clients send it for spaces).
    private static string Decode(string part) => Uri.UnescapeDataString(part.Replace('+', ' '));
}
