using System.Text;
using Sightline.Parsers.Common;
using Sightline.Parsers.Cve;
using Sightline.Parsers.Tests.Support;

namespace Sightline.Parsers.Tests.Cve;

public sealed class CveRecordReaderTests
{
    private static List<Parsed<CveRecordData>> ReadText(string json) =>
        [.. CveRecordReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)))];

    private static CveRecordData ReadSample(string id)
    {
        using var stream = File.OpenRead(SharedData.Path("cve", id + ".json"));
        var item = Assert.Single(CveRecordReader.Read(stream));
        Assert.Null(item.Error);
        return item.Record!;
    }

    public static TheoryData<string> Samples => new(
        Directory.GetFiles(SharedData.Path("cve"), "CVE-*.json").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Samples))]
    public void Reads_every_vulnrichment_record_with_id_description_and_its_cvss(string id)
    {
        var raw = File.ReadAllText(SharedData.Path("cve", id + ".json"));

        var record = ReadSample(id);

        Assert.Equal(id, record.Id);
        Assert.Equal("PUBLISHED", record.State);
        Assert.False(string.IsNullOrWhiteSpace(record.Description));
        Assert.NotNull(record.DatePublished);
        var hasCvss = raw.Contains("\"cvssV", StringComparison.Ordinal);
        Assert.Equal(hasCvss, record.Cvss40 is not null || record.Cvss31 is not null || record.Cvss30 is not null || record.Cvss2 is not null);
        Assert.All(record.CweIds, cwe => Assert.Matches("^CWE-[0-9]+$", cwe));
    }

    [Fact]
    public void Maps_an_adp_only_score_kev_and_ssvc_as_hand_read_from_CVE_2021_44529()
    {
        var record = ReadSample("CVE-2021-44529");

        Assert.Equal("A code injection vulnerability in the Ivanti EPM Cloud Services Appliance (CSA) allows an unauthenticated user to execute arbitrary code with limited permissions (nobody).", record.Description);
        Assert.Equal(new CveCvss("3.1", 9.8, "CRITICAL", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", CveSource.Adp, "CISA-ADP"), record.Cvss31);
        Assert.Same(record.Cvss31, record.Cvss3);
        Assert.Null(record.Cvss2);
        Assert.Equal(["CWE-94"], record.CweIds);
        Assert.Equal(new DateTimeOffset(2021, 12, 8, 0, 0, 0, TimeSpan.Zero), record.DatePublished);
        Assert.Equal(new DateTimeOffset(2024, 8, 4, 4, 25, 16, 804, TimeSpan.Zero), record.DateUpdated);
        Assert.Equal(new DateTimeOffset(2024, 3, 25, 0, 0, 0, TimeSpan.Zero), record.Kev!.DateAdded);
        Assert.Equal("active", record.SsvcExploitation);
        Assert.Equal("yes", record.SsvcAutomatable);
        Assert.Equal("total", record.SsvcTechnicalImpact);
        Assert.Equal(["Ivanti EPM 4.6.0-512"], record.ComponentNames);
        Assert.Equal(3, record.References.Count);
        Assert.Equal(["x_transferred"], record.References[0].Tags);
        Assert.DoesNotContain(record.References, r => r.IsExploit);
    }

    [Fact]
    public void Maps_cna_scores_exploit_references_and_english_first_as_hand_read_from_CVE_2024_3272()
    {
        var record = ReadSample("CVE-2024-3272");

        Assert.StartsWith("** UNSUPPORTED WHEN ASSIGNED ** A vulnerability, which was classified as very critical", record.Description, StringComparison.Ordinal);
        Assert.Equal(["en", "de"], record.Descriptions.Select(d => d.Lang));
        Assert.Equal(new CveCvss("3.1", 9.8, "CRITICAL", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", CveSource.Cna, "VulDB"), record.Cvss31);
        Assert.Equal(9.8, record.Cvss30!.BaseScore);
        Assert.Equal(new CveCvss("2.0", 10, null, "AV:N/AC:L/Au:N/C:C/I:C/A:C", CveSource.Cna, "VulDB"), record.Cvss2);
        Assert.Equal(["CWE-798"], record.CweIds);
        var exploit = Assert.Single(record.References, r => r.IsExploit);
        Assert.Equal("https://github.com/netsecfish/dlink", exploit.Url);
        Assert.Equal(["D-Link DNS-320L 20240403", "D-Link DNS-325 20240403", "D-Link DNS-327L 20240403", "D-Link DNS-340L 20240403"], record.ComponentNames);
        Assert.Equal(new DateTimeOffset(2024, 4, 11, 0, 0, 0, TimeSpan.Zero), record.Kev!.DateAdded);
    }

    [Fact]
    public void Names_version_ranges_and_drops_a_vendor_repeated_in_the_product()
    {
        var record = ReadSample("CVE-2021-1675");

        Assert.Equal("Microsoft Windows 10 Version 1809 10.0.0 to <10.0.17763.1999", record.ComponentNames[0]);
        Assert.Equal(7.8, record.Cvss31!.BaseScore);
        Assert.Equal(CveSource.Cna, record.Cvss31.Source);
        Assert.Empty(record.CweIds);
    }

    public static TheoryData<string, string?, string?, string?, string?, string?, string?, string?> Names => new()
    {
        // name, vendor, product, version, status, lessThan, lessThanOrEqual, expected (null = none)
        { "plain", "Apache Software Foundation", "Log4j", "2.0", "affected", null, null, "Apache Software Foundation Log4j 2.0" },
        { "range", "Apache Software Foundation", "Apache Log4j2", "2.0-beta9", "affected", "2.15.0", null, "Apache Software Foundation Apache Log4j2 2.0-beta9 to <2.15.0" },
        { "vendor repeated", "Microsoft", "Microsoft Exchange Server 2019", "15.02.0", "affected", "15.02.1118.040", null, "Microsoft Exchange Server 2019 15.02.0 to <15.02.1118.040" },
        { "zero start", "Apple", "iOS", "0", "affected", "16.7", null, "Apple iOS <16.7" },
        { "unspecified start", "Apple", "iOS and iPadOS", "unspecified", "affected", "16.7", null, "Apple iOS and iPadOS <16.7" },
        { "less or equal", "ivanti", "csa", "0", "affected", null, "4.6_patch_512", "ivanti csa <=4.6_patch_512" },
        { "open ended", "Acme", "Widget", "3.1", "affected", "*", null, "Acme Widget >=3.1" },
        { "n/a vendor", "n/a", "Ivanti EPM", "4.6.0-512", "affected", null, null, "Ivanti EPM 4.6.0-512" },
        { "n/a version", "Cisco", "Cisco ASA Software", "n/a", "affected", null, null, "Cisco ASA Software" },
        { "star version", "Acme", "Widget", "*", "affected", null, null, "Acme Widget" },
        { "all n/a", "n/a", "n/a", "n/a", "affected", null, null, null },
        { "unaffected", "Acme", "Widget", "2.0", "unaffected", null, null, null },
        { "version equal to bound", "Google", "Chrome", "120.0.6099.224", "affected", "120.0.6099.224", null, "Google Chrome <120.0.6099.224" },
        { "url bound", "Microsoft", "Microsoft Office 2019", "19.0.0", "affected", "https://aka.ms/OfficeSecurityReleases", null, "Microsoft Office 2019 >=19.0.0" },
        { "product repeated in version", "n/a", "Apache Airflow", "Apache Airflow <1.10.11", "affected", null, null, "Apache Airflow <1.10.11" },
        { "collapsed spaces", "Microsoft", "Windows Server 2008  Service Pack 2", "6.0.0", "affected", "6.0.6003.22918", null, "Microsoft Windows Server 2008 Service Pack 2 6.0.0 to <6.0.6003.22918" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Names_components_by_the_documented_rule(string name, string? vendor, string? product, string? version, string? status, string? lessThan, string? lessOrEqual, string? expected)
    {
        // "unaffected" default status so an entry whose only version is unaffected names nothing.
        var affected = new CveAffected(vendor, product, "unaffected", [new CveVersion(version, status, lessThan, lessOrEqual, "custom")], [], CveSource.Cna);

        var names = CveComponentNamer.Names([affected]);

        Assert.True((expected is null ? [] : new[] { expected }).SequenceEqual(names), $"{name}: got [{string.Join(" | ", names)}]");
    }

    [Fact]
    public void Reads_an_array_and_ndjson_with_positions_and_continues_after_a_bad_record()
    {
        const string good = """{"cveMetadata":{"cveId":"cve-2024-0001","state":"PUBLISHED"},"containers":{"cna":{"descriptions":[{"lang":"en","value":"x"}]}}}""";
        const string noId = """{"cveMetadata":{"state":"PUBLISHED"},"containers":{"cna":{}}}""";
        const string badId = """{"cveMetadata":{"cveId":"2024-1"},"containers":{"cna":{}}}""";
        const string noCna = """{"cveMetadata":{"cveId":"CVE-2024-0003"}}""";
        const string rejected = """{"cveMetadata":{"cveId":"CVE-2024-0004","state":"REJECTED"},"containers":{"cna":{"rejectedReasons":[{"lang":"en","value":"duplicate"}]}}}""";

        foreach (var input in new[] { $"[{good},{noId},{badId},{noCna},\"text\",{rejected}]", $"{good}\n{noId}\n{badId}\n{noCna}\n\"text\"\n{rejected}\n" })
        {
            var items = ReadText(input);

            Assert.Equal([1L, 2, 3, 4, 5, 6], items.Select(i => i.Position));
            Assert.Equal("CVE-2024-0001", items[0].Record!.Id);
            Assert.Equal("no CVE id", items[1].Error);
            Assert.Equal("'2024-1' is not a CVE id", items[2].Error);
            Assert.Equal("CVE-2024-0003: no containers.cna", items[3].Error);
            Assert.Equal("a CVE record must be a JSON object", items[4].Error);
            Assert.Equal("REJECTED", items[5].Record!.State);
            Assert.Equal("duplicate", items[5].Record!.Description);
        }
    }

    public static TheoryData<string, string, long> BadInputs => new()
    {
        { "empty", "", 0 },
        { "not json", "<html>", 0 },
        { "broken second record", """{"cveMetadata":{"cveId":"CVE-2024-0001"},"containers":{"cna":{}}} {"cveMetadata":""", 2 },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Rejects_unreadable_input_with_a_failure_at_its_position(string name, string input, long position)
    {
        var failure = ReadText(input).Last();

        Assert.True(failure.IsError, name);
        Assert.Equal(position, failure.Position);
    }
}
