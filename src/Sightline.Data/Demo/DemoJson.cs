using System.Text.Json;

namespace Sightline.Data.Demo;

/// <summary>Small helpers over <see cref="JsonElement"/> for the embedded data files.</summary>
internal static class DemoJson
{
    public static string? Str(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static IEnumerable<JsonElement> Arr(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];

    public static IEnumerable<string> Strings(this JsonElement element, string name) =>
        element.Arr(name).Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!);

    public static JsonElement? Obj(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.Object
            ? value
            : null;
}
