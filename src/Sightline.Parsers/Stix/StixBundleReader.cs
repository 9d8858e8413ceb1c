using System.Globalization;
using System.Text.Json;
using Sightline.Parsers.Common;

namespace Sightline.Parsers.Stix;

/// <summary>
/// Reads a STIX 2.0 or 2.1 bundle (<c>{"type":"bundle","objects":[...]}</c>) object by object without loading
/// the whole document. Position is the 1-based index in <c>objects</c>. A malformed object is one Fail and
/// reading goes on; input that is not JSON, not a bundle or has no <c>objects</c> array is one Fail (position 0
/// when no object was reached). Invalid JSON inside the array stops the read after a Fail at that position,
/// since nothing after a syntax error can be trusted.
/// </summary>
internal static class StixBundleReader
{
    public static IEnumerable<Parsed<StixObject>> Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadCore(stream);
    }

    private static IEnumerable<Parsed<StixObject>> ReadCore(Stream stream)
    {
        var json = new JsonValueStream(stream);
        var error = SeekObjects(json);
        if (error is not null)
        {
            yield return Parsed<StixObject>.Fail(0, error);
            yield break;
        }
        foreach (var item in json.ReadEach(MapOne, "invalid JSON in the objects array: "))
        {
            yield return item;
        }
    }

    private static Parsed<StixObject> MapOne(long position, JsonElement element)
    {
        try
        {
            return Parsed<StixObject>.Ok(position, StixObjectMapper.Map(element));
        }
        catch (StixObjectException ex)
        {
            var id = element.ValueKind == JsonValueKind.Object && element.TryGetProperty("id", out var idValue)
                && idValue.ValueKind == JsonValueKind.String ? $" ({idValue.GetString()})" : "";
            return Parsed<StixObject>.Fail(position, $"object {position.ToString(CultureInfo.InvariantCulture)}{id}: {ex.Message}");
        }
    }

    /// <summary>Moves to just inside the top-level <c>objects</c> array; returns why not when it cannot.</summary>
    private static string? SeekObjects(JsonValueStream json)
    {
        try
        {
            var first = json.ReadToken();
            if (first == JsonTokenType.None)
            {
                return "the input is empty";
            }
            if (first != JsonTokenType.StartObject)
            {
                return "not a STIX bundle: the document is not a JSON object";
            }
            while (true)
            {
                var token = json.ReadToken();
                if (token != JsonTokenType.PropertyName)
                {
                    return "not a STIX bundle: no 'objects' array";
                }
                if (string.Equals(json.PropertyName, "objects", StringComparison.Ordinal))
                {
                    return json.ReadToken() == JsonTokenType.StartArray ? null : "not a STIX bundle: 'objects' is not an array";
                }
                if (string.Equals(json.PropertyName, "type", StringComparison.Ordinal)
                    && json.ReadValue() is { } type && !IsBundleType(type))
                {
                    return $"not a STIX bundle: type is {type.GetRawText()}";
                }
                else if (!string.Equals(json.PropertyName, "type", StringComparison.Ordinal))
                {
                    json.SkipValue();
                }
            }
        }
        catch (JsonException ex)
        {
            return $"not valid JSON: {ex.Message}";
        }
        catch (InvalidOperationException ex)
        {
            return "not a STIX bundle: " + JsonText.Invalid(ex);
        }
    }

    private static bool IsBundleType(JsonElement type) =>
        type.ValueKind == JsonValueKind.String && string.Equals(type.GetString(), "bundle", StringComparison.Ordinal);
}
