using System.Diagnostics;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Sightline.Auth;
using Sightline.Data;
using Sightline.OData;

namespace Sightline.Hosting;

/// <summary>
/// <c>GET /healthz</c>: public and minimal (is the store reachable), for load balancers and orchestrators.
/// <c>GET /healthz/details</c>: version, auth mode, store, uptime; needs <c>Sightline.Operations</c> or a loopback caller.
/// </summary>
public static class OperationsEndpoints
{
    private static readonly long _started = Stopwatch.GetTimestamp();

    public static IEndpointRouteBuilder MapOperations(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", async (HttpContext context, SightlineDb db) =>
        {
            var healthy = await CanConnectAsync(db, context.RequestAborted);
            await GraphResponses.WriteJsonAsync(context, json =>
            {
                json.WriteStartObject();
                json.WriteString("status", healthy ? "healthy" : "unhealthy");
                json.WriteEndObject();
            }, status: healthy ? 200 : 503);
        });
        app.MapGet("/healthz/details", async (HttpContext context, SightlineDb db, AuthSettings auth) =>
        {
            await Access.RequireAsync(context, Permissions.Operations, loopbackSuffices: true);
            var healthy = await CanConnectAsync(db, context.RequestAborted);
            await GraphResponses.WriteJsonAsync(context, json =>
            {
                json.WriteStartObject();
                json.WriteString("status", healthy ? "healthy" : "unhealthy");
                json.WriteString("version", typeof(OperationsEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion);
                json.WriteString("authentication", auth.Mode.ToString().ToLowerInvariant());
                json.WriteString("store", db.Database.IsNpgsql() ? "postgres" : "sqlite");
                json.WriteNumber("uptimeSeconds", Math.Round(Stopwatch.GetElapsedTime(_started).TotalSeconds));
                json.WriteNumber("workingSetBytes", Environment.WorkingSet);
                // The GC's heap after its last collection: with the working set, tells a leak from the runtime keeping freed memory.
                json.WriteNumber("managedHeapBytes", GC.GetGCMemoryInfo().HeapSizeBytes);
                json.WriteEndObject();
            }, status: healthy ? 200 : 503);
        });
        return app;
    }

    private static async Task<bool> CanConnectAsync(SightlineDb db, CancellationToken cancellationToken)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return false;
        }
    }
}
