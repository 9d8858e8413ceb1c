using Sightline.Parsers.Articles;

namespace Sightline.Parsers.Tests.Articles;

public sealed class IndicatorExtractorTests
{
    [Theory]
    [InlineData("plain domain", "The C2 was update-service.com today.", "domain:update-service.com")]
    [InlineData("bracket dot", "beacons to example[.]com", "domain:example.com")]
    [InlineData("paren and brace dots", "a(.)evil.net and b{.}evil.org", "domain:a.evil.net|domain:b.evil.org")]
    [InlineData("word dot", "login [dot] contoso-auth [dot] com", "domain:login.contoso-auth.com")]
    [InlineData("upper case host", "Mail.Example[.]COM", "domain:mail.example.com")]
    [InlineData("private suffix", "hosted on cdnappservice.web.app", "domain:cdnappservice.web.app")]
    [InlineData("idn", "the look-alike bücher-shop.de", "domain:xn--bcher-shop-9db.de")]
    [InlineData("file extension tld defanged", "staged at invoice[.]zip", "domain:invoice.zip")]
    [InlineData("hxxp url", "hxxp://evil[.]com/a.php?id=1", "url:http://evil.com/a.php?id=1|domain:evil.com")]
    [InlineData("hXXps url with colon", "hXXps[:]//Login.Evil[.]com/Path", "url:https://login.evil.com/Path|domain:login.evil.com")]
    [InlineData("bracketed scheme separator", "hxxps[://]cdn.evil[.]io/x", "url:https://cdn.evil.io/x|domain:cdn.evil.io")]
    [InlineData("ftp defanged", "fxp://files.evil[.]net/drop", "url:ftp://files.evil.net/drop|domain:files.evil.net")]
    [InlineData("url with ip and port", "http://192.0.2[.]10:8080/gate", "url:http://192.0.2.10:8080/gate|ipv4:192.0.2.10")]
    [InlineData("url with ipv6", "http://[2001:DB8::1]/x", "url:http://[2001:db8::1]/x|ipv6:2001:db8::1")]
    [InlineData("markdown link", "[report](https://evil.com/r)", "url:https://evil.com/r|domain:evil.com")]
    [InlineData("url ending a sentence", "Visit https://evil.com/x.", "url:https://evil.com/x|domain:evil.com")]
    [InlineData("url in parentheses", "(see https://evil.com/wiki_(x))", "url:https://evil.com/wiki_(x)|domain:evil.com")]
    [InlineData("hash inside url not twice", "https://od.lk/d/d021d412be456a6f78a0052a1f0e3557dcfa14bf25f9d0f1d0d2d7dcdac86c73/a.png",
        "url:https://od.lk/d/d021d412be456a6f78a0052a1f0e3557dcfa14bf25f9d0f1d0d2d7dcdac86c73/a.png|domain:od.lk")]
    [InlineData("email", "sent from Billing[@]Contoso-Pay[.]com", "email:billing@contoso-pay.com|domain:contoso-pay.com")]
    [InlineData("email with at word", "hr [at] evil-corp [dot] com", "email:hr@evil-corp.com|domain:evil-corp.com")]
    [InlineData("ipv4 defanged", "C2 at 203.0.113[.]7.", "ipv4:203.0.113.7")]
    [InlineData("ipv4 bracket everywhere", "45[.]77[.]65[.]211", "ipv4:45.77.65.211")]
    [InlineData("ipv6", "and 2001:db8:0:0::abcd.", "ipv6:2001:db8::abcd")]
    [InlineData("md5", "MD5 F5A9D696828051D4487DDE248A973658", "md5:f5a9d696828051d4487dde248a973658")]
    [InlineData("sha1", "sha1 0588cf19b8058d5a842f9d3e9b02b3acf2524d71", "sha1:0588cf19b8058d5a842f9d3e9b02b3acf2524d71")]
    [InlineData("sha256", "ca83d7456a49dc5b8fe71007e5ac590842b146dd5c45c9a65fe57e428a8bd7c6",
        "sha256:ca83d7456a49dc5b8fe71007e5ac590842b146dd5c45c9a65fe57e428a8bd7c6")]
    [InlineData("cve", "exploits cve-2023-23397 and CVE-2021-44228", "cve:CVE-2023-23397|cve:CVE-2021-44228")]
    [InlineData("cve with non-breaking hyphens", "CVE\u20112024\u201121413", "cve:CVE-2024-21413")]
    [InlineData("duplicates once in first order", "b.evil.com a.evil.com b[.]evil[.]com", "domain:b.evil.com|domain:a.evil.com")]
    [InlineData("mixed order", "1.2.3.4 then evil.com then CVE-2020-1472", "ipv4:1.2.3.4|domain:evil.com|cve:CVE-2020-1472")]
    [InlineData("table row", "| update[.]contoso-cdn[.]net | Domain | C2 |", "domain:update.contoso-cdn.net")]
    public void Extracts_indicators(string name, string text, string expected)
    {
        var found = string.Join('|', IndicatorExtractor.Extract(text).Select(i => $"{i.Kind}:{i.Value}"));
        Assert.True(expected == found, $"{name}: expected {expected} but found {found}");
    }

    [Theory]
    [InlineData("abbreviations", "Use a loader, e.g. a script, i.e. PowerShell, etc. at 5 p.m.")]
    [InlineData("executable names", "It drops setup.exe, wsock32.dll and payload.bin.")]
    [InlineData("versions", "version 1.2 and v2.3.4 and version 10.0.19041.1 and Chrome 120.0.6099.109")]
    [InlineData("reserved tld", "see example.invalid and host.local and test.example")]
    [InlineData("file extensions that are tlds", "opens invoice.zip, notes.one, setup.py, README.md and install.sh")]
    [InlineData("code identifiers", "calls System.IO.File and System.Net.WebClient in an ASP.NET app")]
    [InlineData("public suffix alone", "domains under co.uk or github.io")]
    [InlineData("numbers that look like hashes", "order 12345678901234567890123456789012")]
    [InlineData("too long hex", "a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a")]
    [InlineData("guid", "clsid 27E57D84-4310-4825-AB22-743C78B8F3AA")]
    [InlineData("times and mac addresses", "at 12:30:45 from 00:1a:2b:3c:4d:5e")]
    [InlineData("cpp scope", "std::string and Foo::Bar")]
    [InlineData("octet too big", "999.1.1.1 and 1.2.3.256")]
    [InlineData("windows path", @"C:\ProgramData\SoftwareCache\wsock32.dll")]
    [InlineData("empty", "")]
    public void Ignores_false_positives(string name, string text)
    {
        var found = IndicatorExtractor.Extract(text);
        Assert.True(found.Count == 0, $"{name}: found {string.Join(", ", found)}");
    }

    [Fact]
    public void Refanges_and_reports_rewritten_spans()
    {
        var text = Refanger.Refang("hxxps[:]//a[.]b (dot) c", out var spans);
        Assert.Equal("https://a.b.c", text);
        Assert.Equal(4, spans.Count);
    }

    [Fact]
    public void Leaves_text_without_defanging_untouched()
    {
        const string text = "nothing to see at http://example.com";
        Assert.Same(text, Refanger.Refang(text, out var spans));
        Assert.Empty(spans);
    }
}
