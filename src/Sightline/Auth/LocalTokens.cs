using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Sightline.Auth;

/// <summary>Tokens of the <c>local</c> mode: signed by the instance key, shaped like Entra ID tokens for Graph.</summary>
public static class LocalTokens
{
    public const string Issuer = "https://sightline.local/";
    public const string ReadPermission = Permissions.Read;
    public static readonly string[] Audiences = ["https://graph.microsoft.com", "00000003-0000-0000-c000-000000000000"];

    public static string Create(SecurityKey key, TimeSpan lifetime, string subject = "sightline-local-app", IEnumerable<string>? roles = null, IEnumerable<string>? scopes = null, DateTime? notBefore = null)
    {
        var now = notBefore ?? DateTime.UtcNow;
        var claims = new Dictionary<string, object> { ["sub"] = subject, ["oid"] = subject, ["appid"] = subject };
        var roleList = (roles ?? (scopes is null ? [ReadPermission] : [])).ToArray();
        if (roleList.Length > 0)
        {
            claims["roles"] = roleList;
        }
        if (scopes is not null)
        {
            claims["scp"] = string.Join(' ', scopes);
        }
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audiences[0],
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
        });
    }
}
