namespace Sightline.Parsers.Recog;

/// <summary>
/// Derives a coarse component category from what a match names, since recog itself has none. Web servers and
/// operating systems take Wappalyzer's category names, so a server seen by a scan and by a crawl is one component.
/// </summary>
internal static class RecogCategories
{
    public static string For(RecogMatch match)
    {
        if (match.Params.ContainsKey("service.product") || match.Params.ContainsKey("service.vendor"))
        {
            return ServiceCategory(match.Get("service.protocol"));
        }
        if (match.Params.ContainsKey("os.product") || match.Params.ContainsKey("os.family"))
        {
            return "Operating systems";
        }
        return match.Params.ContainsKey("hw.product") || match.Params.ContainsKey("hw.vendor") ? "Hardware" : "";
    }

    private static string ServiceCategory(string? protocol) => protocol switch
    {
        "http" or "https" => "Web servers",
        "ssh" => "SSH server",
        "ftp" => "FTP server",
        "smtp" or "pop3" or "imap" => "Mail server",
        "telnet" => "Telnet server",
        "dns" => "DNS server",
        "mysql" => "Database server",
        "sip" or "h.323" or "rtsp" => "Media server",
        "snmp" => "Network management",
        null or "" => "Service",
        _ => protocol + " server",
    };
}
