using System.Text;
using Sightline.Parsers.Common;
using Sightline.Parsers.Cve;
using Sightline.Parsers.Tests.Support;

namespace Sightline.Parsers.Tests.Cve;

public sealed class KevAndEpssReaderTests
{
    private static List<Parsed<KevEntry>> ReadKev(string json) =>
        [.. KevCatalogReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)))];

    private static List<Parsed<EpssScore>> ReadEpss(string csv) => [.. EpssCsvReader.Read(new StringReader(csv))];

    [Fact]
    public void Reads_the_whole_kev_catalog()
    {
        using var stream = File.OpenRead(SharedData.Path("kev", "known_exploited_vulnerabilities.json"));

        var items = KevCatalogReader.Read(stream).ToList();

        Assert.Empty(items.Where(i => i.IsError).Select(i => i.ToString()));
        Assert.Equal(1404, items.Count);
        Assert.Equal(293, items.Count(i => i.Record!.KnownRansomwareCampaignUse));
        var first = items[0].Record!;
        Assert.Equal("CVE-2025-48384", first.CveId);
        Assert.Equal("Git", first.VendorProject);
        Assert.Equal("Git Link Following Vulnerability", first.VulnerabilityName);
        Assert.Equal(new DateTimeOffset(2025, 8, 25, 0, 0, 0, TimeSpan.Zero), first.DateAdded);
        Assert.Equal(new DateTimeOffset(2025, 9, 15, 0, 0, 0, TimeSpan.Zero), first.DueDate);
        Assert.Equal(["CWE-59", "CWE-436"], first.Cwes);
        Assert.Equal(6, first.NoteUrls.Count);
        Assert.Equal("https://nvd.nist.gov/vuln/detail/CVE-2025-48384", first.NoteUrls[^1]);
        Assert.Equal("2025.08.25", first.CatalogVersion);
        Assert.Equal(new DateTimeOffset(2025, 8, 25, 17, 4, 19, 979, TimeSpan.Zero).AddTicks(6000), first.CatalogDateReleased);
    }

    public static TheoryData<string, string, string> BadKevEntries => new()
    {
        { "no cve", """{"vendorProject":"V","product":"P","dateAdded":"2024-01-01"}""", "entry 2: no CVE id" },
        { "bad date", """{"cveID":"CVE-2024-1234","vendorProject":"V","product":"P","dateAdded":"soon"}""", "entry 2: dateAdded is missing or not a date: 'soon'" },
        { "no vendor", """{"cveID":"CVE-2024-1234","product":"P","dateAdded":"2024-01-01"}""", "entry 2: 'vendorProject' is missing or empty" },
        { "not an object", "[]", "entry 2: an entry must be a JSON object" },
    };

    [Theory]
    [MemberData(nameof(BadKevEntries))]
    public void Rejects_a_bad_kev_entry_and_continues(string name, string bad, string reason)
    {
        const string good = """{"cveID":"cve-2024-0001","vendorProject":"V","product":"P","dateAdded":"2024-01-01","knownRansomwareCampaignUse":"Known"}""";

        var items = ReadKev($$"""{"catalogVersion":"1","vulnerabilities":[{{good}},{{bad}},{{good}}]}""");

        Assert.Equal(3, items.Count);
        Assert.True(items[1].IsError, name);
        Assert.Equal(2, items[1].Position);
        Assert.Equal(reason, items[1].Error);
        Assert.Equal("CVE-2024-0001", items[2].Record!.CveId);
        Assert.True(items[2].Record!.KnownRansomwareCampaignUse);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"title":"x"}""")]
    [InlineData("""{"vulnerabilities":{}}""")]
    public void Rejects_a_document_that_is_not_a_kev_catalog(string json)
    {
        var failure = Assert.Single(ReadKev(json));

        Assert.True(failure.IsError);
        Assert.Equal(0, failure.Position);
    }

    [Fact]
    public void Reads_the_first_org_layout_with_its_score_date()
    {
        const string csv = "#model_version:v2023.03.01,score_date:2023-06-01T00:00:00+0000\ncve,epss,percentile\nCVE-1999-0001,0.01025,0.83446\ncve-2021-44228,0.97565,0.99996\n";

        var items = ReadEpss(csv);

        Assert.Equal([3L, 4], items.Select(i => i.Position));
        var log4shell = items[1].Record!;
        Assert.Equal("CVE-2021-44228", log4shell.Cve);
        Assert.Equal(0.97565, log4shell.Epss);
        Assert.Equal(0.99996, log4shell.Percentile);
        Assert.Equal(new DateTimeOffset(2023, 6, 1, 0, 0, 0, TimeSpan.Zero), log4shell.ScoreDate);
        Assert.Equal("v2023.03.01", log4shell.ModelVersion);
        Assert.Null(log4shell.Cvss3);
    }

    public static TheoryData<string, string, string> BadEpssLines => new()
    {
        { "bad cve", "CVE-99-1,0.1,0.2", "'CVE-99-1' is not a CVE id" },
        { "epss not a number", "CVE-2024-0001,high,0.2", "epss 'high' is not a number between 0 and 1" },
        { "epss above one", "CVE-2024-0001,1.5,0.2", "epss '1.5' is not a number between 0 and 1" },
        { "missing percentile", "CVE-2024-0001,0.1", "expected 3 fields, found 2" },
        { "empty percentile", "CVE-2024-0001,0.1,", "percentile '' is not a number between 0 and 1" },
    };

    [Theory]
    [MemberData(nameof(BadEpssLines))]
    public void Rejects_a_bad_epss_line_with_its_line_number_and_continues(string name, string bad, string reason)
    {
        var items = ReadEpss($"cve,epss,percentile\nCVE-2024-0002,0.5,0.5\n{bad}\n\nCVE-2024-0003,0.25,0.75\n");

        Assert.Equal(3, items.Count);
        Assert.True(items[1].IsError, name);
        Assert.Equal(3, items[1].Position);
        Assert.Equal(reason, items[1].Error);
        Assert.Equal(5, items[2].Position);
        Assert.Equal("CVE-2024-0003", items[2].Record!.Cve);
    }

    [Fact]
    public void Rejects_input_without_an_epss_header()
    {
        var failure = Assert.Single(ReadEpss("# comment\ncve,score\nCVE-2024-0001,0.1\n"));

        Assert.Equal(2, failure.Position);
        Assert.Equal("no EPSS header: expected columns cve, epss and percentile", failure.Error);
    }

    [Fact]
    public void Yields_nothing_for_empty_input()
    {
        Assert.Empty(ReadEpss(""));
    }

    [Fact]
    public void Reads_the_kev_epss_layout_with_quoted_descriptions()
    {
        using var reader = File.OpenText(SharedData.Path("kev", "epss_kev_nvd.csv"));

        var items = EpssCsvReader.Read(reader).ToList();

        Assert.Empty(items.Where(i => i.IsError).Select(i => i.ToString()));
        Assert.Equal(1556, items.Count);
        var ray = items[0].Record!;
        Assert.Equal(2, items[0].Position);
        Assert.Equal(("CVE-2025-62593", 0.01015, 0.60644, 8.8), (ray.Cve, ray.Epss, ray.Percentile, ray.Cvss3));
        Assert.Equal(("Ray-Project", "Ray"), (ray.Vendor, ray.Product));
        var fortinet = items[1].Record!;
        Assert.StartsWith("Fortinet FortiOS contains an exposure of sensitive information", fortinet.Description, StringComparison.Ordinal);
        Assert.Equal("FortiOS", fortinet.Product);
        Assert.Null(items.Single(i => i.Record!.Cve == "CVE-2018-14634").Record!.Cvss3);
    }

    [Fact]
    public void Reads_a_quoted_field_across_lines_and_reports_its_first_line()
    {
        var items = ReadEpss("CVE,CVSS3,EPSS,EPSS Percentile,Description,Vendor,Product\nCVE-2024-0001,7.5,0.1,0.2,\"two\nlines, \"\"quoted\"\"\",V,P\nCVE-2024-0002,,0.3,0.4,d,V,P\n");

        Assert.Equal([2L, 4], items.Select(i => i.Position));
        Assert.Equal("two\nlines, \"quoted\"", items[0].Record!.Description);
    }
}
