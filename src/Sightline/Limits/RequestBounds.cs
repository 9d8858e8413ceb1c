using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using Sightline.OData;

namespace Sightline.Limits;

/// <summary>
/// Bounds that hold for every request: the length of the request target (414) and the time a request may run
/// (cancelled, then 504 <c>GatewayTimeout</c>), both answered in Graph's error envelope.
/// </summary>
public static class RequestBounds
{
    public const string IngestTimeoutPolicy = "ingest";

    public static void AddRequestBounds(this WebApplicationBuilder builder, LimitSettings limits)
    {
        if (limits.MaxUrlLength > 0)
        {
            // Kestrel refuses longer request lines itself, without a body: leave it room so this bound answers first.
            builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestLineSize = Math.Max(k.Limits.MaxRequestLineSize, limits.MaxUrlLength + 1024));
        }
        builder.Services.AddRequestTimeouts(o =>
        {
            o.DefaultPolicy = Policy(limits.RequestTimeout);
            o.AddPolicy(IngestTimeoutPolicy, Policy(limits.IngestTimeout));
        });
    }

    /// <summary>After the error handler: it writes the 414; the timeout's 504 is written by the timeout policy.</summary>
    public static void UseRequestBounds(this IApplicationBuilder app, LimitSettings limits)
    {
        app.Use((context, next) =>
        {
            var target = context.Features.Get<IHttpRequestFeature>()?.RawTarget is { Length: > 0 } raw
                ? raw : context.Request.PathBase + context.Request.Path.ToUriComponent() + context.Request.QueryString;
            if (limits.MaxUrlLength > 0 && target.Length > limits.MaxUrlLength)
            {
                throw new GraphException(414, "RequestUriTooLong",
                    $"The request URL is {target.Length} characters long; at most {limits.MaxUrlLength} are allowed.");
            }
            return next(context);
        });
        app.UseRequestTimeouts();
    }

    private static RequestTimeoutPolicy Policy(TimeSpan timeout) => new()
    {
        Timeout = timeout > TimeSpan.Zero ? timeout : null,
        TimeoutStatusCode = 504,
        WriteTimeoutResponse = context => GraphErrors.WriteAsync(context, 504, "GatewayTimeout",
            $"The request did not complete within {timeout.TotalSeconds:0.###} seconds and was cancelled; narrow the query (a $filter, a smaller $top) or try again later.",
            CancellationToken.None),
    };
}
