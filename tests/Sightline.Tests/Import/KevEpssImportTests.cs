using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using Sightline.Tests.Support;
using Xunit.Abstractions;
using static Sightline.Tests.Import.CveFiles;

namespace Sightline.Tests.Import;

/// <summary>The CISA KEV catalog and EPSS scores through the HTTP ingest endpoint, over CVE records and on their own.</summary>
public sealed class KevEpssImportTests(ITestOutputHelper output) : IngestTestBase
{
    private const int KevEntries = 1_404;

    private async Task<System.Text.Json.JsonElement> ImportKevAsync()
    {
        var (status, report) = await IngestAsync(Importer, "kev", "known_exploited_vulnerabilities.json", await File.ReadAllTextAsync(KevPath));
        Assert.Equal(200, status);
        var seconds = report.GetProperty("seconds").GetDouble();
        output.WriteLine($"KEV catalog, {KevEntries:N0} entries: {seconds:N2} s");
        Assert.True(seconds < 30, $"the KEV catalog took {seconds} s");
        return report;
    }

    [Fact]
    public async Task The_kev_catalog_marks_stored_cves_exploited_and_adds_the_others_as_kev_only()
    {
        Assert.Equal(200, (await IngestAsync(Importer, "cve", "CVE-2020-2883.json", Record("CVE-2020-2883").ToJsonString())).Status);
        Assert.False((await Reader.VulnerabilityAsync("CVE-2020-2883")).GetProperty("activeExploitsObserved").GetBoolean());

        var report = await ImportKevAsync();
        Assert.Equal(KevEntries, report.GetProperty("accepted").GetInt32());
        Assert.Equal(1, report.GetProperty("merged").GetInt32());
        await using (var db = Server.CreateDb())
        {
            Assert.Equal(KevEntries, await db.Vulnerabilities.CountAsync());
            Assert.Equal(KevEntries, await db.Vulnerabilities.CountAsync(v => v.ActiveExploitsObserved && v.ExploitsAvailable));
        }

        // A stored CVE keeps its record's data and gains KEV's facts: 69 for CVSS 9.8, +20 exploited, +10 exploits.
        var weblogic = await Reader.VulnerabilityAsync("CVE-2020-2883");
        Assert.True(weblogic.GetProperty("activeExploitsObserved").GetBoolean());
        Assert.True(weblogic.GetProperty("exploitsAvailable").GetBoolean());
        Assert.Equal(99, weblogic.GetProperty("priorityScore").GetInt32());
        Assert.Equal("Apply mitigations per vendor instructions or discontinue use of the product if mitigations are unavailable. Due date: 2025-01-28.",
            weblogic.GetProperty("remediation").GetProperty("content").GetString());
        Assert.Equal(4, (await Reader.ComponentNamesAsync("CVE-2020-2883")).Count);

        // A CVE known only from KEV: described from the catalog, no CVSS so severity none, one "vendor product" component.
        var git = await Reader.VulnerabilityAsync("CVE-2025-48384");
        Assert.Equal("none", git.GetProperty("severity").GetString());
        Assert.True(git.GetProperty("activeExploitsObserved").GetBoolean());
        Assert.StartsWith("Git Link Following Vulnerability. Git contains a link following vulnerability", git.GetProperty("description").GetProperty("content").GetString());
        Assert.EndsWith("Due date: 2025-09-15.", git.GetProperty("remediation").GetProperty("content").GetString());
        Assert.Equal("2025-08-25T00:00:00Z", git.GetProperty("publishedDateTime").GetString());
        Assert.Equal(30, git.GetProperty("priorityScore").GetInt32());
        Assert.Contains(git.GetProperty("references").EnumerateArray(), r => r.GetProperty("url").GetString() == "https://github.com/git/git/security/advisories/GHSA-vwqx-4fm8-6qc9");
        var component = (await Reader.GetJsonAsync($"{Graph.Root}/vulnerabilities/CVE-2025-48384/components")).Values().Single();
        Assert.Equal("Git Git", component.GetProperty("name").GetString());
        Assert.Equal(GraphIds.Compose("cve-2025-48384", "Git Git"), component.GetProperty("id").GetString());

        var before = await Reader.GetStringAsync($"{Graph.Root}/vulnerabilities/CVE-2025-48384");
        var (status, again) = await IngestAsync(Importer, "kev", "known_exploited_vulnerabilities.json", await File.ReadAllTextAsync(KevPath));
        Assert.Equal(200, status);
        Assert.Equal(KevEntries, again.GetProperty("alreadyImported").GetInt32());
        Assert.Equal(before, await Reader.GetStringAsync($"{Graph.Root}/vulnerabilities/CVE-2025-48384"));
    }

    [Fact]
    public async Task A_cve_record_replaces_a_kev_only_placeholder_and_keeps_what_kev_said()
    {
        Assert.Equal(200, (await IngestAsync(Importer, "kev", "kev.json", KevSubset("CVE-2020-2883"))).Status);
        Assert.Equal(["Oracle WebLogic Server"], await Reader.ComponentNamesAsync("CVE-2020-2883"));

        // The record was last updated before KEV listed the CVE (2024-09-27 < 2025-01-07), yet it is the real data.
        var (status, report) = await IngestAsync(Importer, "cve", "CVE-2020-2883.json", Record("CVE-2020-2883").ToJsonString());
        Assert.Equal(200, status);
        Assert.Equal(1, report.GetProperty("merged").GetInt32());
        var weblogic = await Reader.VulnerabilityAsync("CVE-2020-2883");
        Assert.Equal("critical", weblogic.GetProperty("severity").GetString());
        Assert.StartsWith("Vulnerability in the Oracle WebLogic Server product", weblogic.GetProperty("description").GetProperty("content").GetString());
        Assert.Equal("2020-04-15T13:29:50Z", weblogic.GetProperty("publishedDateTime").GetString());
        Assert.Equal("2024-09-27T18:54:53.656Z", weblogic.GetProperty("lastModifiedDateTime").GetString());
        Assert.True(weblogic.GetProperty("activeExploitsObserved").GetBoolean());
        Assert.EndsWith("Due date: 2025-01-28.", weblogic.GetProperty("remediation").GetProperty("content").GetString());
        Assert.Equal(99, weblogic.GetProperty("priorityScore").GetInt32());
        var components = await Reader.ComponentNamesAsync("CVE-2020-2883");
        Assert.Equal(4, components.Count);
        Assert.DoesNotContain("Oracle WebLogic Server", components);
    }

    [Fact]
    public async Task Epss_kev_scores_fill_missing_cvss3_and_rescore_while_epss_probabilities_are_ignored()
    {
        Assert.Equal(200, (await IngestAsync(Importer, "cve", "CVE-2020-2883.json", Record("CVE-2020-2883").ToJsonString())).Status);
        Assert.Equal(200, (await IngestAsync(Importer, "kev", "kev.json", KevSubset("CVE-2020-2883", "CVE-2025-48384", "CVE-2016-3714"))).Status);

        var csv = EpssKevSubset("CVE-2020-2883", "CVE-2025-48384", "CVE-2016-3714", "CVE-2021-27137", "CVE-2023-4346");
        var (status, report) = await IngestAsync(Importer, "epss", "epss_kev_nvd.csv", csv);
        Assert.Equal(200, status);
        // The two KEV-only CVEs gain their NVD score; CVE-2020-2883 already has one; the last two are not stored.
        Assert.Equal(2, report.GetProperty("accepted").GetInt32());
        Assert.Equal(3, report.GetProperty("ignored").GetInt32());
        var git = await Reader.VulnerabilityAsync("CVE-2025-48384");
        Assert.Equal(8.0, git.GetProperty("cvss3Summary").GetProperty("score").GetDouble());
        Assert.Equal("high", git.GetProperty("cvss3Summary").GetProperty("severity").GetString());
        Assert.Equal("high", git.GetProperty("severity").GetString());
        Assert.Equal(56 + 30, git.GetProperty("priorityScore").GetInt32());
        Assert.Equal(8.4, (await Reader.VulnerabilityAsync("CVE-2016-3714")).GetProperty("cvss3Summary").GetProperty("score").GetDouble());
        var weblogic = await Reader.VulnerabilityAsync("CVE-2020-2883");
        Assert.Equal("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", weblogic.GetProperty("cvss3Summary").GetProperty("vectorString").GetString());
        Assert.Equal("itemNotFound", await Reader.GetErrorAsync($"{Graph.Root}/vulnerabilities/CVE-2021-27137", 404));
    }

    [Fact]
    public async Task First_daily_epss_scores_store_nothing_and_never_create_vulnerabilities()
    {
        Assert.Equal(200, (await IngestAsync(Importer, "cve", "CVE-2024-0769.json", Record("CVE-2024-0769").ToJsonString())).Status);
        var before = await Reader.GetStringAsync($"{Graph.Root}/vulnerabilities/CVE-2024-0769");
        const string daily = "#model_version:v2025.03.14,score_date:2025-08-25T12:55:00+0000\ncve,epss,percentile\nCVE-2024-0769,0.01874,0.82415\nCVE-2099-0001,0.5,0.9\n";
        using var body = new StringContent(daily);
        using var response = await Importer.PostAsync("/ingest?name=epss_scores-2025-08-25.csv", body);
        Assert.Equal(200, (int)response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"format\":\"epss\"", text);
        Assert.Contains("\"ignored\":2", text);
        Assert.Equal(before, await Reader.GetStringAsync($"{Graph.Root}/vulnerabilities/CVE-2024-0769"));
        Assert.Equal("itemNotFound", await Reader.GetErrorAsync($"{Graph.Root}/vulnerabilities/CVE-2099-0001", 404));

        var (status, bad) = await IngestAsync(Importer, "epss", "bad.csv", "cve,epss,percentile\nCVE-2024-0769,0.1,0.2\nCVE-2024-0770,1.7,0.2\n");
        Assert.Equal(422, status);
        Assert.Equal("bad.csv:3", bad.GetProperty("error").GetProperty("details")[0].GetProperty("target").GetString());
    }
}
