using System.Text.RegularExpressions;

namespace Sightline.Parsers.Whois;

/// <summary>Cleans single values: host names, domain names, status flags.</summary>
internal static partial class WhoisValues
{
    /// <summary>"NS1.Example.NET. 192.0.2.1" → "ns1.example.net"; null when the value is no host name.</summary>
    public static string? HostName(string value)
    {
        var token = value.Trim().Split([' ', '\t', ',', '[', '('], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (token is null)
        {
            return null;
        }
        var host = token.TrimEnd('.').ToLowerInvariant();
        return HostRegex().IsMatch(host) ? host : null;
    }

    /// <summary>A domain name as the response gives it; a registry may answer for a bare TLD ("COM").</summary>
    public static string? DomainName(string value)
    {
        var token = value.Trim().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (token is null)
        {
            return null;
        }
        var domain = token.TrimEnd('.').ToLowerInvariant();
        return DomainRegex().IsMatch(domain) ? domain : null;
    }

    /// <summary>
    /// Splits a status value into flags: "clientTransferProhibited https://icann.org/epp#clientTransferProhibited"
    /// → "clientTransferProhibited"; "ok (paid and in zone)" → "ok"; "REGISTERED, DELEGATED" → two flags.
    /// </summary>
    public static IEnumerable<string> Statuses(string value)
    {
        var text = UrlRegex().Replace(value, " ");
        var cut = CommentRegex().Match(text);
        if (cut.Success)
        {
            text = text[..cut.Index];
        }
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var flag = part.Trim('(', ')', ' ', '.');
            if (flag.Length > 0)
            {
                yield return flag;
            }
        }
    }

    [GeneratedRegex(@"^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)+$")]
    private static partial Regex HostRegex();

    [GeneratedRegex(@"^[\p{L}\p{N}_-]+(\.[\p{L}\p{N}_-]+)*$")]
    private static partial Regex DomainRegex();

    [GeneratedRegex(@"\(?\s*https?://\S*\s*\)?", RegexOptions.IgnoreCase)]
    private static partial Regex UrlRegex();

    // Explanations after a flag: " (paid and in zone)", " - Normal state.", " (2024/03/31)".
    [GeneratedRegex(@"\s+(\(|-\s)")]
    private static partial Regex CommentRegex();
}
