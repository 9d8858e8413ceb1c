using System.Text.RegularExpressions;

namespace Sightline.Parsers.Recog;

/// <summary>One <c>&lt;param&gt;</c>: a fixed value (<see cref="Position"/> 0, may hold <c>{other.param}</c>
/// placeholders) or the capture group number to read.</summary>
internal sealed record RecogParam(int Position, string Name, string? Value);

/// <summary>One <c>&lt;example&gt;</c>: the text to identify and the parameter values it must yield.</summary>
internal sealed record RecogExample(string Text, IReadOnlyDictionary<string, string> Expected);

/// <summary>One <c>&lt;fingerprint&gt;</c> of a database.</summary>
internal sealed record RecogFingerprint
{
    public required string Description { get; init; }

    /// <summary>The pattern as recog wrote it (Ruby syntax).</summary>
    public required string Pattern { get; init; }

    public required Regex Regex { get; init; }

    /// <summary>
    /// The same pattern on .NET's linear-time engine, built only when <see cref="Regex"/> times out on some text
    /// (nested quantifiers such as <c>(.+)* http</c> explode in a backtracking engine); null where that engine
    /// lacks a construct the pattern uses.
    /// </summary>
    public Lazy<Regex?> Linear { get; init; } = new(() => null);

    public required IReadOnlyList<RecogParam> Params { get; init; }

    /// <summary>Empty unless the database was loaded with its examples (tests).</summary>
    public required IReadOnlyList<RecogExample> Examples { get; init; }
}

/// <summary>A fingerprint database (one recog XML file).</summary>
internal sealed record RecogDatabase
{
    /// <summary>The <c>matches</c> attribute, or the file name without extension when absent (as recog does).</summary>
    public required string MatchesKey { get; init; }

    public string? Protocol { get; init; }

    public string? DatabaseType { get; init; }

    /// <summary>Recog's ordering weight between databases (higher first); 0.10 when absent.</summary>
    public double Preference { get; init; } = 0.10;

    public required IReadOnlyList<RecogFingerprint> Fingerprints { get; init; }

    /// <summary>Fingerprints whose pattern .NET could not compile even after translation, with the reason.</summary>
    public IReadOnlyList<string> Rejected { get; init; } = [];
}

/// <summary>The outcome of identifying one text: the fingerprint that matched and the parameters it yields.</summary>
internal sealed record RecogMatch
{
    public required string MatchesKey { get; init; }

    /// <summary>The fingerprint's description.</summary>
    public required string Description { get; init; }

    /// <summary>Recog parameter names (<c>service.vendor</c>, <c>service.product</c>, <c>os.version</c>...) to values.</summary>
    public required IReadOnlyDictionary<string, string> Params { get; init; }

    internal RecogFingerprint? Fingerprint { get; init; }

    public string? Vendor => First("service.vendor", "os.vendor", "hw.vendor");

    public string? Product => First("service.product", "os.product", "hw.product", "service.family", "os.family");

    /// <summary>The version of whatever <see cref="Product"/> names (service first, then OS, then hardware).</summary>
    public string? Version => Params.ContainsKey("service.product") || Params.ContainsKey("service.vendor")
        ? Get("service.version")
        : Get("os.version") ?? Get("hw.version");

    /// <summary>A coarse component category for the Graph <c>hostComponent.category</c>.</summary>
    public string Category => RecogCategories.For(this);

    public string? Get(string name) => Params.TryGetValue(name, out var value) ? value : null;

    private string? First(params string[] names)
    {
        foreach (var name in names)
        {
            if (Params.TryGetValue(name, out var value) && value.Length > 0)
            {
                return value;
            }
        }
        return null;
    }
}
