using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sightline.Parsers.Har;

/// <summary>The parts of one HAR entry the derivations use. Header names are lower-case.</summary>
internal sealed record HarEntry
{
    /// <summary>HTML beyond this is cut in the middle, as Wappalyzer keeps only the head and tail of big pages.</summary>
    public const int MaxBodyChars = 6_000_000;

    public required Uri Url { get; init; }

    public required string UrlText { get; init; }

    public required string Host { get; init; }

    public required DateTimeOffset Started { get; init; }

    public string? PageRef { get; init; }

    public int Status { get; init; }

    public required IReadOnlyList<KeyValuePair<string, string>> RequestHeaders { get; init; }

    public required IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders { get; init; }

    /// <summary>The cookies listed in <c>response.cookies</c> (the Domain as written, if any).</summary>
    public required IReadOnlyList<HarCookie> ResponseCookies { get; init; }

    public string MimeType { get; init; } = "";

    /// <summary>The Chrome / WebPageTest <c>_resourceType</c> (document, script, image...), lower-case.</summary>
    public string? ResourceType { get; init; }

    /// <summary><c>response.redirectURL</c>, used when a 3xx response has no Location header.</summary>
    public string? RedirectUrl { get; init; }

    /// <summary>The decoded response body, kept for HTML documents only.</summary>
    public string? Html { get; init; }

    public bool IsHtml => MimeType.Contains("html", StringComparison.Ordinal);

    public string? RequestHeader(string name) => First(RequestHeaders, name);

    public string? ResponseHeader(string name) => First(ResponseHeaders, name);

    public static (HarEntry? Entry, string? Error) From(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            return (null, "the entry is not a JSON object");
        }
        if (!e.TryGetProperty("request", out var request) || request.ValueKind != JsonValueKind.Object)
        {
            return (null, "the entry has no request object");
        }
        if (Text(request, "url") is not { Length: > 0 } urlText)
        {
            return (null, "request.url is missing");
        }
        if (HostName.ParseWebUrl(urlText) is not { } url || HostName.FromUri(url) is not { } host)
        {
            return (null, $"request.url is not an absolute http(s) URL: '{Clip(urlText)}'");
        }
        if (Text(e, "startedDateTime") is not { } startedText || !TryParseDate(startedText, out var started))
        {
            return (null, "startedDateTime is missing or not an ISO 8601 date");
        }
        var response = e.TryGetProperty("response", out var r) && r.ValueKind == JsonValueKind.Object ? r : default;
        var content = Object(response, "content");
        var mime = (Text(content, "mimeType") ?? "").ToLowerInvariant();
        return (new HarEntry
        {
            Url = url,
            UrlText = urlText.Trim(),
            Host = host,
            Started = started,
            PageRef = Text(e, "pageref"),
            Status = Object(response, "status") is { ValueKind: JsonValueKind.Number } s && s.TryGetInt32(out var status) ? status : 0,
            RequestHeaders = Headers(request),
            ResponseHeaders = Headers(response),
            ResponseCookies = Cookies(response),
            MimeType = mime,
            ResourceType = Text(e, "_resourceType")?.ToLowerInvariant(),
            RedirectUrl = Text(response, "redirectURL"),
            Html = mime.Contains("html", StringComparison.Ordinal) ? Body(content) : null,
        }, null);
    }

    private static bool TryParseDate(string text, out DateTimeOffset value)
    {
        var ok = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
        value = value.ToUniversalTime();
        // A bare date or a time without 'T' parses too, but HAR requires ISO 8601 date-time.
        return ok && text.Contains('T', StringComparison.Ordinal);
    }

    private static List<KeyValuePair<string, string>> Headers(JsonElement owner)
    {
        var list = new List<KeyValuePair<string, string>>();
        if (Object(owner, "headers") is { ValueKind: JsonValueKind.Array } headers)
        {
            foreach (var h in headers.EnumerateArray())
            {
                if (Text(h, "name") is { Length: > 0 } name)
                {
                    list.Add(new(name.Trim().ToLowerInvariant(), Text(h, "value") ?? ""));
                }
            }
        }
        return list;
    }

    private static List<HarCookie> Cookies(JsonElement response)
    {
        var list = new List<HarCookie>();
        if (Object(response, "cookies") is { ValueKind: JsonValueKind.Array } cookies)
        {
            foreach (var c in cookies.EnumerateArray())
            {
                if (Text(c, "name")?.Trim() is { Length: > 0 } name)
                {
                    list.Add(new HarCookie(name, Text(c, "value") ?? "", Text(c, "domain")));
                }
            }
        }
        return list;
    }

    private static string? Body(JsonElement content)
    {
        if (Text(content, "text") is not { Length: > 0 } text)
        {
            return null;
        }
        if (string.Equals(Text(content, "encoding"), "base64", StringComparison.OrdinalIgnoreCase))
        {
            var bytes = new byte[text.Length * 3 / 4 + 3];
            if (!Convert.TryFromBase64String(text, bytes, out var written))
            {
                return null;
            }
            text = Encoding.UTF8.GetString(bytes, 0, written);
        }
        return text.Length <= MaxBodyChars ? text : string.Concat(text.AsSpan(0, MaxBodyChars / 2), "\n", text.AsSpan(text.Length - MaxBodyChars / 2));
    }

    private static string? First(IReadOnlyList<KeyValuePair<string, string>> headers, string name)
    {
        foreach (var h in headers)
        {
            if (string.Equals(h.Key, name, StringComparison.Ordinal))
            {
                return h.Value;
            }
        }
        return null;
    }

    private static JsonElement Object(JsonElement owner, string name) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(name, out var value) ? value : default;

    private static string? Text(JsonElement owner, string name) =>
        Object(owner, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static string Clip(string text) => text.Length <= 200 ? text : string.Concat(text.AsSpan(0, 200), "...");
}

/// <summary>A cookie a response sets; <see cref="Domain"/> is the Domain attribute as written, or null.</summary>
internal sealed record HarCookie(string Name, string Value, string? Domain);
