using System.Globalization;
using Sightline.Parsers.Dns;

namespace Sightline.Parsers.Articles;

/// <summary>A URL found in text, with its scheme and host normalised and the host pulled out.</summary>
internal sealed record FoundUrl(string Value, string Host, bool HostIsIp);

/// <summary>Cuts a URL out of running text and normalises it, without <see cref="Uri"/>'s rewriting of the path.</summary>
internal static class UrlText
{
    /// <summary>
    /// Drops what prose and Markdown put after a URL: sentence punctuation, emphasis, and a closing bracket that has
    /// no opening one inside the URL (<c>[site](https://x.test/a)</c>, <c>(see https://x.test)</c>).
    /// </summary>
    public static string TrimTrailing(string url)
    {
        var end = url.Length;
        while (end > 0)
        {
            var c = url[end - 1];
            var drop = c switch
            {
                '.' or ',' or ';' or ':' or '!' or '?' or '*' or '_' or '~' => true,
                ')' => Count(url, end, '(') < Count(url, end, ')'),
                ']' => Count(url, end, '[') < Count(url, end, ']'),
                _ => false,
            };
            if (!drop)
            {
                break;
            }
            end--;
        }
        return url[..end];
    }

    /// <summary>Lower-cases the scheme and host (punycode, IPs canonical) and keeps the rest as written; null if the host is invalid.</summary>
    public static FoundUrl? Normalize(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return null;
        }
        var authorityStart = schemeEnd + 3;
        var authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        authorityEnd = authorityEnd < 0 ? url.Length : authorityEnd;
        var authority = url[authorityStart..authorityEnd];
        var at = authority.LastIndexOf('@');
        var userInfo = at < 0 ? "" : authority[..(at + 1)];
        var hostPort = authority[(at + 1)..];
        if (!SplitPort(hostPort, out var rawHost, out var port)
            || HostNames.Normalize(rawHost, out var isIp) is not { } host)
        {
            return null;
        }
        var hostText = isIp && host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host;
        var value = string.Concat(url[..schemeEnd].ToLowerInvariant(), "://", userInfo, hostText, port, url[authorityEnd..]);
        return new FoundUrl(value, host, isIp);
    }

    /// <summary>Splits "host:port" (IPv6 in brackets); the port keeps its colon, and must be 0–65535.</summary>
    private static bool SplitPort(string hostPort, out string host, out string port)
    {
        host = hostPort;
        port = "";
        var colon = hostPort.LastIndexOf(':');
        if (colon < 0 || (hostPort.StartsWith('[') && colon < hostPort.IndexOf(']', StringComparison.Ordinal)))
        {
            return hostPort.Length > 0;
        }
        var digits = hostPort[(colon + 1)..];
        host = hostPort[..colon];
        port = ":" + digits;
        return host.Length > 0 && (digits.Length == 0 || (digits.Length <= 5 && digits.All(char.IsAsciiDigit)
            && int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture) <= 65535));
    }

    private static int Count(string text, int end, char c) => text.AsSpan(0, end).Count(c);
}
