using System.Text.RegularExpressions;
using System.Xml;

namespace Sightline.Parsers.Nmap;

/// <summary>One NSE <c>&lt;script&gt;</c> result, and which of them are banners.</summary>
internal sealed partial record NmapScript(string Id, string Output, string? Pem)
{
    /// <summary>Reads the script element under the reader, leaving the reader on its end.</summary>
    public static NmapScript Read(XmlReader reader)
    {
        var id = reader.GetAttribute("id") ?? "";
        var output = reader.GetAttribute("output") ?? "";
        string? pem = null;
        using var sub = reader.ReadSubtree();
        sub.Read();
        while (sub.Read())
        {
            // ssl-cert's structured output carries the certificate as <elem key="pem">.
            if (sub.NodeType == XmlNodeType.Element && sub.Name == "elem" && sub.GetAttribute("key") == "pem")
            {
                pem = NormalisePem(ElementText(sub));
            }
        }
        if (pem is null && id == "ssl-cert" && PemBlock().Match(output) is { Success: true } m)
        {
            pem = NormalisePem(m.Value);
        }
        return new NmapScript(id, output, pem);
    }

    /// <summary>The text content of the element under the reader, leaving the reader on its end tag.</summary>
    public static string ElementText(XmlReader reader)
    {
        using var sub = reader.ReadSubtree();
        sub.Read();
        return sub.ReadElementContentAsString();
    }

    /// <summary>
    /// Banner-like outputs: <c>banner</c> (what the service said first), <c>http-headers</c> (the response
    /// headers) and <c>http-server-header</c> (the Server header alone). Key fingerprints (<c>ssh-hostkey</c>)
    /// and certificates are not banners.
    /// </summary>
    public static IReadOnlyList<NmapBanner> Banners(IEnumerable<NmapScript> scripts, string? serviceName, string? tunnel)
    {
        var web = tunnel == "ssl" || serviceName is "https" or "ssl/http" ? "https" : "http";
        var banners = new List<NmapBanner>();
        foreach (var script in scripts)
        {
            var banner = script.Id switch
            {
                "banner" when script.Output.Trim().Length > 0 => new NmapBanner(serviceName ?? "unknown", script.Output.Trim()),
                "http-headers" => HeaderBlock(script.Output) is { Length: > 0 } headers ? new NmapBanner(web, headers) : null,
                "http-server-header" when script.Output.Trim().Length > 0 => new NmapBanner(web, "Server: " + script.Output.Trim()),
                _ => null,
            };
            if (banner is not null)
            {
                banners.Add(banner);
            }
        }
        // http-server-header repeats a line that http-headers already holds: keep the fuller text.
        return banners
            .Where(b => !banners.Any(o => !ReferenceEquals(o, b) && o.Text.Length > b.Text.Length && o.Text.Contains(b.Text, StringComparison.Ordinal)))
            .Distinct()
            .ToList();
    }

    /// <summary>http-headers indents each header and ends with "(Request type: HEAD)"; keep the headers only.</summary>
    private static string HeaderBlock(string output)
    {
        var lines = output.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith("(Request type:", StringComparison.Ordinal));
        return string.Join('\n', lines);
    }

    private static string NormalisePem(string pem)
    {
        var lines = pem.Replace("\r", "", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
        return string.Join('\n', lines) + "\n";
    }

    [GeneratedRegex("-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\\s]+?-----END CERTIFICATE-----")]
    private static partial Regex PemBlock();
}
