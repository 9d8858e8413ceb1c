using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.Tokens;

namespace Sightline.Tests.Auth;

/// <summary>
/// An OpenID Connect identity provider shaped like Entra ID, on loopback HTTP: per-tenant metadata at
/// <c>/{tenant}/v2.0/.well-known/openid-configuration</c> (<c>common</c> names the issuer with a
/// <c>{tenantid}</c> placeholder, as Entra does) and one JWKS with an RSA key this test made.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestIdentityProvider(WebApplication app, RsaSecurityKey key)
    {
        _app = app;
        Key = key;
    }

    public RsaSecurityKey Key { get; }

    public string BaseUrl => _app.Urls.First().TrimEnd('/');

    public string Authority(string tenant) => $"{BaseUrl}/{tenant}/v2.0";

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var key = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key-1" };
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (HttpContext context, string tenant) =>
        {
            var root = $"{context.Request.Scheme}://{context.Request.Host}";
            var issuerTenant = tenant is "common" or "organizations" ? "{tenantid}" : tenant;
            return Results.Json(new Dictionary<string, object>
            {
                ["issuer"] = $"{root}/{issuerTenant}/v2.0",
                ["jwks_uri"] = $"{root}/discovery/v2.0/keys",
                ["authorization_endpoint"] = $"{root}/{tenant}/oauth2/v2.0/authorize",
                ["token_endpoint"] = $"{root}/{tenant}/oauth2/v2.0/token",
                ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            });
        });
        app.MapGet("/discovery/v2.0/keys", () =>
        {
            var parameters = key.Rsa.ExportParameters(false);
            var jwk = new Dictionary<string, string>
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = key.KeyId,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            };
            return Results.Text(JsonSerializer.Serialize(new { keys = new[] { jwk } }), "application/json");
        });
        await app.StartAsync();
        return new TestIdentityProvider(app, key);
    }

    /// <summary>An access token as Entra ID issues it: app tokens carry <c>roles</c>, delegated ones <c>scp</c>.</summary>
    public string Token(string tenant, string audience, string[]? roles = null, string? scp = null, string? issuerTenant = null,
        SecurityKey? key = null, DateTime? notBefore = null, DateTime? expires = null)
    {
        var claims = new Dictionary<string, object> { ["tid"] = tenant, ["sub"] = "client-object-id", ["azp"] = "client-app-id", ["ver"] = "2.0" };
        if (scp is null)
        {
            claims["roles"] = roles ?? ["ThreatIntelligence.Read.All"];
        }
        else
        {
            claims["scp"] = scp;
        }
        return TestTokens.Create(key ?? Key, SecurityAlgorithms.RsaSha256, Authority(issuerTenant ?? tenant), audience, claims, notBefore, expires);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
