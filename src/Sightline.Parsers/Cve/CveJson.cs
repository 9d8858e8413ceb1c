using System.Globalization;
using System.Text.Json;

namespace Sightline.Parsers.Cve;

/// <summary>Raised while mapping one record; the reader turns it into a Fail for that record.</summary>
internal sealed class CveFormatException(string message) : Exception(message);

/// <summary>
/// Lenient property access for CVE/KEV JSON: optional values of an unexpected JSON type read as absent, because
/// the CVE schema allows much and producers vary; only the fields a record cannot do without are enforced.
/// </summary>
internal static class CveJson
{
    public static JsonElement? Object(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    public static IEnumerable<JsonElement> Objects(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
            : [];

    public static string? String(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static double? Number(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.GetDouble()
            : null;

    public static IReadOnlyList<string> Strings(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : [];

    /// <summary>An ISO 8601 timestamp or date; CVE records often omit the offset, which means UTC.</summary>
    public static DateTimeOffset? Timestamp(JsonElement obj, string name) => ParseTimestamp(String(obj, name));

    public static DateTimeOffset? ParseTimestamp(string? text) =>
        text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value.ToUniversalTime()
            : null;

    /// <summary>The CVE id upper-cased, or an error when it is not <c>CVE-yyyy-nnnn…</c>.</summary>
    public static string CveId(string? text)
    {
        var id = text?.Trim().ToUpperInvariant();
        return id is not null && CvePatterns.CveId().IsMatch(id)
            ? id
            : throw new CveFormatException(text is null ? "no CVE id" : $"'{text}' is not a CVE id");
    }
}
