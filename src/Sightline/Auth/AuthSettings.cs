namespace Sightline.Auth;

public enum AuthMode
{
    /// <summary>Tokens signed by the instance key in the data folder (the <c>token</c> command mints them).</summary>
    Local,

    /// <summary>Tokens of an external OpenID Connect identity provider such as Microsoft Entra ID.</summary>
    Oidc,

    /// <summary>No authentication: every request has every permission. For local emulation only.</summary>
    None,
}

/// <summary>How <c>serve</c> authenticates callers (<c>--auth</c> and the <c>--oidc-*</c> options).</summary>
public sealed record AuthSettings
{
    public AuthMode Mode { get; init; } = AuthMode.Local;

    /// <summary>The issuer's base URL; its metadata is at <c>{authority}/.well-known/openid-configuration</c>.</summary>
    public string? OidcAuthority { get; init; }

    /// <summary>Accepted <c>aud</c> values: the application ID URI and/or client ID of the API's app registration.</summary>
    public IReadOnlyList<string> OidcAudiences { get; init; } = [];

    /// <summary>Accepted <c>tid</c> values; required when the authority serves many tenants (<c>common</c>, <c>organizations</c>).</summary>
    public IReadOnlyList<string> OidcTenants { get; init; } = [];

    /// <summary>Allow metadata and keys over plain HTTP (tests, a local identity provider). Off by default.</summary>
    public bool OidcAllowHttpMetadata { get; init; }

    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromMinutes(1);

    public string MetadataAddress => OidcAuthority!.TrimEnd('/') + "/.well-known/openid-configuration";

    /// <summary>Refuses settings that would leave the server open or unable to validate, before it starts.</summary>
    public void Validate()
    {
        if (Mode != AuthMode.Oidc)
        {
            return;
        }
        if (!Uri.TryCreate(OidcAuthority, UriKind.Absolute, out var authority) || (authority.Scheme != Uri.UriSchemeHttps && authority.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("--auth oidc needs --oidc-authority with an absolute https URL, e.g. https://login.microsoftonline.com/{tenant-id}/v2.0.");
        }
        if (authority.Scheme == Uri.UriSchemeHttp && !OidcAllowHttpMetadata)
        {
            throw new ArgumentException($"The OIDC authority '{OidcAuthority}' is plain HTTP: its keys could be replaced in transit. Use https, or pass --oidc-allow-http-metadata for a local test identity provider.");
        }
        if (OidcAudiences.Count == 0 || OidcAudiences.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("--auth oidc needs at least one --oidc-audience (the API's application ID URI or client ID).");
        }
    }
}
