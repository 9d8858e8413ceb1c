using System.Text.Json;

namespace Sightline.Data.Demo;

/// <summary>Reads the MISP threat-actor galaxy (CC0): synonyms, country of origin and targeted sectors.</summary>
internal static class DemoMisp
{
    private static readonly Dictionary<string, string> _countries = new(StringComparer.Ordinal)
    {
        ["CN"] = "China",
        ["IR"] = "Iran",
        ["KP"] = "North Korea",
        ["KR"] = "South Korea",
        ["RU"] = "Russia",
        ["US"] = "United States",
        ["UA"] = "Ukraine",
        ["BY"] = "Belarus",
        ["VN"] = "Vietnam",
        ["IN"] = "India",
        ["PK"] = "Pakistan",
        ["LB"] = "Lebanon",
        ["GB"] = "United Kingdom",
    };

    /// <summary>"Sector: Subsector" forms of the CFR target categories.</summary>
    private static readonly Dictionary<string, string> _targets = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Government"] = "Government: National government",
        ["Military"] = "Government: Defense",
        ["Private sector"] = "Private sector: Commercial",
        ["Civil society"] = "Civil society: Non-governmental organizations",
    };

    /// <summary>
    /// The galaxy entry that best matches the intrusion set: its name as the value (100 points) or as a synonym
    /// (50), plus one point for each ATT&amp;CK alias among the entry's value and synonyms.
    /// </summary>
    public static JsonElement? Find(List<JsonElement> galaxy, JsonElement intrusionSet)
    {
        var name = intrusionSet.Str("name")!;
        var aliases = intrusionSet.Strings("aliases").ToHashSet(StringComparer.OrdinalIgnoreCase);
        JsonElement? best = null;
        var bestScore = 0;
        foreach (var value in galaxy)
        {
            var names = Synonyms(value).Append(value.Str("value") ?? "").ToList();
            var score = (string.Equals(value.Str("value"), name, StringComparison.OrdinalIgnoreCase) ? 100 : 0)
                + (names.Contains(name, StringComparer.OrdinalIgnoreCase) ? 50 : 0)
                + names.Count(aliases.Contains);
            if (score > bestScore)
            {
                best = value;
                bestScore = score;
            }
        }

        return best;
    }

    public static List<(string Code, string Label)> Countries(JsonElement? actor)
    {
        var code = actor?.Obj("meta")?.Str("country");
        if (code is null)
        {
            return [];
        }

        var sponsor = actor?.Obj("meta")?.Str("cfr-suspected-state-sponsor");
        var label = _countries.TryGetValue(code, out var known) ? known : sponsor ?? code;
        return [(code, label)];
    }

    public static List<string> Targets(JsonElement? actor) =>
        Strings(actor, "cfr-target-category").Select(c => _targets.TryGetValue(c, out var t) ? t : c)
            .Concat(Strings(actor, "targeted-sector"))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>A meta value that may be a string or an array of strings.</summary>
    public static List<string> Strings(JsonElement? actor, string name)
    {
        if (actor?.Obj("meta") is not { } meta || !meta.TryGetProperty(name, out var value))
        {
            return [];
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => [value.GetString()!],
            JsonValueKind.Array => [.. value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
            _ => [],
        };
    }

    private static IEnumerable<string> Synonyms(JsonElement value) => value.Obj("meta")?.Strings("synonyms") ?? [];
}
