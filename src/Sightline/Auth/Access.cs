using System.Net;
using Microsoft.AspNetCore.Authentication;
using Sightline.OData;

namespace Sightline.Auth;

/// <summary>
/// The one authorization check of every protected route: authenticate with the mode's scheme, then require a
/// permission. Failures leave as Graph does: 401 <c>InvalidAuthenticationToken</c>, 403 <c>Authorization_RequestDenied</c>.
/// </summary>
public static partial class Access
{
    /// <param name="loopbackSuffices">Requests from this machine pass without a token (operational endpoints).</param>
    public static async Task RequireAsync(HttpContext context, string permission, bool loopbackSuffices = false)
    {
        if (loopbackSuffices && context.Connection.RemoteIpAddress is { } remote && IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote))
        {
            return;
        }
        var result = await AuthenticateAsync(context);
        if (!result.Succeeded)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            var why = context.Request.Headers.Authorization.Count == 0
                ? "Access token is empty."
                : "Access token validation failure. " + TokenFailures.Describe(result.Failure);
            throw new GraphException(401, "InvalidAuthenticationToken", why);
        }
        if (!Permissions.Has(result.Principal, permission))
        {
            throw new GraphException(403, "Authorization_RequestDenied",
                $"Insufficient privileges to complete the operation: the token needs the {permission} permission (in 'roles' for app tokens, 'scp' for delegated tokens).");
        }
        context.User = result.Principal;
    }

    private static async Task<AuthenticateResult> AuthenticateAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync();
        if (!result.Succeeded && context.Items[typeof(IdentityProviderUnavailableException)] is IdentityProviderUnavailableException unavailable)
        {
            // Not the token's fault: without the metadata no token can be validated.
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Sightline.Auth");
            LogUnavailable(logger, unavailable);
            throw new GraphException(503, "ServiceUnavailable", "The identity provider's metadata or signing keys could not be retrieved; try again later.");
        }
        return result;
    }

    [LoggerMessage(EventId = 201, Level = LogLevel.Error, Message = "Tokens cannot be validated: the identity provider's metadata or keys could not be retrieved")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
