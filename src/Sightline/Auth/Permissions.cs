using System.Security.Claims;

namespace Sightline.Auth;

/// <summary>
/// What a caller may do. App tokens carry permissions in <c>roles</c>, delegated tokens in <c>scp</c>
/// (space-separated), as Microsoft Entra ID issues them.
/// </summary>
public static class Permissions
{
    /// <summary>Every Graph threat intelligence route.</summary>
    public const string Read = "ThreatIntelligence.Read.All";

    /// <summary><c>POST /ingest</c>.</summary>
    public const string Ingest = "Sightline.Ingest";

    /// <summary><c>/healthz/details</c> from anywhere but loopback.</summary>
    public const string Operations = "Sightline.Operations";

    public static readonly string[] All = [Read, Ingest, Operations];

    public static bool Has(ClaimsPrincipal user, string permission) =>
        user.FindAll("roles").Any(c => string.Equals(c.Value, permission, StringComparison.OrdinalIgnoreCase))
        || user.FindAll("scp").Any(c => c.Value.Split(' ').Contains(permission, StringComparer.OrdinalIgnoreCase));
}
