using System.Globalization;
using System.Text.Json;
using Sightline.Data.Entities;
using Sightline.Edm;

namespace Sightline.OData;

/// <summary>Graph's JSON conventions: lowerCamel enums, UTC dates with <c>Z</c>, typed host references.</summary>
public static class GraphJson
{
    /// <summary>Writer options: JSON only ever goes to API clients, so quotes and '&lt;' need no HTML escaping.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public const string ContentType = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

    public static string Date(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    public static string EnumName(Enum value)
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    public static string HostType(HostKind kind) => kind == HostKind.IpAddress ? "ipAddress" : "hostname";

    public static void WriteValue(Utf8JsonWriter json, string name, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNull(name);
                break;
            case string s:
                json.WriteString(name, s);
                break;
            case DateTimeOffset d:
                json.WriteString(name, Date(d));
                break;
            case bool b:
                json.WriteBoolean(name, b);
                break;
            case int i:
                json.WriteNumber(name, i);
                break;
            case long l:
                json.WriteNumber(name, l);
                break;
            case double d:
                json.WriteNumber(name, d);
                break;
            case Enum e:
                json.WriteString(name, EnumName(e));
                break;
            case IEnumerable<string> list:
                json.WriteStartArray(name);
                foreach (var item in list)
                {
                    json.WriteStringValue(item);
                }
                json.WriteEndArray();
                break;
            default:
                throw new InvalidOperationException($"No JSON form for {value.GetType().Name}.");
        }
    }

    /// <summary>A related host inlined as Graph does: <c>{"@odata.type": "#...hostname", "id": "..."}</c>.</summary>
    public static void WriteHostRef(Utf8JsonWriter json, string name, string id, HostKind kind)
    {
        json.WriteStartObject(name);
        json.WriteString("@odata.type", $"#{GraphModel.Namespace}.{HostType(kind)}");
        json.WriteString("id", id);
        json.WriteEndObject();
    }

    public static void WriteContent(Utf8JsonWriter json, string name, string? content, ContentFormat format)
    {
        json.WriteStartObject(name);
        json.WriteString("content", content);
        json.WriteString("format", EnumName(format));
        json.WriteEndObject();
    }
}
