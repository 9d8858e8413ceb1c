using System.Globalization;
using System.Text.Json;
using Sightline.Parsers.Common;

namespace Sightline.Parsers.X509;

/// <summary>
/// Reads certificate sightings, one JSON object per line:
/// <c>{"host":"contoso.com","port":443,"seen":"2026-10-01T12:00:00Z","lastSeen":"...","pem":"-----BEGIN CERTIFICATE-----..."}</c>
/// with <c>der</c> (base64) in place of <c>pem</c> as an alternative. Position is the line number; blank lines are skipped.
/// </summary>
internal static class CertificateSightingParser
{
    private static readonly JsonDocumentOptions _jsonOptions = new() { MaxDepth = 8 };

    public static IEnumerable<Parsed<CertificateSightingRecord>> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return ParseCore(reader);
    }

    private static IEnumerable<Parsed<CertificateSightingRecord>> ParseCore(TextReader reader)
    {
        long line = 0;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }
            var record = ParseLine(text, out var error);
            yield return record is null
                ? Parsed<CertificateSightingRecord>.Fail(line, error ?? "unreadable sighting")
                : Parsed<CertificateSightingRecord>.Ok(line, record);
        }
    }

    private static CertificateSightingRecord? ParseLine(string text, out string? error)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, _jsonOptions);
        }
        catch (JsonException e)
        {
            error = $"invalid JSON: {e.Message}";
            return null;
        }
        using (document)
        {
            try
            {
                return document.RootElement.ValueKind == JsonValueKind.Object
                    ? FromObject(document.RootElement, out error)
                    : Reject("a sighting line must be a JSON object", out error);
            }
            catch (InvalidOperationException e)
            {
                return Reject(JsonText.Invalid(e), out error);
            }
        }
    }

    private static CertificateSightingRecord? FromObject(JsonElement root, out string? error)
    {
        if (String(root, "host") is not { } rawHost)
        {
            return Reject("missing or non-string 'host'", out error);
        }
        if (HostName.Normalize(rawHost, out error) is not { } host)
        {
            return null;
        }
        if (!root.TryGetProperty("port", out var portElement) || portElement.ValueKind != JsonValueKind.Number)
        {
            return Reject("missing or non-numeric 'port'", out error);
        }
        if (!portElement.TryGetInt32(out var port) || port is < 1 or > 65535)
        {
            return Reject($"port {portElement.GetRawText()} is not an integer in 1..65535", out error);
        }
        if (Time(root, "seen", required: true, out error) is not { } seen)
        {
            return null;
        }
        var lastSeen = Time(root, "lastSeen", required: false, out error);
        if (error is not null)
        {
            return null;
        }
        if (lastSeen < seen)
        {
            return Reject("'lastSeen' is earlier than 'seen'", out error);
        }
        if (SightingCertificate.Read(String(root, "pem"), String(root, "der"), out error) is not { } certificate)
        {
            return null;
        }
        return new CertificateSightingRecord { Host = host, Port = port, Seen = seen, LastSeen = lastSeen, Certificate = certificate };
    }

    private static DateTimeOffset? Time(JsonElement root, string name, bool required, out string? error)
    {
        error = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return required ? RejectTime($"missing '{name}'", out error) : null;
        }
        if (element.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(element.GetString(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value.ToUniversalTime();
        }
        return RejectTime($"'{name}' is not an ISO 8601 timestamp: {element.GetRawText()}", out error);
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var element) && element.ValueKind == JsonValueKind.String ? element.GetString() : null;

    private static DateTimeOffset? RejectTime(string reason, out string? error)
    {
        error = reason;
        return null;
    }

    private static CertificateSightingRecord? Reject(string reason, out string? error)
    {
        error = reason;
        return null;
    }
}
