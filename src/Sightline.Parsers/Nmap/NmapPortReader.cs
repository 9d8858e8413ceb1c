using System.Xml;

namespace Sightline.Parsers.Nmap;

/// <summary>Reads the subtree of one <c>&lt;port&gt;</c>: state, service and the scripts that carry banners.</summary>
internal static class NmapPortReader
{
    /// <summary>The port's fields; host, port number and protocol are filled in by the caller.</summary>
    public static NmapPortObservation Read(XmlReader port)
    {
        string state = "unknown";
        string? reason = null;
        string? serviceName = null;
        string? product = null;
        string? version = null;
        string? extraInfo = null;
        string? tunnel = null;
        string? fingerprint = null;
        string? pem = null;
        var cpes = new List<string>();
        var scripts = new List<NmapScript>();
        port.Read();
        while (port.Read())
        {
            if (port.NodeType != XmlNodeType.Element)
            {
                continue;
            }
            switch (port.Name)
            {
                case "state":
                    state = Clean(port.GetAttribute("state"))?.ToLowerInvariant() ?? "unknown";
                    reason = Clean(port.GetAttribute("reason"));
                    break;
                case "service":
                    serviceName = Clean(port.GetAttribute("name"))?.ToLowerInvariant();
                    product = Clean(port.GetAttribute("product"));
                    version = Clean(port.GetAttribute("version"));
                    extraInfo = Clean(port.GetAttribute("extrainfo"));
                    tunnel = Clean(port.GetAttribute("tunnel"));
                    fingerprint = Clean(port.GetAttribute("servicefp"));
                    break;
                case "cpe":
                    if (Clean(NmapScript.ElementText(port)) is { } cpe)
                    {
                        cpes.Add(cpe);
                    }
                    break;
                case "script":
                    var script = NmapScript.Read(port);
                    scripts.Add(script);
                    pem ??= script.Pem;
                    break;
                default:
                    break;
            }
        }
        return new NmapPortObservation
        {
            Host = "",
            Hostnames = [],
            Port = 0,
            Protocol = "",
            State = state,
            Reason = reason,
            ServiceName = serviceName,
            Product = product,
            Version = version,
            ExtraInfo = extraInfo,
            Cpes = cpes,
            Banners = NmapScript.Banners(scripts, serviceName, tunnel),
            CertificatePem = pem,
            ServiceFingerprint = fingerprint,
        };
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
