namespace Sightline.Parsers.Har;

/// <summary>
/// The hostPair link kind of a resource a page loads. The Chrome / WebPageTest <c>_resourceType</c> decides
/// when present; else the response content type, then the request's Accept header, then the URL extension.
/// A second HTML document within a page is a frame, hence <c>iframe</c>.
/// </summary>
internal static class ResourceKinds
{
    public static string Classify(HarEntry entry) =>
        FromResourceType(entry.ResourceType)
        ?? FromContentType(entry.MimeType)
        ?? FromAccept(entry.RequestHeader("accept"))
        ?? FromExtension(entry.Url.AbsolutePath)
        ?? "other";

    private static string? FromResourceType(string? type) => type switch
    {
        null or "" => null,
        "document" => "iframe",
        "script" => "script",
        "stylesheet" => "stylesheet",
        "image" => "image",
        "font" => "font",
        "media" or "texttrack" => "media",
        "xhr" or "fetch" or "eventsource" => "xhr",
        _ => "other",
    };

    private static string? FromContentType(string mime)
    {
        var type = mime.Split(';')[0].Trim();
        return type switch
        {
            "" => null,
            _ when type.Contains("html", StringComparison.Ordinal) => "iframe",
            _ when type.Contains("javascript", StringComparison.Ordinal) || type.Contains("ecmascript", StringComparison.Ordinal) => "script",
            "text/css" => "stylesheet",
            _ when type.StartsWith("image/", StringComparison.Ordinal) => "image",
            _ when type.StartsWith("font/", StringComparison.Ordinal) || type.Contains("font-", StringComparison.Ordinal) || type.Contains("woff", StringComparison.Ordinal) => "font",
            _ when type.StartsWith("audio/", StringComparison.Ordinal) || type.StartsWith("video/", StringComparison.Ordinal) => "media",
            _ when type.Contains("json", StringComparison.Ordinal) || type.EndsWith("/xml", StringComparison.Ordinal) => "xhr",
            _ => null,
        };
    }

    private static string? FromAccept(string? accept)
    {
        var first = accept?.Split(',')[0].Split(';')[0].Trim().ToLowerInvariant();
        return first switch
        {
            null or "" or "*/*" => null,
            "text/css" => "stylesheet",
            "text/html" => "iframe",
            "application/json" => "xhr",
            _ when first.StartsWith("image/", StringComparison.Ordinal) => "image",
            _ when first.StartsWith("font/", StringComparison.Ordinal) => "font",
            _ when first.StartsWith("audio/", StringComparison.Ordinal) || first.StartsWith("video/", StringComparison.Ordinal) => "media",
            _ => null,
        };
    }

    private static string? FromExtension(string path)
    {
        var dot = path.LastIndexOf('.');
        if (dot < 0 || dot < path.LastIndexOf('/'))
        {
            return null;
        }
        return path[(dot + 1)..].ToLowerInvariant() switch
        {
            "js" or "mjs" => "script",
            "css" => "stylesheet",
            "png" or "jpg" or "jpeg" or "gif" or "svg" or "webp" or "ico" or "bmp" or "avif" => "image",
            "woff" or "woff2" or "ttf" or "otf" or "eot" => "font",
            "mp4" or "webm" or "mp3" or "ogg" or "m4a" or "wav" or "m3u8" or "vtt" => "media",
            "json" => "xhr",
            "html" or "htm" => "iframe",
            _ => null,
        };
    }
}
