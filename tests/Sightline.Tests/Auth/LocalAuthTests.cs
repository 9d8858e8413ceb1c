using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Sightline.Auth;
using Sightline.Tests.Support;

namespace Sightline.Tests.Auth;

/// <summary>The default <c>local</c> mode: ES256 tokens signed by the instance key in the data folder.</summary>
public sealed class LocalAuthTests : IAsyncLifetime
{
    private const string Url = Graph.Root + "/articles";
    private SightlineServer _server = null!;
    private ECDsaSecurityKey _key = null!;

    public async Task InitializeAsync()
    {
        _server = await SightlineServer.StartAsync(loadDemo: false);
        _key = SigningKey.LoadOrCreate(_server.DataDir);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private string Token(SecurityKey? key = null, string issuer = LocalTokens.Issuer, string? audience = null, DateTime? notBefore = null, DateTime? expires = null,
        string[]? roles = null, string? scp = null)
    {
        var claims = new Dictionary<string, object> { ["sub"] = "test-app" };
        if (scp is null)
        {
            claims["roles"] = roles ?? [Permissions.Read];
        }
        else
        {
            claims["scp"] = scp;
        }
        return TestTokens.Create(key ?? _key, SecurityAlgorithms.EcdsaSha256, issuer, audience ?? LocalTokens.Audiences[0], claims, notBefore, expires);
    }

    [Fact]
    public async Task App_and_delegated_tokens_with_the_read_permission_are_accepted()
    {
        await _server.Client(Token()).GetJsonAsync(Url);
        await _server.Client(Token(scp: "openid ThreatIntelligence.Read.All")).GetJsonAsync(Url);
        await _server.Client(Token(audience: LocalTokens.Audiences[1])).GetJsonAsync(Url);
        using var response = await _server.Client(Token()).GetAsync(Url);
        Assert.False(response.Headers.Contains("Sightline-Warning"), "a warning header outside --auth none");
    }

    [Fact]
    public async Task A_missing_or_malformed_token_is_a_401()
    {
        var (code, message) = await TestTokens.ErrorAsync(_server.AnonymousClient(), Url, 401);
        Assert.Equal("InvalidAuthenticationToken", code);
        Assert.Equal("Access token is empty.", message);
        Assert.Equal("InvalidAuthenticationToken", (await TestTokens.ErrorAsync(_server.Client("not.a.jwt"), Url, 401)).Code);
    }

    [Fact]
    public async Task Expired_and_not_yet_valid_tokens_are_a_401()
    {
        var expired = Token(notBefore: DateTime.UtcNow.AddHours(-3), expires: DateTime.UtcNow.AddHours(-2));
        Assert.Contains("expired", (await TestTokens.ErrorAsync(_server.Client(expired), Url, 401)).Message, StringComparison.OrdinalIgnoreCase);
        var early = Token(notBefore: DateTime.UtcNow.AddHours(1), expires: DateTime.UtcNow.AddHours(2));
        Assert.Contains("not yet valid", (await TestTokens.ErrorAsync(_server.Client(early), Url, 401)).Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_wrong_signature_is_a_401()
    {
        // Another key that claims the instance key's id, and a token whose payload was changed after signing.
        var impostor = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = _key.KeyId };
        Assert.Contains("Signature", (await TestTokens.ErrorAsync(_server.Client(Token(impostor)), Url, 401)).Message, StringComparison.Ordinal);
        var parts = Token(roles: ["User.Read"]).Split('.');
        var tampered = parts[0] + "." + Base64UrlEncoder.Encode(Base64UrlEncoder.Decode(parts[1]).Replace("User.Read", Permissions.Read, StringComparison.Ordinal)) + "." + parts[2];
        await TestTokens.ErrorAsync(_server.Client(tampered), Url, 401);
        var unsigned = TestTokens.Unsigned(LocalTokens.Issuer, LocalTokens.Audiences[0], new() { ["roles"] = new[] { Permissions.Read } });
        await TestTokens.ErrorAsync(_server.Client(unsigned), Url, 401);
    }

    /// <summary>Found by the API fuzz: the libraries' messages listed the key types tried and "PII of type 'System.String'".</summary>
    [Theory]
    [InlineData("signature")]
    [InlineData("malformed")]
    [InlineData("issuer")]
    [InlineData("alg none")]
    public async Task A_refused_token_is_explained_without_the_validation_librarys_internals(string fault)
    {
        var parts = Token().Split('.');
        var token = fault switch
        {
            "signature" => string.Join('.', parts[0], parts[1], parts[2][..^4] + (parts[2].EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA")),
            "malformed" => "a.b.c",
            "issuer" => Token(issuer: "https://login.microsoftonline.com/x/v2.0"),
            _ => TestTokens.Unsigned(LocalTokens.Issuer, LocalTokens.Audiences[0], new() { ["roles"] = new[] { Permissions.Read } }),
        };
        var (_, message) = await TestTokens.ErrorAsync(_server.Client(token), Url, 401);
        Assert.StartsWith("Access token validation failure. IDX", message, StringComparison.Ordinal);
        foreach (var internals in new[] { "Microsoft.", "System.", "PII", "Exception", "KeyId", "\n" })
        {
            Assert.DoesNotContain(internals, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_wrong_issuer_or_audience_is_a_401()
    {
        Assert.Contains("IDX10205", (await TestTokens.ErrorAsync(_server.Client(Token(issuer: "https://login.microsoftonline.com/x/v2.0")), Url, 401)).Message, StringComparison.Ordinal);
        Assert.Contains("IDX10214", (await TestTokens.ErrorAsync(_server.Client(Token(audience: "api://someone-else")), Url, 401)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_without_the_permission_is_a_403_for_roles_and_for_scp()
    {
        var (code, message) = await TestTokens.ErrorAsync(_server.Client(Token(roles: ["User.Read.All", Permissions.Ingest])), Url, 403);
        Assert.Equal("Authorization_RequestDenied", code);
        Assert.Contains(Permissions.Read, message, StringComparison.Ordinal);
        Assert.Equal("Authorization_RequestDenied", (await TestTokens.ErrorAsync(_server.Client(Token(scp: "openid profile ThreatIntelligence.Read")), Url, 403)).Code);
    }

    [Fact]
    public async Task Ingest_needs_its_own_permission()
    {
        Assert.Equal("InvalidAuthenticationToken", (await TestTokens.ErrorAsync(_server.AnonymousClient(), "/ingest/cof", 401, HttpMethod.Post)).Code);
        Assert.Equal("Authorization_RequestDenied", (await TestTokens.ErrorAsync(_server.Client(Token()), "/ingest/cof", 403, HttpMethod.Post)).Code);
        // Past authorization, an empty body is the next thing wrong.
        Assert.Equal("BadRequest", (await TestTokens.ErrorAsync(_server.Client(Token(roles: [Permissions.Ingest])), "/ingest/cof", 400, HttpMethod.Post)).Code);
    }

    [Fact]
    public async Task Health_is_public_and_its_details_need_the_operations_permission()
    {
        var health = await _server.AnonymousClient().GetJsonAsync("/healthz");
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Single(health.EnumerateObject());

        await TestTokens.ErrorAsync(_server.AnonymousClient(), "/healthz/details", 401);
        Assert.Equal("Authorization_RequestDenied", (await TestTokens.ErrorAsync(_server.Client(Token()), "/healthz/details", 403)).Code);
        var details = await _server.Client(Token(roles: [Permissions.Operations])).GetJsonAsync("/healthz/details");
        Assert.Equal("local", details.GetProperty("authentication").GetString());
        Assert.Equal("healthy", details.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Rotating_the_key_with_the_token_command_revokes_the_old_key_on_the_running_server()
    {
        var before = _server.Client(Token());
        await before.GetJsonAsync(Url);

        var (exit, stdout, stderr) = await SightlineCli.RunAsync(TimeSpan.FromSeconds(60), "token", "--rotate-key", "--data-dir", _server.DataDir);
        Assert.True(exit == 0, $"token --rotate-key exited with {exit}: {stderr}");
        Assert.Contains(_key.KeyId, stderr, StringComparison.Ordinal);
        Assert.Contains(_key.KeyId, await File.ReadAllTextAsync(Path.Combine(_server.DataDir, SigningKey.RevokedFileName)), StringComparison.Ordinal);

        Assert.Contains("revoked", (await TestTokens.ErrorAsync(before, Url, 401)).Message, StringComparison.Ordinal);
        await _server.Client(stdout.Trim()).GetJsonAsync(Url);
        Assert.NotEqual(_key.KeyId, SigningKey.LoadOrCreate(_server.DataDir).KeyId);
    }
}
