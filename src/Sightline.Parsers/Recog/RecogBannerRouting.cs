using System.Text.RegularExpressions;

namespace Sightline.Parsers.Recog;

/// <summary>
/// Cuts a raw banner into the piece each recog database expects: recog's SSH database wants what follows
/// <c>SSH-2.0-</c>, its FTP/SMTP/POP/IMAP databases want the greeting without the status code, and its HTTP
/// databases want one header's value.
/// </summary>
internal static partial class RecogBannerRouting
{
    private static readonly Dictionary<string, string> _headerKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        ["server"] = "http_header.server",
        ["x-powered-by"] = "http_header.x-powered-by",
        ["www-authenticate"] = "http_header.wwwauth",
        ["set-cookie"] = "http_header.cookie",
    };

    public static IEnumerable<(string Key, string Text)> Candidates(string? service, string banner)
    {
        var lines = banner.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0).ToList();
        if (lines.Count == 0)
        {
            return [];
        }
        var first = lines[0];
        var name = (service ?? "").ToLowerInvariant();
        return name switch
        {
            "ssh" => Ssh(lines),
            "ftp" => [("ftp.banner", StatusCode().Replace(first, "", 1))],
            "smtp" or "submission" or "smtps" => [("smtp.banner", StatusCode().Replace(first, "", 1))],
            "pop3" or "pop3s" => [("pop3.banner", PopOk().Replace(first, "", 1))],
            "imap" or "imaps" => [("imap4.banner", ImapOk().Replace(first, "", 1))],
            "nntp" => [("nntp.banner", StatusCode().Replace(first, "", 1))],
            "telnet" => [("telnet_banners", banner)],
            "x11" => [("x11.vendor", first)],
            "rtsp" => Headers(lines, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["server"] = "rtsp_header.server" }),
            "sip" => Headers(lines, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["server"] = "sip_header.server",
                ["user-agent"] = "sip_header.user_agent",
            }),
            _ when name.StartsWith("http", StringComparison.Ordinal) || name is "https-alt" or "ssl/http" => Headers(lines, _headerKeys),
            _ => Sniff(lines, banner),
        };
    }

    /// <summary>An unknown service name: guess the protocol from the banner's own shape.</summary>
    private static IEnumerable<(string Key, string Text)> Sniff(List<string> lines, string banner)
    {
        var first = lines[0];
        if (first.StartsWith("SSH-", StringComparison.Ordinal))
        {
            return Ssh(lines);
        }
        if (StatusCode().IsMatch(first))
        {
            var rest = StatusCode().Replace(first, "", 1);
            return [("smtp.banner", rest), ("ftp.banner", rest), ("nntp.banner", rest)];
        }
        if (first.StartsWith("+OK", StringComparison.Ordinal))
        {
            return [("pop3.banner", PopOk().Replace(first, "", 1))];
        }
        if (first.StartsWith("* OK", StringComparison.Ordinal))
        {
            return [("imap4.banner", ImapOk().Replace(first, "", 1))];
        }
        return first.StartsWith("HTTP/", StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal)
            ? Headers(lines, _headerKeys)
            : [("telnet_banners", banner)];
    }

    private static IEnumerable<(string Key, string Text)> Ssh(List<string> lines)
    {
        foreach (var line in lines)
        {
            var m = SshIdentification().Match(line);
            if (m.Success)
            {
                return [("ssh.banner", m.Groups[1].Value)];
            }
        }
        return [];
    }

    private static List<(string Key, string Text)> Headers(List<string> lines, Dictionary<string, string> keys)
    {
        var found = new List<(string, string)>();
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }
            if (keys.TryGetValue(line[..colon].Trim(), out var key))
            {
                found.Add((key, line[(colon + 1)..].Trim()));
            }
        }
        // Databases in the order of the map (Server first), as its header is the most telling.
        return [.. found.OrderBy(f => keys.Values.ToList().IndexOf(f.Item1))];
    }

    [GeneratedRegex(@"^\d{3}[ -]?")]
    private static partial Regex StatusCode();

    [GeneratedRegex(@"^\+OK\s*")]
    private static partial Regex PopOk();

    [GeneratedRegex(@"^\*\s+OK\s*")]
    private static partial Regex ImapOk();

    [GeneratedRegex(@"^SSH-\d+\.\d+-(.+)$")]
    private static partial Regex SshIdentification();
}
