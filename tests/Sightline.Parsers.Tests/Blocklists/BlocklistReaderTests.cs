using Sightline.Parsers.Blocklists;
using Sightline.Parsers.Common;
using Sightline.Parsers.Tests.Support;

namespace Sightline.Parsers.Tests.Blocklists;

public sealed class BlocklistReaderTests
{
    private static List<Parsed<TrailEntry>> Trails(string text) => [.. MaltrailReader.Read(new StringReader(text))];

    [Fact]
    public void Reads_the_whole_ipsum_feed_with_its_date()
    {
        using var reader = File.OpenText(SharedData.Path("ipsum", "ipsum.txt"));

        var items = IpsumReader.Read(reader).ToList();

        Assert.Empty(items.Where(i => i.IsError).Select(i => i.ToString()));
        Assert.Equal(120_430, items.Count);
        var first = items[0];
        Assert.Equal(8, first.Position);
        Assert.Equal(new IpsumEntry("77.90.185.20", 10, new DateTimeOffset(2026, 8, 22, 1, 0, 29, TimeSpan.Zero)), first.Record);
        Assert.Equal(new IpsumEntry("162.251.62.103", 1, first.Record!.ListDate), items[^1].Record);
        Assert.All(items, i => Assert.InRange(i.Record!.Lists, 1, 10));
    }

    [Theory]
    [InlineData("203.0.113.7\tlots", "'lots' is not a positive number of lists")]
    [InlineData("203.0.113.7\t0", "'0' is not a positive number of lists")]
    [InlineData("example.com\t3", "'example.com' is not an IP address")]
    [InlineData("203.0.113.7", "expected an IP address and a number of lists separated by a tab")]
    public void Rejects_malformed_ipsum_lines_with_their_line_number(string line, string reason)
    {
        var items = IpsumReader.Read(new StringReader("# IPsum\n203.0.113.1\t2\n" + line + "\n")).ToList();

        Assert.Equal(new IpsumEntry("203.0.113.1", 2, null), items[0].Record);
        Assert.Equal(Parsed<IpsumEntry>.Fail(3, reason), items[1]);
    }

    [Fact]
    public void Reads_every_maltrail_apt_trail_with_its_reference()
    {
        var files = Directory.GetFiles(SharedData.Path("maltrail"), "apt_*.txt");
        var items = files.SelectMany(f => Trails(File.ReadAllText(f))).ToList();

        Assert.Equal(340, files.Length);
        Assert.DoesNotContain(items, i => i.IsError);
        Assert.Equal(327_933, items.Count);
        // Values that name no host (bare paths such as /securechatnow_v1_0_7.apk, typos) are kept without one: about 1%.
        Assert.InRange(items.Count(i => i.Record!.Host is null), 1, 5_000);
        var lazarus = Trails(File.ReadAllText(SharedData.Path("maltrail", "apt_lazarus.txt")));
        Assert.Contains(lazarus, i => i.Record == new TrailEntry("celasllc.com", "celasllc.com", TrailKind.Domain, "https://securelist.com/operation-applejeus/87553/"));
        Assert.Contains(lazarus, i => i.Record == new TrailEntry("185.142.236.226", "185.142.236.226", TrailKind.IpAddress, "https://securelist.com/operation-applejeus/87553/"));
    }

    [Theory]
    [InlineData("evil.example", "evil.example", TrailKind.Domain)]
    [InlineData("Evil.Example.", "evil.example", TrailKind.Domain)]
    [InlineData("203.0.113.9", "203.0.113.9", TrailKind.IpAddress)]
    [InlineData("203.0.113.9:22:443", "203.0.113.9", TrailKind.IpAddress)]
    [InlineData("http://203.0.113.9", "203.0.113.9", TrailKind.IpAddress)]
    [InlineData("evil.example:8080", "evil.example", TrailKind.Domain)]
    [InlineData("ap8898.com/include/arc.search.class.php", "ap8898.com", TrailKind.Url)]
    [InlineData("http://evil.example/payload.bin", "evil.example", TrailKind.Url)]
    [InlineData("us-nation-ny.cf    # was: us\u2010nation\u2010ny.cf", "us-nation-ny.cf", TrailKind.Domain)]
    [InlineData("/hamas_internal_elections.rar", null, TrailKind.Domain)]
    [InlineData("/?zboard_zboard.php?id=", null, TrailKind.Domain)]
    public void Finds_the_host_a_trail_names(string line, string? host, TrailKind kind)
    {
        var entry = Assert.Single(Trails("# Reference: https://example.org/report\n\n" + line + "\n")).Record!;

        Assert.Equal(host, entry.Host);
        Assert.Equal(kind, entry.Kind);
        Assert.Equal("https://example.org/report", entry.Reference);
    }

    [Fact]
    public void Recognises_both_formats_by_their_first_lines()
    {
        Assert.True(IpsumReader.LooksLikeIpsum(File.ReadAllText(SharedData.Path("ipsum", "ipsum.txt"))[..4096]));
        Assert.True(IpsumReader.LooksLikeIpsum("203.0.113.7\t4\n"));
        Assert.False(IpsumReader.LooksLikeIpsum("Domain Name: CONTOSO.COM\n"));
        Assert.True(MaltrailReader.LooksLikeMaltrail(File.ReadAllText(SharedData.Path("maltrail", "apt_lazarus.txt"))[..1024]));
        Assert.False(MaltrailReader.LooksLikeMaltrail("# IPsum Threat Intelligence Feed\n1.2.3.4\t3\n"));
    }
}
