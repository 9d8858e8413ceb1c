using System.Globalization;
using System.Net;
using System.Xml;

namespace Sightline.Parsers.Nmap;

/// <summary>One <c>&lt;host&gt;</c> element as read: its address, names, times and ports, or why a part was rejected.</summary>
internal sealed record NmapHostBlock(
    string? Address,
    IReadOnlyList<string> Hostnames,
    string? ScannedName,
    DateTimeOffset? Start,
    DateTimeOffset? End,
    IReadOnlyList<NmapPortObservation> Ports,
    IReadOnlyList<string> Errors);

/// <summary>Reads the subtree of one <c>&lt;host&gt;</c> element.</summary>
internal static class NmapHostReader
{
    /// <exception cref="XmlException">The subtree is not well-formed.</exception>
    public static NmapHostBlock Read(XmlReader host)
    {
        var start = UnixTime(host.GetAttribute("starttime"));
        var end = UnixTime(host.GetAttribute("endtime"));
        string? ipv4 = null;
        string? ipv6 = null;
        var hostnames = new List<string>();
        string? scannedName = null;
        var ports = new List<NmapPortObservation>();
        var errors = new List<string>();
        using var sub = host.ReadSubtree();
        sub.Read();
        while (sub.Read())
        {
            if (sub.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            switch (sub.Name)
            {
                case "address":
                    ReadAddress(sub, ref ipv4, ref ipv6, errors);
                    break;
                case "hostname":
                    AddHostname(hostnames, sub.GetAttribute("name"));
                    if (sub.GetAttribute("type") == "user" && scannedName is null && hostnames.Count > 0)
                    {
                        scannedName = hostnames[^1];
                    }
                    break;
                case "port":
                    ReadPort(sub, ports, errors);
                    break;
                default:
                    break;
            }
        }
        if (ipv4 is null && ipv6 is null && errors.Count == 0)
        {
            errors.Add("host has no IPv4 or IPv6 address");
        }
        return new NmapHostBlock(ipv4 ?? ipv6, hostnames, scannedName, start, end, ports, errors);
    }

    private static void ReadAddress(XmlReader sub, ref string? ipv4, ref string? ipv6, List<string> errors)
    {
        var type = sub.GetAttribute("addrtype");
        if (type is not ("ipv4" or "ipv6"))
        {
            return; // MAC addresses describe the adapter, not the host identity.
        }
        var raw = sub.GetAttribute("addr");
        if (!IPAddress.TryParse(raw, out var ip))
        {
            errors.Add($"host address '{raw}' is not a valid {type} address");
            return;
        }
        var canonical = ip.ToString().ToLowerInvariant();
        if (type == "ipv4")
        {
            ipv4 ??= canonical;
        }
        else
        {
            ipv6 ??= canonical;
        }
    }

    private static void AddHostname(List<string> hostnames, string? name)
    {
        var clean = name?.Trim().TrimEnd('.').ToLowerInvariant();
        if (!string.IsNullOrEmpty(clean) && !hostnames.Contains(clean, StringComparer.Ordinal))
        {
            hostnames.Add(clean);
        }
    }

    private static void ReadPort(XmlReader sub, List<NmapPortObservation> ports, List<string> errors)
    {
        var rawPort = sub.GetAttribute("portid");
        var protocol = (sub.GetAttribute("protocol") ?? "").ToLowerInvariant();
        using var portReader = sub.ReadSubtree();
        var port = NmapPortReader.Read(portReader);
        if (!int.TryParse(rawPort, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 0 or > 65535)
        {
            errors.Add($"port id '{rawPort}' is not a number from 0 to 65535");
            return;
        }
        if (protocol.Length == 0)
        {
            errors.Add($"port {number} has no protocol");
            return;
        }
        ports.Add(port with { Port = number, Protocol = protocol });
    }

    private static DateTimeOffset? UnixTime(string? seconds) =>
        long.TryParse(seconds, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s > 0 && s < 253402300800
            ? DateTimeOffset.FromUnixTimeSeconds(s)
            : null;

    /// <summary>The run's <c>start</c> attribute, the fallback for hosts without their own times.</summary>
    public static DateTimeOffset? RunStart(XmlReader nmaprun) => UnixTime(nmaprun.GetAttribute("start"));
}
