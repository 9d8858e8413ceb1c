using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Sightline.Data;
using Sightline.Tests.Support;
using static Sightline.Tests.Import.NmapScans;

namespace Sightline.Tests.Import;

/// <summary>nmap XML in through the ingest endpoint; ports, services, components and certificates out through the Graph API.</summary>
public sealed class NmapImportTests : IngestTestBase
{
    private async Task<(int Status, JsonElement Body)> IngestAsync(string xml, string query = "?name=scan.xml")
    {
        using var body = new StringContent(xml, Encoding.UTF8, new MediaTypeHeaderValue("application/xml"));
        using var response = await Importer.PostAsync("/ingest" + query, body);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task<Dictionary<int, JsonElement>> PortsAsync(string host) =>
        (await Reader.GetJsonAsync($"{Graph.Root}/hosts/{host}/ports?$expand=mostRecentSslCertificate")).Values()
            .GroupBy(p => p.GetProperty("port").GetInt32()).ToDictionary(g => g.Key, g => g.First());

    [Fact]
    public async Task A_scan_is_served_as_ports_with_banners_services_components_and_certificates()
    {
        var (status, report) = await IngestAsync(Scan(WebHost(), NamedHost));
        Assert.Equal(200, status);
        Assert.Equal("nmap", report.GetProperty("format").GetString()); // recognised without naming the format
        Assert.Equal(8, report.GetProperty("accepted").GetInt32());

        var ports = await PortsAsync(WebIp);
        Assert.Equal([22, 23, 25, 80, 443, 8080], ports.Keys.Order().ToArray());
        Assert.Equal(GraphIds.Compose(WebIp, "22"), ports[22].GetProperty("id").GetString());
        Assert.Equal("closed", ports[23].GetProperty("status").GetString());
        Assert.Equal("filtered", ports[8080].GetProperty("status").GetString());
        var ssh = ports[22];
        Assert.Equal("open", ssh.GetProperty("status").GetString());
        Assert.Equal("tcp", ssh.GetProperty("protocol").GetString());
        Assert.Equal(1, ssh.GetProperty("timesObserved").GetInt32());
        Assert.Equal("2023-11-14T22:13:20Z", ssh.GetProperty("firstSeenDateTime").GetString());
        Assert.Equal("2023-11-14T22:15:23Z", ssh.GetProperty("lastSeenDateTime").GetString());
        Assert.Equal("2023-11-14T22:15:23Z", ssh.GetProperty("lastScanDateTime").GetString());
        var banner = ssh.GetProperty("banners").EnumerateArray().Single();
        Assert.Equal(SshBanner, banner.GetProperty("banner").GetString());
        Assert.Equal("ssh", banner.GetProperty("scanProtocol").GetString());
        Assert.Equal(1, banner.GetProperty("timesObserved").GetInt32());
        var service = ssh.GetProperty("services").EnumerateArray().Single();
        Assert.True(service.GetProperty("isRecent").GetBoolean());
        var component = service.GetProperty("component");
        Assert.Equal("OpenSSH", component.GetProperty("name").GetString());
        Assert.Equal("8.2p1", component.GetProperty("version").GetString()); // recog's version, not nmap's longer one
        Assert.Equal(GraphIds.Compose("OpenSSH", "8.2p1", component.GetProperty("category").GetString()!, WebIp), component.GetProperty("id").GetString());

        var https = ports[443];
        Assert.Equal("https", https.GetProperty("banners")[0].GetProperty("scanProtocol").GetString());
        Assert.Contains("Strict-Transport-Security: max-age=63072000", https.GetProperty("banners")[0].GetProperty("banner").GetString());
        var certificate = https.GetProperty("mostRecentSslCertificate");
        Assert.Equal(CertificateSha1, certificate.GetProperty("sha1").GetString());
        Assert.Equal(["www.example.org", "example.org"], certificate.GetProperty("subject").GetProperty("alternateNames").EnumerateArray().Select(n => n.GetString()!).ToArray());
        Assert.Equal(JsonValueKind.Null, ports[80].GetProperty("mostRecentSslCertificate").ValueKind);

        var components = (await Reader.GetJsonAsync($"{Graph.Root}/hosts/{WebIp}/components")).Values().Select(c => c.GetProperty("name").GetString()!).Order(StringComparer.OrdinalIgnoreCase).ToList();
        Assert.Equal(["nginx", "OpenSSH", "Postfix"], components, StringComparer.OrdinalIgnoreCase);

        var link = (await Reader.GetJsonAsync($"{Graph.Root}/hosts/{WebIp}/sslCertificates")).Values().Single();
        Assert.Equal(GraphIds.Compose(WebIp, CertificateSha1), link.GetProperty("id").GetString());
        Assert.Equal(443, link.GetProperty("ports").EnumerateArray().Single().GetProperty("port").GetInt32());
        var related = (await Reader.GetJsonAsync($"{Graph.Root}/sslCertificates/{GraphIds.Compose(CertificateSha1)}/relatedHosts")).Values();
        Assert.Equal(WebIp, related.Single().GetProperty("id").GetString());
    }

    [Fact]
    public async Task Host_names_become_hosts_and_a_udp_port_keeps_its_own_row()
    {
        Assert.Equal(200, (await IngestAsync(Scan(NamedHost))).Status);
        var ports = (await Reader.GetJsonAsync($"{Graph.Root}/hosts/{NamedIp}/ports")).Values();
        Assert.Equal(2, ports.Count);
        var udp = ports.Single(p => p.GetProperty("protocol").GetString() == "udp");
        Assert.Equal("filtered", udp.GetProperty("status").GetString()); // nmap's open|filtered
        Assert.Equal("2023-11-14T22:13:10Z", udp.GetProperty("firstSeenDateTime").GetString()); // the run's start: the host has no times
        var ftp = ports.Single(p => p.GetProperty("protocol").GetString() == "tcp");
        Assert.Equal("vsFTPd", ftp.GetProperty("services")[0].GetProperty("component").GetProperty("name").GetString());

        foreach (var name in new[] { "www.example.com", "web-25.example.net" })
        {
            var host = await Reader.GetJsonAsync($"{Graph.Root}/hosts/{name}");
            Assert.Equal("2023-11-14T22:13:10Z", host.GetProperty("firstSeenDateTime").GetString());
        }
        // The names are not turned into resolutions.
        Assert.Empty((await Reader.GetJsonAsync($"{Graph.Root}/hosts/www.example.com/passiveDns")).Values());

        // The name the scan was aimed at answered on the ports too; the PTR name did not.
        var named = (await Reader.GetJsonAsync($"{Graph.Root}/hosts/www.example.com/ports")).Values();
        Assert.Equal(["tcp:21", "udp:21"], named.Select(p => $"{p.GetProperty("protocol").GetString()}:{p.GetProperty("port").GetInt32()}").Order(StringComparer.Ordinal));
        Assert.Equal("vsFTPd", named.Single(p => p.GetProperty("protocol").GetString() == "tcp").GetProperty("services")[0].GetProperty("component").GetProperty("name").GetString());
        Assert.Empty((await Reader.GetJsonAsync($"{Graph.Root}/hosts/web-25.example.net/ports")).Values());
    }

    [Fact]
    public async Task Importing_the_same_scan_twice_changes_nothing()
    {
        var scan = Scan(WebHost(), NamedHost);
        Assert.Equal(200, (await IngestAsync(scan)).Status);
        var before = await Reader.GetStringAsync($"{Graph.Root}/hosts/{WebIp}/ports?$expand=mostRecentSslCertificate");
        var (status, report) = await IngestAsync(scan);
        Assert.Equal(200, status);
        Assert.Equal(0, report.GetProperty("accepted").GetInt32());
        Assert.Equal(8, report.GetProperty("alreadyImported").GetInt32());
        Assert.Equal(before, await Reader.GetStringAsync($"{Graph.Root}/hosts/{WebIp}/ports?$expand=mostRecentSslCertificate"));

        // The same file cut into other batches is not one the ledger knows, yet its scans are not counted again.
        Assert.Equal(200, (await IngestAsync(scan, "?name=scan.xml&batchSize=3")).Status);
        Assert.Equal(before, await Reader.GetStringAsync($"{Graph.Root}/hosts/{WebIp}/ports?$expand=mostRecentSslCertificate"));
    }

    [Fact]
    public async Task A_later_scan_counts_again_and_the_newest_service_is_the_recent_one()
    {
        Assert.Equal(200, (await IngestAsync(Scan(WebHost()))).Status);
        const string upgraded = "SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13.5";
        var (status, report) = await IngestAsync(Scan(WebHost(Start + 86_400, upgraded, "9.6p1 Ubuntu 3ubuntu13.5", withCertificate: false)));
        Assert.Equal(200, status);
        Assert.Equal(6, report.GetProperty("merged").GetInt32());

        var ports = await PortsAsync(WebIp);
        var ssh = ports[22];
        Assert.Equal(2, ssh.GetProperty("timesObserved").GetInt32());
        Assert.Equal("2023-11-14T22:13:20Z", ssh.GetProperty("firstSeenDateTime").GetString());
        Assert.Equal("2023-11-15T22:15:23Z", ssh.GetProperty("lastScanDateTime").GetString());
        var banners = ssh.GetProperty("banners").EnumerateArray().ToDictionary(b => b.GetProperty("banner").GetString()!, b => b.GetProperty("timesObserved").GetInt32());
        Assert.Equal(new Dictionary<string, int> { [SshBanner] = 1, [upgraded] = 1 }, banners);
        var services = ssh.GetProperty("services").EnumerateArray()
            .ToDictionary(s => s.GetProperty("component").GetProperty("version").GetString()!, s => s.GetProperty("isRecent").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { ["8.2p1"] = false, ["9.6p1"] = true }, services);

        var http = ports[80];
        Assert.Equal(2, http.GetProperty("timesObserved").GetInt32());
        Assert.Equal(2, http.GetProperty("banners")[0].GetProperty("timesObserved").GetInt32());
        // The second scan did not run ssl-cert: the certificate seen before stays the most recent one.
        Assert.Equal(CertificateSha1, ports[443].GetProperty("mostRecentSslCertificate").GetProperty("sha1").GetString());

        var nginx = (await Reader.GetJsonAsync($"{Graph.Root}/hosts/{WebIp}/components")).Values().Single(c => c.GetProperty("name").GetString() == "nginx");
        Assert.Equal("2023-11-14T22:13:20Z", nginx.GetProperty("firstSeenDateTime").GetString());
        Assert.Equal("2023-11-15T22:15:23Z", nginx.GetProperty("lastSeenDateTime").GetString());
    }

    [Fact]
    public async Task A_batch_with_a_broken_host_stores_nothing_and_names_the_host()
    {
        var (status, body) = await IngestAsync(Scan(NamedHost, BrokenHost), "?name=broken.xml");
        Assert.Equal(422, status);
        var detail = body.GetProperty("error").GetProperty("details").EnumerateArray().Single();
        Assert.Equal("broken.xml:2", detail.GetProperty("target").GetString());
        Assert.Contains("203.0.113.999", detail.GetProperty("message").GetString());
        Assert.Equal(2, body.GetProperty("error").GetProperty("report").GetProperty("notStored").GetInt32());
        Assert.Equal("itemNotFound", await Reader.GetErrorAsync($"{Graph.Root}/hosts/{NamedIp}", 404));
    }

    [Fact]
    public async Task A_scan_without_times_needs_the_seen_setting()
    {
        var timeless = Scan(NamedHost).Replace(" start=\"1699999990\"", "");
        var (status, body) = await IngestAsync(timeless, "?name=timeless.xml");
        Assert.Equal(422, status);
        Assert.Contains("'seen'", body.GetProperty("error").GetProperty("details")[0].GetProperty("message").GetString());

        Assert.Equal(200, (await IngestAsync(timeless, "?name=timeless.xml&seen=2025-03-01T08:00:00Z")).Status);
        var port = (await Reader.GetJsonAsync($"{Graph.Root}/hosts/{NamedIp}/ports")).Values()[0];
        Assert.Equal("2025-03-01T08:00:00Z", port.GetProperty("lastScanDateTime").GetString());
    }
}
