using System.Globalization;
using System.Text;
using System.Xml;

namespace Sightline.Data.Demo;

/// <summary>
/// Writes the demo scans as nmap XML (<c>nmap -sV --script banner,http-headers,ssl-cert -oX</c>): one
/// <c>&lt;host&gt;</c> per scan with its start time, address, the name it was aimed at, and its open ports.
/// </summary>
internal static class DemoNmap
{
    public static byte[] Write(IEnumerable<DemoScan> scans)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) };
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("nmaprun");
            xml.WriteAttributeString("scanner", "nmap");
            xml.WriteAttributeString("args", "nmap -sV --script banner,http-headers,ssl-cert -oX demo.xml (synthetic)");
            xml.WriteAttributeString("version", "7.93");
            foreach (var scan in scans.OrderBy(s => s.Start).ThenBy(s => s.Address, StringComparer.Ordinal))
            {
                WriteHost(xml, scan);
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return buffer.ToArray();
    }

    private static void WriteHost(XmlWriter xml, DemoScan scan)
    {
        xml.WriteStartElement("host");
        xml.WriteAttributeString("starttime", Seconds(scan.Start));
        xml.WriteAttributeString("endtime", Seconds(scan.Start.AddMinutes(3)));
        xml.WriteStartElement("status");
        xml.WriteAttributeString("state", "up");
        xml.WriteEndElement();
        xml.WriteStartElement("address");
        xml.WriteAttributeString("addr", scan.Address);
        xml.WriteAttributeString("addrtype", scan.Address.Contains(':', StringComparison.Ordinal) ? "ipv6" : "ipv4");
        xml.WriteEndElement();
        xml.WriteStartElement("hostnames");
        if (scan.Name is not null)
        {
            xml.WriteStartElement("hostname");
            xml.WriteAttributeString("name", scan.Name);
            xml.WriteAttributeString("type", "user");
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteStartElement("ports");
        foreach (var port in scan.Ports)
        {
            WritePort(xml, port);
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
    }

    private static void WritePort(XmlWriter xml, DemoScanPort port)
    {
        xml.WriteStartElement("port");
        xml.WriteAttributeString("protocol", "tcp");
        xml.WriteAttributeString("portid", port.Port.ToString(CultureInfo.InvariantCulture));
        xml.WriteStartElement("state");
        xml.WriteAttributeString("state", "open");
        xml.WriteAttributeString("reason", "syn-ack");
        xml.WriteEndElement();
        xml.WriteStartElement("service");
        xml.WriteAttributeString("name", port.Service);
        if (port.Tls)
        {
            xml.WriteAttributeString("tunnel", "ssl");
        }
        xml.WriteAttributeString("method", "probed");
        xml.WriteEndElement();
        if (port.Banner is not null)
        {
            Script(xml, "banner", port.Banner);
        }
        if (port.Headers is not null)
        {
            var output = "\n" + string.Concat(port.Headers.Split('\n').Select(l => "  " + l + "\n")) + "  \n  (Request type: GET)\n";
            Script(xml, "http-headers", output);
        }
        if (port.Pem is not null)
        {
            xml.WriteStartElement("script");
            xml.WriteAttributeString("id", "ssl-cert");
            xml.WriteAttributeString("output", "(certificate below)");
            xml.WriteStartElement("elem");
            xml.WriteAttributeString("key", "pem");
            xml.WriteString(port.Pem);
            xml.WriteEndElement();
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    private static void Script(XmlWriter xml, string id, string output)
    {
        xml.WriteStartElement("script");
        xml.WriteAttributeString("id", id);
        xml.WriteAttributeString("output", output);
        xml.WriteEndElement();
    }

    private static string Seconds(DateTimeOffset value) => value.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
