using System.Text.Json;
using Sightline.Data;
using Sightline.Tests.Support;
using static Sightline.Tests.Import.CveFiles;

namespace Sightline.Tests.Import;

/// <summary>CVE JSON 5.x records in through the HTTP ingest endpoint, and back out as Graph vulnerabilities.</summary>
public sealed class CveImportTests : IngestTestBase
{
    private static string Sample => Ndjson(Record("CVE-2024-0769"), Record("CVE-2016-3714"), Record("CVE-2020-2883"));

    [Fact]
    public async Task Imported_records_are_served_as_vulnerabilities_with_cvss_cwe_references_and_exploits()
    {
        var (status, report) = await IngestAsync(Importer, "cve", "records.ndjson", Sample);
        Assert.Equal(200, status);
        Assert.Equal(3, report.GetProperty("accepted").GetInt32());

        // CNA scores in 3.1, 3.0 and 2.0: cvss3Summary is the 3.1 one; SSVC "poc" and an exploit-tagged reference.
        var dlink = await Reader.VulnerabilityAsync("CVE-2024-0769");
        Assert.Equal("medium", dlink.GetProperty("severity").GetString());
        var cvss3 = dlink.GetProperty("cvss3Summary");
        Assert.Equal(5.3, cvss3.GetProperty("score").GetDouble());
        Assert.Equal("medium", cvss3.GetProperty("severity").GetString());
        Assert.Equal("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N", cvss3.GetProperty("vectorString").GetString());
        Assert.Equal(5.0, dlink.GetProperty("cvss2Summary").GetProperty("score").GetDouble());
        Assert.Equal("AV:N/AC:L/Au:N/C:P/I:N/A:N", dlink.GetProperty("cvss2Summary").GetProperty("vectorString").GetString());
        Assert.Equal(["CWE-22"], dlink.GetProperty("commonWeaknessEnumerationIds").EnumerateArray().Select(c => c.GetString()!).ToArray());
        Assert.Equal(4, dlink.GetProperty("references").GetArrayLength());
        Assert.Contains(dlink.GetProperty("references").EnumerateArray(), r => r.GetProperty("name").GetString() == "vuldb.com" && r.GetProperty("url").GetString() == "https://vuldb.com/?id.251666");
        var exploit = dlink.GetProperty("exploits").EnumerateArray().Single();
        Assert.Equal("https://github.com/c2dc/cve-reported/blob/main/CVE-2024-0769/CVE-2024-0769.md", exploit.GetProperty("url").GetString());
        Assert.Equal("github.com", exploit.GetProperty("name").GetString());
        Assert.True(dlink.GetProperty("exploitsAvailable").GetBoolean());
        Assert.False(dlink.GetProperty("activeExploitsObserved").GetBoolean());
        Assert.Equal(37 + 10, dlink.GetProperty("priorityScore").GetInt32()); // round(5.3 x 7) + exploits
        Assert.StartsWith("** UNSUPPORTED WHEN ASSIGNED ** A vulnerability was found in D-Link DIR-859", dlink.GetProperty("description").GetProperty("content").GetString());
        Assert.Equal("text", dlink.GetProperty("description").GetProperty("format").GetString());
        Assert.Equal("2024-01-21T08:00:05.383Z", dlink.GetProperty("publishedDateTime").GetString());
        Assert.Equal("2024-01-21T08:00:05.383Z", dlink.GetProperty("createdDateTime").GetString());
        Assert.Equal("2024-08-29T19:27:52.649Z", dlink.GetProperty("lastModifiedDateTime").GetString());
        Assert.Equal(["D-Link DIR-859 1.06B01"], await Reader.ComponentNamesAsync("CVE-2024-0769"));
        var component = (await Reader.GetJsonAsync($"{Graph.Root}/vulnerabilities/CVE-2024-0769/components")).Values().Single();
        Assert.Equal(GraphIds.Compose("cve-2024-0769", "D-Link DIR-859 1.06B01"), component.GetProperty("id").GetString());

        // CISA's ADP lists it in KEV: exploited in the wild; the CNA names no product, so the ADP's CPE-derived ones are used.
        var magick = await Reader.VulnerabilityAsync("CVE-2016-3714");
        Assert.True(magick.GetProperty("activeExploitsObserved").GetBoolean());
        Assert.Equal("high", magick.GetProperty("severity").GetString());
        Assert.Equal(["CWE-20"], magick.GetProperty("commonWeaknessEnumerationIds").EnumerateArray().Select(c => c.GetString()!).ToArray());
        Assert.Equal(30, magick.GetProperty("references").GetArrayLength());
        Assert.Equal(["https://www.exploit-db.com/exploits/39767/", "https://www.exploit-db.com/exploits/39791/"],
            magick.GetProperty("exploits").EnumerateArray().Select(e => e.GetProperty("url").GetString()!).Order().ToArray());
        Assert.Equal(59 + 20 + 10, magick.GetProperty("priorityScore").GetInt32());
        Assert.Contains("imagemagick <=6.9.3-9", await Reader.ComponentNamesAsync("CVE-2016-3714"));

        // Only a CVSS 3.0 score, SSVC exploitation "none", no exploit reference.
        var weblogic = await Reader.VulnerabilityAsync("CVE-2020-2883");
        Assert.Equal("critical", weblogic.GetProperty("severity").GetString());
        Assert.Equal("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", weblogic.GetProperty("cvss3Summary").GetProperty("vectorString").GetString());
        Assert.False(weblogic.GetProperty("exploitsAvailable").GetBoolean());
        Assert.False(weblogic.GetProperty("activeExploitsObserved").GetBoolean());
        Assert.Equal(69, weblogic.GetProperty("priorityScore").GetInt32());
        Assert.Empty(weblogic.GetProperty("commonWeaknessEnumerationIds").EnumerateArray());
        Assert.Equal(
            ["Oracle Corporation WebLogic Server 10.3.6.0.0", "Oracle Corporation WebLogic Server 12.1.3.0.0", "Oracle Corporation WebLogic Server 12.2.1.3.0", "Oracle Corporation WebLogic Server 12.2.1.4.0"],
            await Reader.ComponentNamesAsync("CVE-2020-2883"));
    }

    [Fact]
    public async Task Importing_the_same_records_twice_changes_nothing()
    {
        Assert.Equal(200, (await IngestAsync(Importer, "cve", "records.ndjson", Sample)).Status);
        var before = await Reader.GetStringAsync($"{Graph.Root}/vulnerabilities/CVE-2016-3714");
        var components = await Reader.ComponentNamesAsync("CVE-2016-3714");
        var (status, report) = await IngestAsync(Importer, "cve", "records.ndjson", Sample);
        Assert.Equal(200, status);
        Assert.Equal(0, report.GetProperty("accepted").GetInt32());
        Assert.Equal(3, report.GetProperty("alreadyImported").GetInt32());
        Assert.Equal(before, await Reader.GetStringAsync($"{Graph.Root}/vulnerabilities/CVE-2016-3714"));
        Assert.Equal(components, await Reader.ComponentNamesAsync("CVE-2016-3714"));
    }

    [Fact]
    public async Task A_newer_version_replaces_the_fields_and_components_and_an_older_one_changes_nothing()
    {
        Assert.Equal(200, (await IngestAsync(Importer, "cve", "current.json", Record("CVE-2020-2883").ToJsonString())).Status);

        var newer = Version("CVE-2020-2883", "2025-03-01T10:00:00.000Z", "Revised: `T3` deserialization in WebLogic Server.");
        newer["containers"]!["cna"]!["affected"]![0]!["versions"] = JsonSerializer.SerializeToNode(new[] { new { status = "affected", version = "14.1.1.0.0" } });
        var (status, report) = await IngestAsync(Importer, "cve", "newer.json", newer.ToJsonString());
        Assert.Equal(200, status);
        Assert.Equal(1, report.GetProperty("merged").GetInt32());
        var updated = await Reader.VulnerabilityAsync("CVE-2020-2883");
        Assert.Equal("Revised: `T3` deserialization in WebLogic Server.", updated.GetProperty("description").GetProperty("content").GetString());
        Assert.Equal("markdown", updated.GetProperty("description").GetProperty("format").GetString());
        Assert.Equal("2025-03-01T10:00:00Z", updated.GetProperty("lastModifiedDateTime").GetString());
        Assert.Equal(["Oracle Corporation WebLogic Server 14.1.1.0.0"], await Reader.ComponentNamesAsync("CVE-2020-2883"));

        var older = Version("CVE-2020-2883", "2022-01-01T00:00:00.000Z", "An outdated description.");
        older["containers"]!["cna"]!["metrics"]![0]!["cvssV3_0"]!["baseScore"] = 4.0;
        (status, report) = await IngestAsync(Importer, "cve", "older.json", older.ToJsonString());
        Assert.Equal(200, status);
        Assert.Equal(1, report.GetProperty("merged").GetInt32());
        var after = await Reader.VulnerabilityAsync("CVE-2020-2883");
        Assert.Equal("Revised: `T3` deserialization in WebLogic Server.", after.GetProperty("description").GetProperty("content").GetString());
        Assert.Equal(9.8, after.GetProperty("cvss3Summary").GetProperty("score").GetDouble());
        Assert.Equal("2025-03-01T10:00:00Z", after.GetProperty("lastModifiedDateTime").GetString());
        Assert.Equal(["Oracle Corporation WebLogic Server 14.1.1.0.0"], await Reader.ComponentNamesAsync("CVE-2020-2883"));
    }

    [Fact]
    public async Task A_batch_with_one_corrupt_record_stores_nothing_and_names_its_position()
    {
        var broken = Record("CVE-2016-3714");
        broken["cveMetadata"]!["cveId"] = "CVE-16-3714";
        var content = Ndjson(Record("CVE-2024-0769"), broken, Record("CVE-2020-2883"));
        var (status, body) = await IngestAsync(Importer, "cve", "bad.ndjson", content);
        Assert.Equal(422, status);
        var error = body.GetProperty("error");
        var detail = error.GetProperty("details").EnumerateArray().Single();
        Assert.Equal("bad.ndjson:2", detail.GetProperty("target").GetString());
        Assert.Contains("CVE-16-3714", detail.GetProperty("message").GetString());
        Assert.Equal(2, error.GetProperty("report").GetProperty("notStored").GetInt32());
        Assert.Equal("itemNotFound", await Reader.GetErrorAsync($"{Graph.Root}/vulnerabilities/CVE-2024-0769", 404));
        Assert.Equal("itemNotFound", await Reader.GetErrorAsync($"{Graph.Root}/vulnerabilities/CVE-2020-2883", 404));
    }

    [Fact]
    public async Task A_record_is_recognised_without_naming_the_format()
    {
        using var body = new StringContent(File.ReadAllText(RecordPath("CVE-2024-0769")));
        using var response = await Importer.PostAsync("/ingest?name=CVE-2024-0769.json", body);
        Assert.Equal(200, (int)response.StatusCode);
        Assert.Contains("\"format\":\"cve\"", await response.Content.ReadAsStringAsync());
        await Reader.VulnerabilityAsync("CVE-2024-0769");
    }
}
