using Sightline.Tests.Support;
using static Sightline.Tests.Import.CveFiles;

namespace Sightline.Tests.Import;

/// <summary>CVE records, the KEV catalog and EPSS scores through the real CLI, read back through the running server.</summary>
public sealed class CveCliImportTests : IAsyncLifetime
{
    private SightlineServer _server = null!;

    public async Task InitializeAsync() => _server = await SightlineServer.StartAsync(loadDemo: false);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Cli_imports_records_then_kev_then_epss_recognising_each_format()
    {
        var (exit, stdout, stderr) = await SightlineCli.RunAsync(TimeSpan.FromSeconds(120),
            ["import", .. _server.StoreArgs, RecordPath("CVE-2024-0769"), RecordPath("CVE-2016-3714"), KevPath, EpssKevPath]);
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("CVE-2024-0769.json (cve): 1 accepted", stdout);
        Assert.Contains("known_exploited_vulnerabilities.json (kev): 1,404 accepted (2 merged into existing)", stdout);
        Assert.Contains("epss_kev_nvd.csv (epss): 1,402 accepted", stdout);

        var client = _server.Client();
        var dlink = await client.VulnerabilityAsync("CVE-2024-0769");
        Assert.True(dlink.GetProperty("activeExploitsObserved").GetBoolean());
        Assert.Equal("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N", dlink.GetProperty("cvss3Summary").GetProperty("vectorString").GetString());
        Assert.Equal(37 + 20 + 10, dlink.GetProperty("priorityScore").GetInt32());
        Assert.Equal(["D-Link DIR-859 1.06B01"], await client.ComponentNamesAsync("CVE-2024-0769"));
        var magick = await client.VulnerabilityAsync("CVE-2016-3714");
        Assert.Equal(2, magick.GetProperty("exploits").GetArrayLength());
        Assert.Equal(8.4, magick.GetProperty("cvss3Summary").GetProperty("score").GetDouble());
    }
}
