using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Sightline.Tests.Auth;

/// <summary>Tokens shaped exactly as each test needs: any key, algorithm, issuer, audience, lifetime and claims.</summary>
public static class TestTokens
{
    public static string Create(SecurityKey key, string algorithm, string issuer, string audience, Dictionary<string, object> claims,
        DateTime? notBefore = null, DateTime? expires = null)
    {
        var start = notBefore ?? DateTime.UtcNow.AddMinutes(-1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = start,
            NotBefore = start,
            Expires = expires ?? start.AddHours(1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, algorithm),
        });
    }

    /// <summary>An unsigned token (<c>alg: none</c>) with the given payload.</summary>
    public static string Unsigned(string issuer, string audience, Dictionary<string, object> claims)
    {
        var payload = new Dictionary<string, object>(claims)
        {
            ["iss"] = issuer,
            ["aud"] = audience,
            ["nbf"] = DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(),
            ["exp"] = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds(),
        };
        return Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""") + "." + Base64UrlEncoder.Encode(JsonSerializer.Serialize(payload)) + ".";
    }

    /// <summary>Asserts Graph's error envelope with this status and returns its code and message.</summary>
    public static async Task<(string Code, string Message)> ErrorAsync(HttpClient client, string url, int status, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{request.Method} {url} answered {(int)response.StatusCode}, expected {status}: {body}");
        var error = JsonDocument.Parse(body).RootElement.GetProperty("error");
        if (status == 401)
        {
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }
        return (error.GetProperty("code").GetString()!, error.GetProperty("message").GetString()!);
    }
}
