using System.Text.Json;

namespace Sightline.OData;

/// <summary>Writes Graph's error envelope: <c>{"error":{"code","message","innerError":{...}}}</c>.</summary>
public static class GraphErrors
{
    /// <param name="cancellationToken">Instead of the request's own token (which a request timeout has already cancelled).</param>
    public static async Task WriteAsync(HttpContext context, int status, string code, string message, CancellationToken? cancellationToken = null)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/json; charset=utf-8";
        var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer, GraphJson.WriterOptions))
        {
            json.WriteStartObject();
            json.WriteStartObject("error");
            json.WriteString("code", code);
            json.WriteString("message", message);
            json.WriteStartObject("innerError");
            json.WriteString("date", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("request-id", RequestIds.RequestId(context));
            json.WriteString("client-request-id", RequestIds.ClientRequestId(context));
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteEndObject();
        }
        response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(response.Body, cancellationToken ?? context.RequestAborted);
    }
}
