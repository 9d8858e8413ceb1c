using Microsoft.AspNetCore.Http.Features;
using Sightline.Auth;
using Sightline.Data;
using Sightline.Edm;
using Sightline.OData;
using Sightline.ThreatIntelligence;

namespace Sightline.Hosting;

/// <summary>
/// The Graph surface: <c>/v1.0/...</c> and <c>/beta/...</c>. Reads the raw request target (so encoded
/// slashes and plus signs in keys survive), authenticates, resolves the path and runs the route.
/// </summary>
public sealed class GraphEndpoint(GraphRoutes routes, PagingOptions paging)
{
    private static readonly string[] _versions = ["v1.0", "beta"];

    public static string? VersionOf(PathString path)
    {
        var value = path.Value ?? "";
        var first = value.TrimStart('/').Split('/', 2)[0];
        return Array.Find(_versions, v => string.Equals(v, first, StringComparison.OrdinalIgnoreCase));
    }

    public async Task HandleAsync(HttpContext context, string version)
    {
        var (rawPath, rawQuery) = RawTarget(context);
        var segments = rawPath.Split('/', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var serviceRoot = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}/{version}";

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Headers.Allow = "GET";
            throw new GraphException(405, "MethodNotAllowed", $"The HTTP method '{context.Request.Method}' is not allowed; this API is read-only.");
        }
        if (segments.Count == 1 && string.Equals(segments[0], "$metadata", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.ContentType = "application/xml; charset=utf-8";
            await context.Response.WriteAsync(GraphModel.WriteMetadata(), context.RequestAborted);
            return;
        }
        await Access.RequireAsync(context, Permissions.Read);
        var path = GraphPath.Parse(segments);
        var options = QueryOptions.Parse(rawQuery);
        var handler = routes.Find(path.Pattern)
            ?? throw GraphException.BadRequest($"The path '{string.Join('/', path.Segments)}' is in the schema but Microsoft Graph documents no way to read it.");
        var db = context.RequestServices.GetRequiredService<SightlineDb>();
        await handler(new GraphRequest(context, db, path, options, serviceRoot, paging));
    }

    private static (string Path, string Query) RawTarget(HttpContext context)
    {
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(raw) || raw[0] != '/')
        {
            raw = context.Request.PathBase + context.Request.Path.ToUriComponent() + context.Request.QueryString;
        }
        var question = raw.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? raw : raw[..question];
        var query = question < 0 ? "" : raw[(question + 1)..];
        var pathBase = context.Request.PathBase.Value;
        if (!string.IsNullOrEmpty(pathBase) && path.StartsWith(pathBase, StringComparison.OrdinalIgnoreCase))
        {
            path = path[pathBase.Length..];
        }
        return (path, query);
    }
}
