using System.Net;
using System.Net.Sockets;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Sightline.Auth;
using Sightline.Tests.Support;

namespace Sightline.Tests.Auth;

/// <summary>The <c>oidc</c> mode refuses unsafe settings before it starts, and a missing identity provider is not the caller's fault.</summary>
public sealed class OidcSettingsTests
{
    private static readonly AuthSettings _valid = new()
    {
        Mode = AuthMode.Oidc,
        OidcAuthority = "https://login.microsoftonline.com/aaaaaaaa-0000-0000-0000-00000000000a/v2.0",
        OidcAudiences = ["api://sightline"],
    };

    [Fact]
    public void Plain_http_metadata_needs_the_explicit_option_and_an_audience_is_required()
    {
        _valid.Validate();
        var http = _valid with { OidcAuthority = "http://127.0.0.1:9/tenant/v2.0" };
        Assert.Contains("--oidc-allow-http-metadata", Assert.Throws<ArgumentException>(http.Validate).Message, StringComparison.Ordinal);
        (http with { OidcAllowHttpMetadata = true }).Validate();
        Assert.Throws<ArgumentException>((_valid with { OidcAudiences = [] }).Validate);
        Assert.Throws<ArgumentException>((_valid with { OidcAuthority = "login.microsoftonline.com/x" }).Validate);
        Assert.Throws<ArgumentException>((_valid with { OidcAuthority = null }).Validate);
    }

    [Fact]
    public void A_multi_tenant_issuer_is_refused_until_the_allowed_tenants_are_configured()
    {
        var token = new JsonWebToken(new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://login.microsoftonline.com/aaaa/v2.0",
            Claims = new Dictionary<string, object> { ["tid"] = "aaaa" },
        }));
        var parameters = new TokenValidationParameters { ValidIssuer = "https://login.microsoftonline.com/{tenantid}/v2.0" };
        var refused = Assert.Throws<SecurityTokenInvalidIssuerException>(() => OidcValidation.ValidateIssuer(token.Issuer, token, parameters, null, _valid));
        Assert.Contains("--oidc-tenant", refused.Message, StringComparison.Ordinal);
        Assert.Equal(token.Issuer, OidcValidation.ValidateIssuer(token.Issuer, token, parameters, null, _valid with { OidcTenants = ["aaaa"] }));
    }

    [Fact]
    public async Task An_unreachable_identity_provider_answers_503_not_401_or_500()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var server = await SightlineServer.StartAsync(loadDemo: false, settings: s => s with
        {
            Auth = _valid with { OidcAuthority = $"http://127.0.0.1:{port}/tenant/v2.0", OidcAllowHttpMetadata = true },
        });
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var token = TestTokens.Create(new RsaSecurityKey(rsa) { KeyId = "k" }, SecurityAlgorithms.RsaSha256, $"http://127.0.0.1:{port}/tenant/v2.0", "api://sightline",
            new() { ["roles"] = new[] { Permissions.Read } });
        Assert.Equal("ServiceUnavailable", (await TestTokens.ErrorAsync(server.Client(token), Graph.Root + "/articles", 503)).Code);
    }
}
