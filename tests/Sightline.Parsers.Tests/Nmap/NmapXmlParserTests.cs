using System.Text;
using Sightline.Parsers.Common;
using Sightline.Parsers.Nmap;

namespace Sightline.Parsers.Tests.Nmap;

public sealed class NmapXmlParserTests
{
    private static readonly DateTimeOffset _hostStart = DateTimeOffset.FromUnixTimeSeconds(1700000000);
    private static readonly DateTimeOffset _hostEnd = DateTimeOffset.FromUnixTimeSeconds(1700000123);
    private static readonly DateTimeOffset _runStart = DateTimeOffset.FromUnixTimeSeconds(1699999990);

    private static List<Parsed<NmapPortObservation>> Parse(string xml) =>
        [.. NmapXmlParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(xml)))];

    private static Dictionary<int, NmapPortObservation> WebPorts() =>
        Parse(NmapFixtures.Scan(NmapFixtures.WebHost)).Select(p => p.Record!).ToDictionary(o => o.Port);

    [Fact]
    public void Yields_one_observation_per_port_of_each_host_in_order()
    {
        var results = Parse(NmapFixtures.Scan(NmapFixtures.WebHost, NmapFixtures.NamedHost));
        Assert.All(results, r => Assert.False(r.IsError, r.Error));
        Assert.Equal(
            ["1 198.51.100.7 tcp/22 open", "1 198.51.100.7 tcp/23 closed", "1 198.51.100.7 tcp/25 open", "1 198.51.100.7 tcp/80 open",
             "1 198.51.100.7 tcp/443 open", "1 198.51.100.7 tcp/8080 filtered", "2 203.0.113.25 tcp/21 open", "2 203.0.113.25 udp/5555 open|filtered"],
            results.Select(r => $"{r.Position} {r.Record!.Host} {r.Record.Protocol}/{r.Record.Port} {r.Record.State}"));
    }

    [Fact]
    public void Reads_the_ssh_port_with_service_banner_and_identification()
    {
        var ssh = WebPorts()[22];
        Assert.Equal("198.51.100.7", ssh.Host);
        Assert.Empty(ssh.Hostnames);
        Assert.Equal("syn-ack", ssh.Reason);
        Assert.Equal("ssh", ssh.ServiceName);
        Assert.Equal("OpenSSH", ssh.Product);
        Assert.Equal("8.2p1 Ubuntu 4ubuntu0.5", ssh.Version);
        Assert.Equal("Ubuntu Linux; protocol 2.0", ssh.ExtraInfo);
        Assert.Equal(["cpe:/a:openbsd:openssh:8.2p1", "cpe:/o:linux:linux_kernel"], ssh.Cpes);
        // ssh-hostkey is a key fingerprint, not something the service announced.
        Assert.Equal([new NmapBanner("ssh", "SSH-2.0-OpenSSH_8.2p1 Ubuntu-4ubuntu0.5")], ssh.Banners);
        Assert.Null(ssh.CertificatePem);
        Assert.Null(ssh.ServiceFingerprint);
        Assert.Equal(_hostStart, ssh.ScanStart);
        Assert.Equal(_hostEnd, ssh.ScanEnd);
        Assert.NotNull(ssh.Identified);
        Assert.Equal("ssh.banner", ssh.Identified.MatchesKey);
        Assert.Equal(("OpenBSD", "OpenSSH", "8.2p1", "SSH server"), (ssh.Identified.Vendor, ssh.Identified.Product, ssh.Identified.Version, ssh.Identified.Category));
        Assert.Equal("Ubuntu", ssh.Identified.Get("os.vendor"));
        Assert.Equal("20.04", ssh.Identified.Get("os.version"));
    }

    [Fact]
    public void Reads_http_headers_as_one_banner_and_identifies_the_server_header()
    {
        var http = WebPorts()[80];
        Assert.Equal(("http", "nginx", "1.18.0", "Ubuntu"), (http.ServiceName, http.Product, http.Version, http.ExtraInfo));
        var expected = "Server: nginx/1.18.0 (Ubuntu)\nDate: Tue, 14 Nov 2023 22:13:31 GMT\nContent-Type: text/html\nContent-Length: 612\nConnection: close";
        // http-server-header only repeats the Server line, so it adds no banner.
        Assert.Equal([new NmapBanner("http", expected)], http.Banners);
        Assert.NotNull(http.Identified);
        Assert.Equal("http_header.server", http.Identified.MatchesKey);
        Assert.Equal(("nginx", "1.18.0", "Web servers"), (http.Identified.Product, http.Identified.Version, http.Identified.Category));
    }

    [Fact]
    public void Extracts_the_certificate_pem_from_ssl_cert_and_marks_headers_as_https()
    {
        var https = WebPorts()[443];
        Assert.Equal(NmapFixtures.CertificatePem, https.CertificatePem);
        Assert.Equal(
            [new NmapBanner("https", "Server: nginx/1.18.0 (Ubuntu)\nStrict-Transport-Security: max-age=63072000\nConnection: close")],
            https.Banners);
        Assert.Equal("nginx", https.Identified?.Product);
    }

    [Fact]
    public void Takes_the_pem_from_the_text_output_when_there_is_no_structured_element()
    {
        var textOnly = NmapFixtures.WebHost.Replace("<elem key=\"pem\">", "<elem key=\"pem-not\">", StringComparison.Ordinal)
            .Replace("SHA-1: eaf4", "-----BEGIN CERTIFICATE-----&#xa;MIIB3TCCAYSg&#xa;-----END CERTIFICATE-----&#xa;SHA-1: eaf4", StringComparison.Ordinal);
        var https = Parse(NmapFixtures.Scan(textOnly)).Select(p => p.Record!).Single(o => o.Port == 443);
        Assert.Equal("-----BEGIN CERTIFICATE-----\nMIIB3TCCAYSg\n-----END CERTIFICATE-----\n", https.CertificatePem);
    }

    [Fact]
    public void Reads_the_smtp_banner_and_identifies_postfix()
    {
        var smtp = WebPorts()[25];
        Assert.Equal([new NmapBanner("smtp", "220 mail.example.org ESMTP Postfix (Ubuntu)")], smtp.Banners);
        Assert.Equal(("smtp", "Postfix smtpd", null), (smtp.ServiceName, smtp.Product, smtp.Version));
        Assert.Equal("Postfix", smtp.Identified?.Get("service.product"));
        Assert.Equal("mail.example.org", smtp.Identified?.Get("host.name"));
        Assert.Equal("Mail server", smtp.Identified?.Category);
    }

    [Theory]
    [InlineData(23, "closed", "reset", "telnet")]
    [InlineData(8080, "filtered", "no-response", "http-proxy")]
    public void Keeps_closed_and_filtered_ports_without_banners(int port, string state, string reason, string service)
    {
        var observation = WebPorts()[port];
        Assert.Equal((state, reason, service), (observation.State, observation.Reason, observation.ServiceName));
        Assert.Empty(observation.Banners);
        Assert.Null(observation.Identified);
        Assert.Null(observation.Product);
    }

    [Fact]
    public void Second_host_has_clean_hostnames_run_start_times_and_service_fingerprint()
    {
        var results = Parse(NmapFixtures.Scan(NmapFixtures.WebHost, NmapFixtures.NamedHost)).Where(r => r.Position == 2).Select(r => r.Record!).ToList();
        var ftp = results.Single(o => o.Port == 21);
        Assert.Equal(["www.example.com", "web-25.example.net"], ftp.Hostnames);
        Assert.Equal(_runStart, ftp.ScanStart);
        Assert.Equal(_runStart, ftp.ScanEnd);
        Assert.Equal("vsFTPd", ftp.Identified?.Get("service.product"));
        Assert.Equal("3.0.3", ftp.Identified?.Version);
        var udp = results.Single(o => o.Port == 5555);
        Assert.Equal(("udp", "open|filtered", "unknown"), (udp.Protocol, udp.State, udp.ServiceName));
        Assert.Equal("SF-Port5555-UDP:V=7.94SVN%I=7%D=11/14%Time=6553F1B5%P=x86_64-pc-linux-gnu%r(RPCCheck,4,\"OK\\r\\n\");", udp.ServiceFingerprint);
    }

    [Fact]
    public void Canonicalises_ipv6_addresses()
    {
        var host = NmapFixtures.NamedHost.Replace("addr=\"203.0.113.25\" addrtype=\"ipv4\"", "addr=\"2001:DB8:0:0:0:0:0:25\" addrtype=\"ipv6\"", StringComparison.Ordinal);
        var results = Parse(NmapFixtures.Scan(host));
        Assert.All(results, r => Assert.Equal("2001:db8::25", r.Record!.Host));
    }

    [Fact]
    public void Rejects_a_host_without_an_address_and_goes_on_with_the_next()
    {
        var noAddress = NmapFixtures.WebHost
            .Replace("<address addr=\"198.51.100.7\" addrtype=\"ipv4\"/>", "", StringComparison.Ordinal);
        var results = Parse(NmapFixtures.Scan(noAddress, NmapFixtures.NamedHost));
        var failure = Assert.Single(results, r => r.IsError);
        Assert.Equal(1, failure.Position);
        Assert.Equal("host has no IPv4 or IPv6 address", failure.Error);
        Assert.Equal([21, 5555], results.Where(r => !r.IsError).Select(r => r.Record!.Port));
        Assert.All(results.Where(r => !r.IsError), r => Assert.Equal(2, r.Position));
    }

    [Fact]
    public void Rejects_a_port_with_a_bad_number_but_keeps_the_host_s_other_ports()
    {
        var badPort = NmapFixtures.NamedHost.Replace("portid=\"21\"", "portid=\"21x\"", StringComparison.Ordinal);
        var results = Parse(NmapFixtures.Scan(badPort));
        Assert.Equal("port id '21x' is not a number from 0 to 65535", Assert.Single(results, r => r.IsError).Error);
        Assert.Equal(5555, Assert.Single(results, r => !r.IsError).Record!.Port);
    }

    [Fact]
    public void Malformed_xml_yields_one_failure_with_its_line_after_the_hosts_already_read()
    {
        var broken = NmapFixtures.NamedHost.Replace("</ports>", "</port>", StringComparison.Ordinal);
        var xml = NmapFixtures.Scan(NmapFixtures.WebHost, broken);
        var results = Parse(xml);
        Assert.Equal(6, results.Count(r => !r.IsError && r.Position == 1));
        var failure = Assert.Single(results, r => r.IsError);
        Assert.Same(failure.Error, results[^1].Error);
        Assert.Equal(2, failure.Position);
        var line = xml.Split('\n').ToList().FindIndex(l => l.StartsWith("</port>", StringComparison.Ordinal)) + 1;
        Assert.StartsWith($"malformed XML at line {line},", failure.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not xml", "this is not nmap output")]
    [InlineData("truncated", "<?xml version=\"1.0\"?><nmaprun start=\"1\"><host><address addr=\"192.0.2.1\"")]
    [InlineData("empty", "")]
    public void Unreadable_input_yields_a_single_failure(string name, string xml)
    {
        Assert.True(name.Length >= 0);
        var result = Assert.Single(Parse(xml));
        Assert.True(result.IsError);
        Assert.Equal(1, result.Position);
        Assert.StartsWith("malformed XML at line 1,", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_the_same_scan_from_a_text_reader()
    {
        var fromText = NmapXmlParser.Parse(new StringReader(NmapFixtures.Scan(NmapFixtures.NamedHost))).ToList();
        Assert.Equal([21, 5555], fromText.Select(r => r.Record!.Port));
    }

    [Fact]
    public void A_run_without_hosts_yields_nothing() => Assert.Empty(Parse(NmapFixtures.Scan()));

    [Fact]
    public void Does_not_resolve_an_external_entity_from_the_doctype()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"nmap-xxe-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "TOP-SECRET-CONTENT");
        try
        {
            var hostile = NmapFixtures.NamedHost.Replace("output=\"220 (vsFTPd 3.0.3)\"", "output=\"&xxe;\"", StringComparison.Ordinal);
            var xml = NmapFixtures.Scan(NmapFixtures.WebHost, hostile)
                .Replace("<!DOCTYPE nmaprun>", $"<!DOCTYPE nmaprun [ <!ENTITY xxe SYSTEM \"{new Uri(secret).AbsoluteUri}\"> ]>", StringComparison.Ordinal);
            var results = Parse(xml);
            Assert.DoesNotContain(results, r => r.Record?.Banners.Any(b => b.Text.Contains("TOP-SECRET", StringComparison.Ordinal)) == true);
            Assert.Equal(6, results.Count(r => !r.IsError));
            var failure = Assert.Single(results, r => r.IsError);
            Assert.Equal(2, failure.Position);
            Assert.Contains("xxe", failure.Error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void Streams_a_large_scan_in_host_order()
    {
        var hosts = Enumerable.Range(0, 2000).Select(i =>
            NmapFixtures.NamedHost.Replace("203.0.113.25", $"10.{i / 256}.{i % 256}.1", StringComparison.Ordinal));
        var results = Parse(NmapFixtures.Scan([.. hosts]));
        Assert.Equal(4000, results.Count);
        Assert.All(results, r => Assert.False(r.IsError));
        Assert.Equal(2000, results[^1].Position);
        Assert.Equal("10.7.207.1", results[^1].Record!.Host);
    }
}
