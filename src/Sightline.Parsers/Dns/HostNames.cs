using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sightline.Parsers.Dns;

/// <summary>
/// Puts host names and IP addresses into the one form every importer stores: lower-case, no trailing dot,
/// internationalised labels as punycode (<c>xn--</c>), IP addresses in <see cref="IPAddress.ToString"/> form.
/// </summary>
internal static class HostNames
{
    public const int MaxNameLength = 253;
    public const int MaxLabelLength = 63;

    /// <summary>The normalised host, or null when it is neither a valid host name nor an IP address.</summary>
    public static string? Normalize(string? input) => Normalize(input, out _);

    /// <summary>
    /// The normalised host, or null when invalid. Labels are letters, digits, hyphens (not first or last) and
    /// underscores (SRV and DKIM style names such as <c>_sip._tcp.example.com</c>), 1 to 63 characters, the whole
    /// name at most 253. An IPv4 address must be a plain dotted quad (no octal, hex or short forms, which
    /// <see cref="IPAddress.TryParse(string, out IPAddress)"/> would accept); IPv6 may be bracketed.
    /// Already-normal ASCII input is returned as the same string instance, so hot loops do not allocate.
    /// </summary>
    public static string? Normalize(string? input, out bool isIpAddress)
    {
        isIpAddress = false;
        if (input is null)
        {
            return null;
        }
        var span = input.AsSpan().Trim();
        if (span.IsEmpty)
        {
            return null;
        }
        if (span[0] == '[' || span.Contains(':'))
        {
            var v6 = NormalizeIPv6(span);
            isIpAddress = v6 is not null;
            return v6;
        }
        if (span[^1] == '.')
        {
            span = span[..^1];
        }
        if (LooksNumeric(span))
        {
            var v4 = NormalizeIPv4(span);
            isIpAddress = v4 is not null;
            return v4;
        }
        return Ascii.IsValid(span) ? NormalizeAscii(input, span) : NormalizeUnicode(span);
    }

    /// <summary>True when <paramref name="host"/> is already in the normal form <see cref="Normalize(string?)"/> gives a name.</summary>
    public static bool IsNormalHostName(ReadOnlySpan<char> host)
    {
        if (host.IsEmpty || host.Length > MaxNameLength)
        {
            return false;
        }
        var labelStart = 0;
        for (var i = 0; i <= host.Length; i++)
        {
            if (i < host.Length && host[i] != '.')
            {
                var c = host[i];
                if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-' || c == '_'))
                {
                    return false;
                }
                continue;
            }
            if (!IsValidLabel(host[labelStart..i]))
            {
                return false;
            }
            labelStart = i + 1;
        }
        // A numeric top-level label would make the name read as a (bad) IPv4 address; no TLD is numeric.
        return !IsAllDigits(host[(host.LastIndexOf('.') + 1)..]);
    }

    private static bool IsValidLabel(ReadOnlySpan<char> label) =>
        label.Length is > 0 and <= MaxLabelLength && label[0] != '-' && label[^1] != '-';

    private static string? NormalizeAscii(string original, ReadOnlySpan<char> span)
    {
        if (IsNormalHostName(span))
        {
            return span.Length == original.Length ? original : span.ToString();
        }
        if (span.Length > MaxNameLength)
        {
            return null;
        }
        Span<char> lower = stackalloc char[span.Length];
        span.ToLowerInvariant(lower);
        return IsNormalHostName(lower) ? lower.ToString() : null;
    }

    private static string? NormalizeUnicode(ReadOnlySpan<char> span)
    {
        // Invariant globalisation has no NFKC, so map the usual look-alikes by hand: full-width ASCII and the
        // ideographic full stops that IDNA treats as dots.
        var chars = new char[span.Length];
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            chars[i] = c switch
            {
                '\u3002' or '\uFF0E' or '\uFF61' => '.',
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                _ => char.ToLowerInvariant(c),
            };
        }
        string ascii;
        try
        {
            ascii = new IdnMapping { UseStd3AsciiRules = false }.GetAscii(new string(chars));
        }
        catch (ArgumentException)
        {
            return null;
        }
        ascii = ascii.ToLowerInvariant();
        if (ascii.EndsWith('.'))
        {
            ascii = ascii[..^1];
        }
        return IsNormalHostName(ascii) ? ascii : null;
    }

    private static string? NormalizeIPv6(ReadOnlySpan<char> span)
    {
        if (span[0] == '[')
        {
            if (span.Length < 3 || span[^1] != ']')
            {
                return null;
            }
            span = span[1..^1];
        }
        // A zone (fe80::1%eth0) names an interface of one machine, which is no host identity.
        if (!span.Contains(':') || span.Contains('%'))
        {
            return null;
        }
        return IPAddress.TryParse(span, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6
            ? address.ToString()
            : null;
    }

    private static string? NormalizeIPv4(ReadOnlySpan<char> span)
    {
        if (!TryParseDottedQuad(span, out var value))
        {
            return null;
        }
        return new IPAddress(
            [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]).ToString();
    }

    /// <summary>Four decimal octets, no leading zeros (those read as octal to some resolvers).</summary>
    internal static bool TryParseDottedQuad(ReadOnlySpan<char> span, out uint value)
    {
        value = 0;
        var parts = 0;
        foreach (var range in span.Split('.'))
        {
            var part = span[range];
            if (++parts > 4 || part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0') || !IsAllDigits(part))
            {
                return false;
            }
            var octet = int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);
            if (octet > 255)
            {
                return false;
            }
            value = (value << 8) | (uint)octet;
        }
        return parts == 4;
    }

    /// <summary>Digits and dots only: such a name is an IPv4 address or nothing.</summary>
    private static bool LooksNumeric(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c) && c != '.')
            {
                return false;
            }
        }
        return !span.IsEmpty;
    }

    // A plain loop: the span helpers (ContainsAnyExceptInRange) allocate on some paths, and names are short.
    private static bool IsAllDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return !span.IsEmpty;
    }
}
