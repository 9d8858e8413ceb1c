namespace Sightline.OData;

/// <summary>
/// Graph's correlation headers: every response carries a fresh <c>request-id</c>, echoes the caller's
/// <c>client-request-id</c> (or, like Graph, reuses the request id when the caller sent none), and
/// <c>OData-Version</c>.
/// </summary>
public static class RequestIds
{
    private const string RequestIdKey = "sightline.request-id";

    public static string RequestId(HttpContext context)
    {
        if (context.Items[RequestIdKey] is string id)
        {
            return id;
        }
        id = Guid.NewGuid().ToString();
        context.Items[RequestIdKey] = id;
        return id;
    }

    public static string ClientRequestId(HttpContext context)
    {
        var sent = context.Request.Headers["client-request-id"].ToString();
        return sent.Length > 0 && sent.Length <= 200 ? sent : RequestId(context);
    }

    public static IApplicationBuilder UseGraphHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers["request-id"] = RequestId(context);
            headers["client-request-id"] = ClientRequestId(context);
            headers["OData-Version"] = "4.0";
            return Task.CompletedTask;
        });
        return next(context);
    });
}
