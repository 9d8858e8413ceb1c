using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Sightline.Auth;

/// <summary>
/// The checks of the <c>oidc</c> mode that the libraries leave to the application: the issuer of a
/// multi-tenant authority (Entra ID's <c>common</c> metadata says <c>.../{tenantid}/v2.0</c>) and the
/// allowed tenants (the <c>tid</c> claim).
/// </summary>
public static class OidcValidation
{
    private const string TenantPlaceholder = "{tenantid}";

    /// <summary>Accepts the issuer the metadata names, with the token's own tenant put in a <c>{tenantid}</c> placeholder.</summary>
    public static string ValidateIssuer(string issuer, SecurityToken token, TokenValidationParameters parameters, BaseConfiguration? configuration, AuthSettings settings)
    {
        var tenant = TenantOf(token);
        var expected = (parameters.ValidIssuers ?? []).Append(parameters.ValidIssuer).Append(configuration?.Issuer)
            .OfType<string>().Where(i => i.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        foreach (var candidate in expected)
        {
            if (!candidate.Contains(TenantPlaceholder, StringComparison.OrdinalIgnoreCase))
            {
                if (string.Equals(candidate, issuer, StringComparison.Ordinal))
                {
                    return issuer;
                }
                continue;
            }
            if (settings.OidcTenants.Count == 0)
            {
                throw new SecurityTokenInvalidIssuerException("The identity provider serves many tenants; configure the allowed ones with --oidc-tenant.");
            }
            if (tenant is not null && string.Equals(candidate.Replace(TenantPlaceholder, tenant, StringComparison.OrdinalIgnoreCase), issuer, StringComparison.Ordinal))
            {
                return issuer;
            }
        }
        throw new SecurityTokenInvalidIssuerException($"The token's issuer '{issuer}' is not the configured identity provider.");
    }

    /// <summary>Null when the token may be used; otherwise why not.</summary>
    public static string? CheckTenant(string? tenant, AuthSettings settings) =>
        settings.OidcTenants.Count == 0 || (tenant is not null && settings.OidcTenants.Contains(tenant, StringComparer.OrdinalIgnoreCase))
            ? null
            : $"The token's tenant '{tenant ?? "(none)"}' is not one of the allowed tenants.";

    private static string? TenantOf(SecurityToken token) =>
        token is JsonWebToken jwt && jwt.TryGetPayloadValue<string>("tid", out var tid) ? tid : null;
}
