using System.Text.RegularExpressions;
using Microsoft.IdentityModel.Tokens;

namespace Sightline.Auth;

/// <summary>
/// Why a token was refused, in words fit for the client. Microsoft.IdentityModel's own messages carry diagnostics
/// meant for the server's log: the key types tried, inner exception lists and "[PII of type 'System.String' is
/// hidden]" placeholders. Only their IDX code and first sentence go out, with a plain reason for the common cases.
/// </summary>
internal static partial class TokenFailures
{
    public static string Describe(Exception? failure)
    {
        if (failure is null)
        {
            return "Invalid audience or signature.";
        }
        var message = failure.Message;
        var code = IdxCode().Match(message) is { Success: true } m ? m.Value + ": " : null;
        if (code is null)
        {
            // Sightline's own reasons (revoked key, issuer, tenant) are written for clients already.
            return message;
        }
        return failure switch
        {
            SecurityTokenExpiredException => code + "Lifetime validation failed. The token is expired.",
            SecurityTokenNotYetValidException => code + "Lifetime validation failed. The token is not yet valid.",
            SecurityTokenInvalidSignatureException => code + "Signature validation failed: the token was not signed by a key this server trusts, or was changed after signing.",
            _ => FirstSentence(message),
        };
    }

    private static string FirstSentence(string message)
    {
        var text = Pii().Replace(message, "(hidden)");
        var end = text.IndexOfAny(['\n', '\r']);
        text = end < 0 ? text : text[..end];
        var stop = text.IndexOf(". ", StringComparison.Ordinal);
        text = stop < 0 ? text : text[..(stop + 1)];
        return text.Contains("Microsoft.", StringComparison.Ordinal) || text.Contains("System.", StringComparison.Ordinal)
            ? IdxCode().Match(text).Value + ": The token could not be validated."
            : text;
    }

    [GeneratedRegex(@"^IDX\d+")]
    private static partial Regex IdxCode();

    [GeneratedRegex(@"\[PII of type '[^']*' is hidden\.[^\]]*\]")]
    private static partial Regex Pii();
}
