using Sightline.Data;
using Sightline.Tests.Support;
using static Sightline.Tests.Import.CertificateFiles;

namespace Sightline.Tests.Import;

/// <summary>The x509, certsightings and nmap formats through the real <c>import</c> command, read back by the running server.</summary>
public sealed class CertificateCliImportTests : IAsyncLifetime
{
    private SightlineServer _server = null!;

    public async Task InitializeAsync() => _server = await SightlineServer.StartAsync(loadDemo: false);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private string Input(string name, string content) => CofFiles.Write(Path.Combine(_server.DataDir, "inputs"), name, content);

    [Fact]
    public async Task A_certificate_file_imported_with_settings_is_linked_to_its_host()
    {
        var file = Path.Combine(_server.DataDir, "isrg.crt");
        File.Copy(RootPath("ISRG_Root_X1.crt"), file);
        var (exit, stdout, stderr) = await SightlineCli.RunAsync(TimeSpan.FromSeconds(90),
            ["import", .. _server.StoreArgs, "--set", "host=203.0.113.40", "port=993", "seen=2025-04-01T10:00:00+02:00", "--", file]);
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("1 accepted", stdout);

        using var isrg = Root("ISRG_Root_X1.crt");
        var link = (await _server.Client().GetJsonAsync($"{Graph.Root}/hosts/203.0.113.40/sslCertificates")).Values().Single();
        Assert.Equal(GraphIds.Compose("203.0.113.40", Sha1(isrg)), link.GetProperty("id").GetString());
        var port = link.GetProperty("ports").EnumerateArray().Single();
        Assert.Equal(993, port.GetProperty("port").GetInt32());
        Assert.Equal("2025-04-01T08:00:00Z", port.GetProperty("firstSeenDateTime").GetString()); // stored in UTC
    }

    [Fact]
    public async Task Nmap_and_sighting_files_are_recognised_and_read_back_through_the_running_server()
    {
        var scan = Input("scan.xml", NmapScans.Scan(NmapScans.WebHost()));
        var sightings = Input("certs.jsonl", Sighting("www.example.org", 443, "2025-01-10T00:00:00Z"));
        var (exit, stdout, stderr) = await SightlineCli.RunAsync(TimeSpan.FromSeconds(90), ["import", .. _server.StoreArgs, scan, sightings]);
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("(nmap): 6 accepted", stdout);
        Assert.Contains("(certsightings): 1 accepted", stdout);

        var client = _server.Client();
        var https = (await client.GetJsonAsync($"{Graph.Root}/hosts/{NmapScans.WebIp}/ports?$expand=mostRecentSslCertificate")).Values()
            .Single(p => p.GetProperty("port").GetInt32() == 443);
        Assert.Equal(NmapScans.CertificateSha1, https.GetProperty("mostRecentSslCertificate").GetProperty("sha1").GetString());
        var related = (await client.GetJsonAsync($"{Graph.Root}/sslCertificates/{GraphIds.Compose(NmapScans.CertificateSha1)}/relatedHosts")).Values()
            .Select(h => h.GetProperty("id").GetString()).Order().ToList();
        Assert.Equal([NmapScans.WebIp, "www.example.org"], related);
    }
}
