using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Sightline.Parsers.X509;

/// <summary>Normalises a sighting's host: lower-case DNS name without trailing dot, or canonical IP text.</summary>
internal static class HostName
{
    private const int _maxLength = 253;
    private const int _maxLabel = 63;
    private static readonly IdnMapping _idn = new();

    public static string? Normalize(string raw, out string? error)
    {
        error = null;
        var host = raw.Trim();
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }
        if (host.Length == 0)
        {
            return Reject("host is empty", out error);
        }
        if (host.Contains(':', StringComparison.Ordinal))
        {
            return IPAddress.TryParse(host, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6
                ? v6.ToString()
                : Reject($"host '{raw}' is not a valid IPv6 address", out error);
        }
        if (host.All(c => char.IsAsciiDigit(c) || c == '.'))
        {
            // IPAddress.TryParse also takes "10" or "10.1" (inet_aton forms); a sighting must name four octets.
            return host.Split('.').Length == 4 && IPAddress.TryParse(host, out var v4)
                ? v4.ToString()
                : Reject($"host '{raw}' is not a valid IPv4 address", out error);
        }
        return NormalizeDns(raw, host.TrimEnd('.'), out error);
    }

    private static string? NormalizeDns(string raw, string host, out string? error)
    {
        error = null;
        if (!host.All(char.IsAscii))
        {
            try
            {
                host = _idn.GetAscii(host);
            }
            catch (ArgumentException)
            {
                return Reject($"host '{raw}' is not a valid internationalised domain name", out error);
            }
        }
        host = host.ToLowerInvariant();
        var labels = host.Split('.');
        var valid = host.Length is > 0 and <= _maxLength
            && labels.All(l => l.Length is > 0 and <= _maxLabel && l.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
        return valid ? host : Reject($"host '{raw}' is not a valid host name", out error);
    }

    private static string? Reject(string reason, out string? error)
    {
        error = reason;
        return null;
    }
}
