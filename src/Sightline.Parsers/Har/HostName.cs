using System.Globalization;
using System.Net;

namespace Sightline.Parsers.Har;

/// <summary>Host names as Sightline keys them: lower-case, no port, no trailing dot, IP addresses canonical.</summary>
internal static class HostName
{
    private static readonly IdnMapping Idn = new();

    /// <summary>Parses an absolute http(s) or ws(s) URL; other schemes (data:, blob:, about:) have no host to key on.</summary>
    public static Uri? ParseWebUrl(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri))
        {
            return null;
        }
        var web = uri.Scheme is "http" or "https" or "ws" or "wss";
        return web && FromUri(uri) is not null ? uri : null;
    }

    public static string? FromUri(Uri uri) => uri.HostNameType switch
    {
        UriHostNameType.IPv4 or UriHostNameType.IPv6 => IPAddress.TryParse(uri.DnsSafeHost, out var ip) ? Canonical(ip) : null,
        UriHostNameType.Dns or UriHostNameType.Basic => Name(uri.IdnHost),
        _ => null,
    };

    /// <summary>A host written by hand (a cookie Domain attribute): leading dot dropped, IDN converted.</summary>
    public static string? Normalize(string? text)
    {
        var trimmed = text?.Trim().TrimStart('.');
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }
        if (IPAddress.TryParse(trimmed.Trim('[', ']'), out var ip))
        {
            return Canonical(ip);
        }
        try
        {
            return Name(Idn.GetAscii(trimmed.TrimEnd('.')));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static string? Name(string host)
    {
        var name = host.TrimEnd('.').ToLowerInvariant();
        return name.Length == 0 || name.Contains(' ', StringComparison.Ordinal) ? null : name;
    }

    private static string Canonical(IPAddress ip)
    {
        // The scope (%eth0) names an interface of the crawler, not part of the host.
        if (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 && ip.ScopeId != 0)
        {
            ip = new IPAddress(ip.GetAddressBytes());
        }
        return ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4().ToString() : ip.ToString();
    }
}
