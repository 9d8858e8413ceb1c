using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Sightline.OData;

namespace Sightline.Limits;

/// <summary>
/// Records who asked what: time, subject, app, tenant, address, method, path, the query's option names (or, with
/// <c>--audit full</c>, the whole query string), status, duration and request id.
/// </summary>
public static class AuditMiddleware
{
    public static void AddAuditLog(this IServiceCollection services, AuditSettings settings, string dataDir)
    {
        if (settings.Mode != AuditMode.Off)
        {
            services.AddSingleton(sp => new AuditLog(settings, dataDir, TimeProvider.System));
        }
    }

    public static void UseAuditLog(this IApplicationBuilder app, AuditSettings settings)
    {
        if (settings.Mode == AuditMode.Off)
        {
            return;
        }
        var log = app.ApplicationServices.GetRequiredService<AuditLog>();
        app.Use(async (context, next) =>
        {
            var started = DateTimeOffset.UtcNow;
            var clock = Stopwatch.StartNew();
            var status = 500;
            try
            {
                await next(context);
                status = context.Response.StatusCode;
            }
            finally
            {
                var elapsed = clock.Elapsed;
                log.Write(json => WriteEntry(json, context, settings.Mode, started, elapsed, status));
            }
        });
    }

    private static void WriteEntry(Utf8JsonWriter json, HttpContext context, AuditMode mode, DateTimeOffset started, TimeSpan elapsed, int status)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } t && t[0] == '/'
            ? t : context.Request.Path.ToUriComponent() + context.Request.QueryString;
        var question = raw.IndexOf('?', StringComparison.Ordinal);
        var user = context.User;
        json.WriteStartObject();
        json.WriteString("time", started.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("subject", user.FindFirst("sub")?.Value);
        json.WriteString("app", (user.FindFirst("appid") ?? user.FindFirst("azp"))?.Value);
        json.WriteString("tenant", user.FindFirst("tid")?.Value);
        json.WriteString("address", context.Connection.RemoteIpAddress?.ToString());
        json.WriteString("method", context.Request.Method);
        json.WriteString("path", question < 0 ? raw : raw[..question]);
        if (question >= 0 && mode == AuditMode.Full)
        {
            json.WriteString("query", raw[(question + 1)..]);
        }
        else if (question >= 0)
        {
            json.WriteStartArray("options");
            foreach (var pair in raw[(question + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var name = pair.Split('=', 2)[0];
                json.WriteStringValue(Uri.UnescapeDataString(name.Replace('+', ' ')));
            }
            json.WriteEndArray();
        }
        json.WriteNumber("status", status);
        json.WriteNumber("ms", Math.Round(elapsed.TotalMilliseconds, 1));
        json.WriteString("requestId", RequestIds.RequestId(context));
        json.WriteEndObject();
    }
}
