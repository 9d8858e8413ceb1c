using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Sightline.Portal;

/// <summary>
/// Serves the analyst portal's static files (index.html, css/, js/, lib/) at <c>/</c>. They are public: the portal
/// holds no data of its own and reads everything through the Graph API with the analyst's token.
/// </summary>
public static class PortalHosting
{
    /// <summary>The portal's files, copied next to the executable by the build.</summary>
    public static string Root => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    // The portal loads only its own files and talks only to its own origin; a token in sessionStorage is then out of
    // reach of injected markup, and no page of another site can frame it.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void UsePortal(this WebApplication app)
    {
        if (!Directory.Exists(Root))
        {
            return;
        }
        var files = new PhysicalFileProvider(Root);
        // Routing runs first and matches the Graph 404 fallback for every path, and the static file middlewares
        // leave a request alone once an endpoint is chosen: a portal file is served in its place.
        app.Use((context, next) =>
        {
            var path = context.Request.Path.Value ?? "";
            if ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                && (path == "/" || files.GetFileInfo(path).Exists))
            {
                context.SetEndpoint(null);
            }
            return next(context);
        });
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                // Revalidated on each load (ETag), so an upgraded server never runs with yesterday's scripts.
                headers.CacheControl = "no-cache";
            },
        });
    }
}
