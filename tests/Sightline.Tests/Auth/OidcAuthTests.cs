using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Sightline.Auth;
using Sightline.Tests.Support;

namespace Sightline.Tests.Auth;

/// <summary>
/// The <c>oidc</c> mode against a local identity provider: one server trusts a single tenant's authority,
/// another the multi-tenant <c>common</c> authority with two allowed tenants.
/// </summary>
public sealed class OidcAuthTests : IAsyncLifetime
{
    private const string Url = Graph.Root + "/articles";
    private const string TenantA = "aaaaaaaa-0000-0000-0000-00000000000a";
    private const string TenantB = "bbbbbbbb-0000-0000-0000-00000000000b";
    private const string TenantC = "cccccccc-0000-0000-0000-00000000000c";
    private const string Audience = "api://sightline";
    private const string ClientId = "11111111-2222-3333-4444-555555555555";

    private TestIdentityProvider _idp = null!;
    private SightlineServer _single = null!;
    private SightlineServer _common = null!;

    public async Task InitializeAsync()
    {
        _idp = await TestIdentityProvider.StartAsync();
        _single = await StartAsync(_idp.Authority(TenantA), [TenantA]);
        _common = await StartAsync(_idp.Authority("common"), [TenantA, TenantB]);
    }

    private static Task<SightlineServer> StartAsync(string authority, string[] tenants) => SightlineServer.StartAsync(loadDemo: false, settings: s => s with
    {
        Auth = new AuthSettings
        {
            Mode = AuthMode.Oidc,
            OidcAuthority = authority,
            OidcAudiences = [Audience, ClientId],
            OidcTenants = tenants,
            OidcAllowHttpMetadata = true,
        },
    });

    public async Task DisposeAsync()
    {
        await _single.DisposeAsync();
        await _common.DisposeAsync();
        await _idp.DisposeAsync();
    }

    [Fact]
    public async Task App_tokens_with_the_role_and_delegated_tokens_with_the_scope_are_accepted()
    {
        await _single.Client(_idp.Token(TenantA, Audience)).GetJsonAsync(Url);
        await _single.Client(_idp.Token(TenantA, ClientId, scp: "User.Read ThreatIntelligence.Read.All")).GetJsonAsync(Url);
        await _single.Client(_idp.Token(TenantA, Audience, roles: [Permissions.Ingest])).GetErrorAsync(Url, 403);
        Assert.Equal("BadRequest", (await TestTokens.ErrorAsync(_single.Client(_idp.Token(TenantA, Audience, roles: [Permissions.Ingest])), "/ingest/cof", 400, HttpMethod.Post)).Code);
    }

    [Fact]
    public async Task Missing_expired_and_not_yet_valid_tokens_are_a_401()
    {
        Assert.Equal("Access token is empty.", (await TestTokens.ErrorAsync(_single.AnonymousClient(), Url, 401)).Message);
        var expired = _idp.Token(TenantA, Audience, notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddHours(-1));
        Assert.Contains("expired", (await TestTokens.ErrorAsync(_single.Client(expired), Url, 401)).Message, StringComparison.OrdinalIgnoreCase);
        var early = _idp.Token(TenantA, Audience, notBefore: DateTime.UtcNow.AddMinutes(30), expires: DateTime.UtcNow.AddHours(1));
        Assert.Contains("not yet valid", (await TestTokens.ErrorAsync(_single.Client(early), Url, 401)).Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_signature_or_unknown_key_is_a_401()
    {
        var impostor = new RsaSecurityKey(RSA.Create(2048)) { KeyId = _idp.Key.KeyId };
        Assert.Contains("Signature", (await TestTokens.ErrorAsync(_single.Client(_idp.Token(TenantA, Audience, key: impostor)), Url, 401)).Message, StringComparison.Ordinal);
        var unknown = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "not-in-the-jwks" };
        await TestTokens.ErrorAsync(_single.Client(_idp.Token(TenantA, Audience, key: unknown)), Url, 401);
        var unsigned = TestTokens.Unsigned(_idp.Authority(TenantA), Audience, new() { ["tid"] = TenantA, ["roles"] = new[] { Permissions.Read } });
        await TestTokens.ErrorAsync(_single.Client(unsigned), Url, 401);
    }

    [Fact]
    public async Task A_wrong_issuer_audience_or_tenant_is_a_401()
    {
        // Tenant B's issuer (its tokens are not for this single-tenant server), with and without tenant B's tid.
        Assert.Contains("issuer", (await TestTokens.ErrorAsync(_single.Client(_idp.Token(TenantA, Audience, issuerTenant: TenantB)), Url, 401)).Message, StringComparison.Ordinal);
        await TestTokens.ErrorAsync(_single.Client(_idp.Token(TenantB, Audience)), Url, 401);
        Assert.Contains("IDX10214", (await TestTokens.ErrorAsync(_single.Client(_idp.Token(TenantA, "api://other-api")), Url, 401)).Message, StringComparison.Ordinal);
        // The right issuer but another tenant in tid.
        Assert.Contains("tenant", (await TestTokens.ErrorAsync(_single.Client(_idp.Token(TenantB, Audience, issuerTenant: TenantA)), Url, 401)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_the_permission_is_a_403_for_roles_and_for_scp()
    {
        Assert.Equal("Authorization_RequestDenied", (await TestTokens.ErrorAsync(_single.Client(_idp.Token(TenantA, Audience, roles: ["User.Read.All"])), Url, 403)).Code);
        Assert.Equal("Authorization_RequestDenied", (await TestTokens.ErrorAsync(_single.Client(_idp.Token(TenantA, Audience, scp: "User.Read")), Url, 403)).Code);
        Assert.Equal("Authorization_RequestDenied", (await TestTokens.ErrorAsync(_single.Client(_idp.Token(TenantA, Audience)), "/ingest/cof", 403, HttpMethod.Post)).Code);
    }

    [Fact]
    public async Task The_multi_tenant_authority_accepts_the_allowed_tenants_each_with_its_own_issuer()
    {
        await _common.Client(_idp.Token(TenantA, Audience)).GetJsonAsync(Url);
        await _common.Client(_idp.Token(TenantB, Audience)).GetJsonAsync(Url);
        Assert.Contains("tenant", (await TestTokens.ErrorAsync(_common.Client(_idp.Token(TenantC, Audience)), Url, 401)).Message, StringComparison.Ordinal);
        // An allowed tid under another tenant's issuer.
        Assert.Contains("issuer", (await TestTokens.ErrorAsync(_common.Client(_idp.Token(TenantA, Audience, issuerTenant: TenantB)), Url, 401)).Message, StringComparison.Ordinal);
    }
}
