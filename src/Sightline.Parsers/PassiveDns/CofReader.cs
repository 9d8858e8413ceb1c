using System.Globalization;
using System.Net;
using System.Text.Json;
using Sightline.Parsers.Common;

namespace Sightline.Parsers.PassiveDns;

/// <summary>
/// Reads passive DNS in the Common Output Format (draft-dulaunoy-dnsop-passive-dns-cof): one JSON object per
/// line with <c>rrname</c>, <c>rrtype</c>, <c>rdata</c> (a string or an array), <c>time_first</c>,
/// <c>time_last</c> (epoch seconds; <c>zone_time_*</c> accepted instead), and optionally <c>count</c>,
/// <c>sensor_id</c>, <c>bailiwick</c>. An array <c>rdata</c> gives one observation per answer.
/// </summary>
internal static class CofReader
{
    private const int MaxLineLength = 64 * 1024;

    public static IEnumerable<Parsed<PassiveDnsObservation>> Read(TextReader reader)
    {
        long lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            foreach (var item in ReadLine(line, lineNumber))
            {
                yield return item;
            }
        }
    }

    private static List<Parsed<PassiveDnsObservation>> ReadLine(string line, long position)
    {
        if (line.Length > MaxLineLength)
        {
            return [Parsed<PassiveDnsObservation>.Fail(position, $"line is longer than {MaxLineLength} characters")];
        }
        try
        {
            using var doc = JsonDocument.Parse(line);
            return FromObject(doc.RootElement, position);
        }
        catch (JsonException e)
        {
            return [Parsed<PassiveDnsObservation>.Fail(position, "not a JSON object: " + e.Message)];
        }
        catch (InvalidOperationException e)
        {
            return [Parsed<PassiveDnsObservation>.Fail(position, JsonText.Invalid(e))];
        }
    }

    private static List<Parsed<PassiveDnsObservation>> FromObject(JsonElement o, long position)
    {
        List<Parsed<PassiveDnsObservation>> Fail(string reason) => [Parsed<PassiveDnsObservation>.Fail(position, reason)];
        if (o.ValueKind != JsonValueKind.Object)
        {
            return Fail("not a JSON object");
        }
        if (String(o, "rrname") is not { } rawName || DnsText.NormalizeName(rawName) is not { } name)
        {
            return Fail("rrname is missing or not a valid DNS name");
        }
        if (String(o, "rrtype") is not { Length: > 0 } rawType)
        {
            return Fail("rrtype is missing");
        }
        var type = rawType.Trim().ToUpperInvariant();
        var first = Epoch(o, "time_first") ?? Epoch(o, "zone_time_first");
        var last = Epoch(o, "time_last") ?? Epoch(o, "zone_time_last");
        if (first is null || last is null)
        {
            return Fail("time_first and time_last (epoch seconds) are required");
        }
        if (first > last)
        {
            return Fail("time_first is after time_last");
        }
        var count = 1L;
        if (o.TryGetProperty("count", out var c) && (c.ValueKind != JsonValueKind.Number || !c.TryGetInt64(out count) || count < 0))
        {
            return Fail("count is not a non-negative integer");
        }
        if (!o.TryGetProperty("rdata", out var rdata))
        {
            return Fail("rdata is missing");
        }
        var answers = rdata.ValueKind switch
        {
            JsonValueKind.String => [rdata.GetString()!],
            JsonValueKind.Array when rdata.EnumerateArray().All(a => a.ValueKind == JsonValueKind.String) => rdata.EnumerateArray().Select(a => a.GetString()!).ToList(),
            _ => null,
        };
        if (answers is null || answers.Count == 0)
        {
            return Fail("rdata must be a string or a non-empty array of strings");
        }
        var sensor = String(o, "sensor_id");
        var results = new List<Parsed<PassiveDnsObservation>>(answers.Count);
        foreach (var answer in answers)
        {
            if (DnsText.NormalizeAnswer(type, answer) is not { } data)
            {
                return Fail($"rdata '{Truncate(answer)}' is not a valid {type} answer");
            }
            results.Add(Parsed<PassiveDnsObservation>.Ok(position, new PassiveDnsObservation(name, type, data, first.Value, last.Value, count, sensor)));
        }
        return results;
    }

    private static string? String(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static DateTimeOffset? Epoch(JsonElement o, string name)
    {
        if (!o.TryGetProperty(name, out var v))
        {
            return null;
        }
        long? seconds = v.ValueKind switch
        {
            JsonValueKind.Number when v.TryGetInt64(out var n) => n,
            JsonValueKind.String when long.TryParse(v.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
            _ => null,
        };
        // Epochs beyond year 9999 are not timestamps; reject rather than throw.
        return seconds is >= 0 and <= 253402300799 ? DateTimeOffset.FromUnixTimeSeconds(seconds.Value) : null;
    }

    private static string Truncate(string s) => s.Length <= 80 ? s : s[..80] + "...";
}

/// <summary>DNS text normalisation shared by the passive DNS reader.</summary>
internal static class DnsText
{
    public static string? NormalizeName(string raw)
    {
        var name = raw.Trim().TrimEnd('.').ToLowerInvariant();
        if (name.Length is 0 or > 253 || name.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }
        foreach (var label in name.Split('.'))
        {
            if (label.Length is 0 or > 63 || !label.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '*'))
            {
                return null;
            }
        }
        return name;
    }

    public static string? NormalizeAnswer(string type, string raw)
    {
        var text = raw.Trim();
        switch (type)
        {
            case "A":
                return IPAddress.TryParse(text, out var v4) && v4.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? v4.ToString() : null;
            case "AAAA":
                return IPAddress.TryParse(text, out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? v6.ToString() : null;
            case "CNAME" or "NS" or "PTR" or "DNAME":
                return NormalizeName(text);
            case "MX":
                return NormalizeName(LastWord(text));
            case "SRV":
                return NormalizeName(LastWord(text));
            case "SOA":
                return NormalizeName(text.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "");
            default:
                return text.Length is > 0 and <= 4096 ? text : null;
        }
    }

    private static string LastWord(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
}
