using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Sightline.OData;

namespace Sightline.Limits;

/// <summary>
/// Throttling as Graph does it: a fixed window of requests per client; over the limit, 429 <c>TooManyRequests</c>
/// with <c>Retry-After</c> in whole seconds. A client is its token's tenant and subject (else app id), or, without
/// a valid token, its address. <c>/healthz</c> is never throttled.
/// </summary>
public static class Throttling
{
    public static void AddSightlineThrottling(this IServiceCollection services, LimitSettings limits)
    {
        if (limits.RateLimit <= 0 || limits.RateWindow <= TimeSpan.Zero)
        {
            return;
        }
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = 429;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                context.Request.Path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetNoLimiter("")
                    : RateLimitPartition.GetFixedWindowLimiter(ClientOf(context), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = limits.RateLimit,
                        Window = limits.RateWindow,
                        QueueLimit = 0,
                    }));
            o.OnRejected = async (rejected, cancellationToken) =>
            {
                var context = rejected.HttpContext;
                var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
                    ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds))
                    : (int)Math.Ceiling(limits.RateWindow.TotalSeconds);
                context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                await GraphErrors.WriteAsync(context, 429, "TooManyRequests",
                    $"Too many requests: this client may send {limits.RateLimit} requests per {limits.RateWindow.TotalSeconds:0.###} seconds. Retry after {seconds} seconds.");
            };
        });
    }

    public static void UseSightlineThrottling(this IApplicationBuilder app, LimitSettings limits)
    {
        if (limits.RateLimit > 0 && limits.RateWindow > TimeSpan.Zero)
        {
            app.UseRateLimiter();
        }
    }

    /// <summary>The partition of a request; the authentication middleware has already read its token, if valid.</summary>
    public static string ClientOf(HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true
            && (user.FindFirst("sub") ?? user.FindFirst("appid") ?? user.FindFirst("azp")) is { } id)
        {
            return $"token:{user.FindFirst("tid")?.Value}/{id.Value}";
        }
        return $"address:{context.Connection.RemoteIpAddress}";
    }
}
