using System.Text.Json;

namespace Sightline.Tests.Fuzz;

/// <summary>
/// What every answer must satisfy: no 5xx; a non-2xx answer is Graph's error envelope; a 2xx answer is what its
/// content type says (JSON that parses, a bare number for <c>$count</c>, XML for <c>$metadata</c>); no body shows a
/// stack trace, an exception type or a server path.
/// </summary>
public static class ApiFuzzOracle
{
    /// <summary>Traces of internals: .NET stack frames and exception names, our namespaces, SQL errors, file paths.</summary>
    private static readonly string[] _leaks =
    [
        "Exception", "   at ", ".cs:line", "--- End of", "Sightline.Data.", "Sightline.OData.", "Sightline.Hosting.", "Sightline.Auth.",
        "Sightline.Parsers.", "Sightline.ThreatIntelligence.", "System.", "Microsoft.AspNetCore.", "Microsoft.IdentityModel.", "Microsoft.OData.",
        "Microsoft.EntityFrameworkCore.Query", "Microsoft.EntityFrameworkCore.Storage", "Npgsql.", "SQLite Error", "PII of type", "/tmp/", "/home/", "/work/", "/usr/", "\\src\\",
    ];

    /// <returns>Why the answer is wrong, or null when it is right.</returns>
    public static string? Check(ApiFuzzCase request, RawResponse response)
    {
        if (response.Status >= 500)
        {
            return $"status {response.Status}";
        }
        if (request.ExpectOk && response.Status != 200)
        {
            return $"a valid request answered {response.Status}";
        }
        if (Leak(request, response.Body) is { } leak)
        {
            return $"the body shows '{leak}'";
        }
        if (request.Wire && (response.Body.Length == 0 || response.MediaType != "application/json"))
        {
            // Kestrel refused the request line or headers itself, before the application: a bare 4xx.
            return response.Status is >= 400 and < 500 ? null : $"a malformed request answered {response.Status}";
        }
        if (string.Equals(request.Method, "HEAD", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return response.Status is >= 200 and < 300 ? CheckSuccess(request, response) : CheckEnvelope(response);
    }

    private static string? CheckSuccess(ApiFuzzCase request, RawResponse response)
    {
        switch (response.MediaType)
        {
            // The portal's own files, served at / outside the API's paths.
            case "text/html" or "text/css" or "text/javascript" when !IsApi(request.Target):
                return response.MediaType != "text/html" || response.Body.StartsWith("<!doctype html>", StringComparison.OrdinalIgnoreCase)
                    ? null : "an HTML answer that is not the portal's page";
            case "application/json":
                try
                {
                    using var json = JsonDocument.Parse(response.Body);
                    return json.RootElement.ValueKind == JsonValueKind.Object ? null : "a JSON answer that is not an object";
                }
                catch (JsonException e)
                {
                    return "a 2xx answer whose JSON does not parse: " + e.Message;
                }
            case "text/plain":
                return long.TryParse(response.Body, out var n) && n >= 0 ? null : "a text/plain answer that is not a count";
            case "application/xml":
                return response.Body.StartsWith("<?xml", StringComparison.Ordinal) ? null : "an XML answer that is not XML";
            default:
                return $"a 2xx answer of type '{response.MediaType}'";
        }
    }

    private static bool IsApi(string target)
    {
        // The path the server routes: dot segments (also percent-encoded ones, which Kestrel decodes) resolved.
        var dotted = target.Replace("%2e", ".", StringComparison.OrdinalIgnoreCase);
        var path = Uri.TryCreate(new Uri("http://fuzz.invalid"), dotted, out var uri) ? uri.AbsolutePath : target;
        return path.StartsWith("/v1.0", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/beta", StringComparison.OrdinalIgnoreCase)
            || path.StartsWith("/ingest", StringComparison.OrdinalIgnoreCase) || path.StartsWith("/reputation", StringComparison.OrdinalIgnoreCase);
    }

    private static string? CheckEnvelope(RawResponse response)
    {
        if (response.MediaType != "application/json")
        {
            return $"an error of type '{response.MediaType}' instead of Graph's JSON envelope";
        }
        try
        {
            using var json = JsonDocument.Parse(response.Body);
            if (!json.RootElement.TryGetProperty("error", out var error) || error.ValueKind != JsonValueKind.Object)
            {
                return "an error without the 'error' object";
            }
            var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            var message = error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            return string.IsNullOrEmpty(code) || string.IsNullOrEmpty(message) ? "an error without a code or a message" : null;
        }
        catch (JsonException e)
        {
            return "an error whose JSON does not parse: " + e.Message;
        }
    }

    /// <summary>A trace of internals in the body, unless the request itself sent that text (errors quote the request).</summary>
    private static string? Leak(ApiFuzzCase request, string body)
    {
        var sent = Uri.UnescapeDataString(Uri.UnescapeDataString(request.Target)) + request.Target + string.Concat(request.Headers.Select(h => h.Value));
        return Array.Find(_leaks, l => body.Contains(l, StringComparison.Ordinal) && !sent.Contains(l, StringComparison.OrdinalIgnoreCase));
    }
}
