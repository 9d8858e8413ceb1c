using System.Text;
using Sightline.Parsers.Recog;

namespace Sightline.Parsers.Tests.Recog;

public sealed class RecogMatcherTests
{
    private static RecogMatcher Matcher => RecogMatcher.Default;

    [Fact]
    public void Identifies_an_openssh_banner_by_database_key()
    {
        var match = Matcher.Identify("ssh.banner", "OpenSSH_8.2p1 Ubuntu-4ubuntu0.5");
        Assert.NotNull(match);
        Assert.Equal("OpenSSH", match.Get("service.product"));
        Assert.Equal("8.2p1", match.Get("service.version"));
        Assert.Equal("cpe:/a:openbsd:openssh:8.2p1", match.Get("service.cpe23"));
        Assert.Equal("Ubuntu", match.Get("os.vendor"));
        Assert.Equal("20.04", match.Get("os.version"));
        Assert.Equal("ssh", match.Get("service.protocol"));
        Assert.Equal("OpenBSD", match.Vendor);
        Assert.Equal("OpenSSH", match.Product);
        Assert.Equal("8.2p1", match.Version);
        Assert.Equal("SSH server", match.Category);
    }

    [Theory]
    [InlineData("ssh identification string", "ssh", "SSH-2.0-OpenSSH_7.4\r\n", "ssh.banner", "OpenSSH", "7.4")]
    [InlineData("smtp greeting with code", "smtp", "220 mail.example.com ESMTP Postfix (Ubuntu)", "smtp.banner", "Postfix", null)]
    [InlineData("ftp greeting with code", "ftp", "220 (vsFTPd 3.0.3)", "ftp.banner", "vsFTPd", "3.0.3")]
    [InlineData("http server header among others", "http", "Date: Mon, 01 Jan 2024 00:00:00 GMT\nServer: nginx/1.18.0 (Ubuntu)\nConnection: close", "http_header.server", "nginx", "1.18.0")]
    [InlineData("unknown service sniffed as ssh", "unknown", "SSH-2.0-OpenSSH_9.6", "ssh.banner", "OpenSSH", "9.6")]
    public void Identifies_raw_banners_by_service(string name, string service, string banner, string key, string product, string? version)
    {
        Assert.True(name.Length > 0);
        var match = Matcher.IdentifyBanner(service, banner);
        Assert.NotNull(match);
        Assert.Equal(key, match.MatchesKey);
        Assert.Equal(product, match.Get("service.product"));
        Assert.Equal(version, match.Get("service.version"));
    }

    [Theory]
    [InlineData("ssh.banner", "definitely not a known banner \u0001")]
    [InlineData("no.such.database", "OpenSSH_8.2p1")]
    public void Returns_null_when_nothing_matches(string key, string text) => Assert.Null(Matcher.Identify(key, text));

    [Fact]
    public void Keys_fall_back_to_the_file_name_when_matches_is_absent()
    {
        Assert.Contains("telnet_banners", Matcher.Keys);
        Assert.Contains("http_header.server", Matcher.Keys);
    }

    [Fact]
    public void Recog_files_are_embedded_with_their_licence()
    {
        using var licence = typeof(RecogMatcher).Assembly.GetManifestResourceStream("parsers/Recog/data/LICENSE");
        Assert.NotNull(licence);
        using var reader = new StreamReader(licence, Encoding.UTF8);
        Assert.Contains("Rapid7", reader.ReadToEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_pathological_pattern_is_bounded_and_still_answers()
    {
        var xml = """
            <fingerprints matches="t.test" protocol="t">
              <fingerprint pattern="^(a+)+$"><description>nested</description><param pos="0" name="service.product" value="A"/></fingerprint>
              <fingerprint pattern="^a+b?$"><description>plain</description><param pos="0" name="service.product" value="B"/></fingerprint>
            </fingerprints>
            """;
        var matcher = new RecogMatcher([("t.xml", () => new MemoryStream(Encoding.UTF8.GetBytes(xml)))]);
        var match = matcher.Identify("t.test", new string('a', 5000) + "b");
        Assert.NotNull(match);
        Assert.Equal("B", match.Get("service.product"));
    }
}
