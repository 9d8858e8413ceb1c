using System.Globalization;
using System.Text.Json;

namespace Sightline.Parsers.Stix;

/// <summary>Raised while mapping one object; the reader turns it into a Fail for that object and goes on.</summary>
internal sealed class StixObjectException(string message) : Exception(message);

/// <summary>
/// Typed property access on one STIX object. An absent or null property reads as null/empty; a property of the
/// wrong JSON type is an error for the object, so a malformed producer is reported rather than silently dropped.
/// </summary>
internal static class StixJson
{
    public static string? String(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new StixObjectException($"'{name}' must be a string, not {Kind(value)}");
    }

    public static string RequiredString(JsonElement obj, string name) =>
        String(obj, name) is { Length: > 0 } text ? text : throw new StixObjectException($"'{name}' is missing or empty");

    public static bool Bool(JsonElement obj, string name) => OptionalBool(obj, name) ?? false;

    public static bool? OptionalBool(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new StixObjectException($"'{name}' must be a boolean, not {Kind(value)}"),
        };
    }

    /// <summary>A list of strings; a single string is accepted as a one-item list (seen in real identity_class).</summary>
    public static IReadOnlyList<string> Strings(JsonElement obj, string name)
    {
        if (!obj.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (value.ValueKind == JsonValueKind.String)
        {
            return [value.GetString()!];
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new StixObjectException($"'{name}' must be a list of strings, not {Kind(value)}");
        }
        var list = new List<string>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            list.Add(item.ValueKind == JsonValueKind.String
                ? item.GetString()!
                : throw new StixObjectException($"'{name}' must hold only strings, found {Kind(item)}"));
        }
        return list;
    }

    /// <summary>Several list properties merged in order, de-duplicated ignoring case (aliases, labels/types).</summary>
    public static IReadOnlyList<string> MergedStrings(JsonElement obj, params string[] names)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var list = new List<string>();
        foreach (var name in names)
        {
            foreach (var item in Strings(obj, name))
            {
                var trimmed = item.Trim();
                if (trimmed.Length > 0 && seen.Add(trimmed))
                {
                    list.Add(trimmed);
                }
            }
        }
        return list;
    }

    /// <summary>An RFC 3339 timestamp, converted to UTC.</summary>
    public static DateTimeOffset? Timestamp(JsonElement obj, string name)
    {
        var text = String(obj, name);
        if (text is null)
        {
            return null;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value.ToUniversalTime()
            : throw new StixObjectException($"'{name}' is not a timestamp: '{text}'");
    }

    public static IReadOnlyList<StixExternalReference> ExternalReferences(JsonElement obj)
    {
        if (!obj.TryGetProperty("external_references", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new StixObjectException($"'external_references' must be a list, not {Kind(value)}");
        }
        var list = new List<StixExternalReference>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new StixObjectException($"'external_references' must hold objects, found {Kind(item)}");
            }
            list.Add(new StixExternalReference(
                String(item, "source_name") ?? "",
                String(item, "external_id"),
                String(item, "url"),
                String(item, "description")));
        }
        return list;
    }

    /// <summary>The phase names of <c>kill_chain_phases</c>.</summary>
    public static IReadOnlyList<string> KillChainPhases(JsonElement obj)
    {
        if (!obj.TryGetProperty("kill_chain_phases", out var value) || value.ValueKind != JsonValueKind.Array)
        {
            return [];
        }
        return [.. value.EnumerateArray()
            .Where(p => p.ValueKind == JsonValueKind.Object)
            .Select(p => String(p, "phase_name"))
            .OfType<string>()];
    }

    public static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
