using System.CommandLine;
using Sightline.Auth;
using Sightline.Hosting;

namespace Sightline.Commands;

/// <summary><c>serve</c>'s authentication and HTTPS options, and how they become settings and listen addresses.</summary>
internal sealed class ServeOptions
{
    public const string PasswordVariable = "SIGHTLINE_CERTIFICATE_PASSWORD";

    public Option<string> Auth { get; } = new("--auth")
    {
        Description = "How callers authenticate: local (tokens of the token command, the default), oidc (an OpenID Connect identity provider such as Entra ID) or none (no authentication: local emulation only).",
        DefaultValueFactory = _ => "local",
    };

    public Option<string?> OidcAuthority { get; } = new("--oidc-authority") { Description = "With --auth oidc: the issuer URL, e.g. https://login.microsoftonline.com/{tenant-id}/v2.0; its metadata is read from /.well-known/openid-configuration." };

    public Option<string[]> OidcAudience { get; } = new("--oidc-audience") { Description = "With --auth oidc: an accepted audience (the API's application ID URI or client ID); repeat for several." };

    public Option<string[]> OidcTenant { get; } = new("--oidc-tenant") { Description = "With --auth oidc: an accepted tenant ID (the tid claim); repeat for several. Required for multi-tenant authorities." };

    public Option<bool> OidcAllowHttp { get; } = new("--oidc-allow-http-metadata") { Description = "Allow the OIDC metadata and keys over plain HTTP (a local test identity provider only)." };

    public Option<int?> HttpsPort { get; } = new("--https-port") { Description = "Also listen with HTTPS on this port (same host as the first --urls address)." };

    public Option<string?> Certificate { get; } = new("--certificate") { Description = "The HTTPS certificate: a PFX file, or a PEM file (with its key, or give --certificate-key). Default: a self-signed certificate generated in the data folder (https.pfx)." };

    public Option<string?> CertificateKey { get; } = new("--certificate-key") { Description = "The PEM private key of --certificate when it is in a separate file." };

    public Option<string?> CertificatePassword { get; } = new("--certificate-password") { Description = $"The PFX password or the password of an encrypted PEM key (or set {PasswordVariable})." };

    public ServeOptions()
    {
        Auth.AcceptOnlyFromAmong("local", "oidc", "none");
        OidcAudience.AllowMultipleArgumentsPerToken = true;
        OidcTenant.AllowMultipleArgumentsPerToken = true;
    }

    public IEnumerable<Option> All => [Auth, OidcAuthority, OidcAudience, OidcTenant, OidcAllowHttp, HttpsPort, Certificate, CertificateKey, CertificatePassword];

    public AuthSettings AuthSettings(ParseResult parse) => new()
    {
        Mode = Enum.Parse<AuthMode>(parse.GetValue(Auth)!, ignoreCase: true),
        OidcAuthority = parse.GetValue(OidcAuthority),
        OidcAudiences = parse.GetValue(OidcAudience) ?? [],
        OidcTenants = parse.GetValue(OidcTenant) ?? [],
        OidcAllowHttpMetadata = parse.GetValue(OidcAllowHttp),
    };

    /// <summary>The listen addresses: <c>--urls</c>, plus <c>https://host:port</c> for <c>--https-port</c>.</summary>
    public string[] Urls(ParseResult parse, string urls)
    {
        var list = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        if (parse.GetValue(HttpsPort) is { } port)
        {
            var host = list.Count > 0 && Uri.TryCreate(list[0].Replace("*", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var first) ? first.Host : "127.0.0.1";
            list.Add($"https://{(host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host)}:{port}");
        }
        return [.. list];
    }

    public HttpsSettings? HttpsSettings(ParseResult parse, IEnumerable<string> urls)
    {
        var https = urls.Any(u => u.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
        if (!https)
        {
            return parse.GetValue(Certificate) is null ? null
                : throw new ArgumentException("--certificate is given but nothing listens with HTTPS: add --https-port or an https:// address to --urls.");
        }
        return new HttpsSettings
        {
            CertificatePath = parse.GetValue(Certificate),
            KeyPath = parse.GetValue(CertificateKey),
            Password = parse.GetValue(CertificatePassword) ?? Environment.GetEnvironmentVariable(PasswordVariable),
        };
    }
}
