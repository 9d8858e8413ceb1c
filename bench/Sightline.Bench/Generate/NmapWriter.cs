using System.Globalization;
using System.Security.Cryptography;
using System.Xml;

namespace Sightline.Bench.Generate;

/// <summary>
/// nmap XML (<c>-oX</c>) scans of <c>-sV --script banner,http-headers,http-server-header,ssl-cert</c>, five thousand
/// hosts per file (one scan a day). Seven in ten host slots are new addresses, the rest re-scans of a long tail of
/// earlier ones (a re-scan counts as another observation of the same ports). A third of the hosts have a PTR name;
/// a third of the HTTPS ports carry the certificate the ssl-cert script printed.
/// </summary>
internal static class NmapWriter
{
    private const int HostsPerFile = 5000;
    private static readonly DateTimeOffset _firstScan = new(2026, 5, 4, 1, 0, 0, TimeSpan.Zero);

    /// <summary>Writes the scans; returns the number of port elements written.</summary>
    public static int Write(string folder, int hosts, NamePool pool, int seed, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var random = Seeded.For(seed, "nmap");
        var distinct = Math.Max(1, hosts * 7 / 10);
        using var factory = new CertificateFactory(pool);
        // A host re-scanned serves the same certificate again (keys and signatures are fresh per generation).
        var served = new Dictionary<int, (string Pem, string Output)>();
        (string Pem, string Output) Certificate(int host)
        {
            if (!served.TryGetValue(host, out var certificate))
            {
                var (der, notBefore, notAfter, names) = factory.Create(host * 2);
                served[host] = certificate = (new string(PemEncoding.Write("CERTIFICATE", der)) + "\n", string.Create(CultureInfo.InvariantCulture,
                    $"Subject: commonName={names[0]}\nNot valid before: {notBefore:yyyy-MM-ddTHH:mm:ss}\nNot valid after:  {notAfter:yyyy-MM-ddTHH:mm:ss}"));
            }
            return certificate;
        }
        var ports = 0;
        var settings = new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) };
        for (var start = 0; start < hosts; start += HostsPerFile)
        {
            var scan = start / HostsPerFile;
            var time = _firstScan.AddDays(scan).ToUnixTimeSeconds();
            using var xml = XmlWriter.Create(Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"scan-{scan:D3}.xml")), settings);
            xml.WriteStartDocument();
            xml.WriteDocType("nmaprun", null, null, null);
            xml.WriteStartElement("nmaprun");
            xml.WriteAttributeString("scanner", "nmap");
            xml.WriteAttributeString("args", "nmap -sV --script banner,http-headers,http-server-header,ssl-cert -oX scan.xml -iL targets.txt");
            xml.WriteAttributeString("start", time.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("version", "7.94");
            xml.WriteAttributeString("xmloutputversion", "1.05");
            for (var slot = start; slot < Math.Min(hosts, start + HostsPerFile); slot++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var host = slot < distinct ? slot : random.LongTail(distinct);
                time += random.Next(1, 4);
                ports += WriteHost(xml, pool, Certificate, host, time, random);
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return ports;
    }

    private static int WriteHost(XmlWriter xml, NamePool pool, Func<int, (string Pem, string Output)> certificate, int host, long time, Random random)
    {
        var hostRandom = new Random((int)(pool.Hash("nmap-host", host) & int.MaxValue));
        var address = pool.Address(host);
        var domain = pool.Domain(host);
        var services = NmapService.For(hostRandom, "mail." + domain);
        xml.WriteStartElement("host");
        xml.WriteAttributeString("starttime", time.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("endtime", (time + 20 + random.Next(200)).ToString(CultureInfo.InvariantCulture));
        Empty(xml, "status", ("state", "up"), ("reason", "syn-ack"));
        Empty(xml, "address", ("addr", address), ("addrtype", "ipv4"));
        xml.WriteStartElement("hostnames");
        if (hostRandom.Chance(0.33))
        {
            Empty(xml, "hostname", ("name", hostRandom.Chance(0.5) ? domain : "host-" + address.Replace('.', '-') + "." + pool.Domain(hostRandom.LongTail(300))), ("type", "PTR"));
        }
        xml.WriteEndElement();
        xml.WriteStartElement("ports");
        foreach (var s in services)
        {
            xml.WriteStartElement("port");
            xml.WriteAttributeString("protocol", "tcp");
            xml.WriteAttributeString("portid", s.Port.ToString(CultureInfo.InvariantCulture));
            Empty(xml, "state", ("state", s.State), ("reason", s.Reason));
            xml.WriteStartElement("service");
            xml.WriteAttributeString("name", s.Name);
            Optional(xml, "product", s.Product);
            Optional(xml, "version", s.Version);
            Optional(xml, "extrainfo", s.ExtraInfo);
            Optional(xml, "tunnel", s.Tunnel);
            xml.WriteAttributeString("method", s.Product is null ? "table" : "probed");
            xml.WriteAttributeString("conf", s.Product is null ? "3" : "10");
            foreach (var cpe in s.Cpes)
            {
                xml.WriteElementString("cpe", cpe);
            }
            xml.WriteEndElement();
            if (s.Banner is not null)
            {
                Empty(xml, "script", ("id", "banner"), ("output", s.Banner));
            }
            if (s.HttpServer is not null)
            {
                var date = DateTimeOffset.FromUnixTimeSeconds(time).ToString("R", CultureInfo.InvariantCulture);
                Empty(xml, "script", ("id", "http-headers"), ("output",
                    $"\n  Server: {s.HttpServer}\n  Date: {date}\n  Content-Type: text/html\n  Connection: close\n  \n  (Request type: HEAD)\n"));
                Empty(xml, "script", ("id", "http-server-header"), ("output", s.HttpServer));
            }
            if (s.Tunnel == "ssl" && hostRandom.Chance(0.33))
            {
                var (pem, output) = certificate(host);
                xml.WriteStartElement("script");
                xml.WriteAttributeString("id", "ssl-cert");
                xml.WriteAttributeString("output", output);
                xml.WriteStartElement("elem");
                xml.WriteAttributeString("key", "pem");
                xml.WriteString(pem);
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        xml.WriteEndElement();
        return services.Count;
    }

    private static void Empty(XmlWriter xml, string name, params (string Name, string Value)[] attributes)
    {
        xml.WriteStartElement(name);
        foreach (var (attribute, value) in attributes)
        {
            xml.WriteAttributeString(attribute, value);
        }
        xml.WriteEndElement();
    }

    private static void Optional(XmlWriter xml, string name, string? value)
    {
        if (value is not null)
        {
            xml.WriteAttributeString(name, value);
        }
    }
}
