using System.Text.RegularExpressions;
using Sightline.Parsers.Dns;
using Sightline.Parsers.Tests.Support;

namespace Sightline.Parsers.Tests.Dns;

public sealed partial class PublicSuffixListTests
{
    private static readonly PublicSuffixList _psl = PublicSuffixList.Default;

    /// <summary>Every <c>checkPublicSuffix(input, expected)</c> line of the official test file, comments skipped.</summary>
    public static TheoryData<string, string?, string?> OfficialVectors()
    {
        var data = new TheoryData<string, string?, string?>();
        foreach (var (line, input, expected) in ReadVectors())
        {
            data.Add($"line {line}", input, expected);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(OfficialVectors))]
    public void Passes_the_official_test_vector(string name, string? input, string? expected)
    {
        // The list answers in punycode; the test file writes IDN expectations in Unicode.
        var want = expected is null ? null : HostNames.Normalize(expected);
        Assert.True(expected is null || want is not null, name);
        Assert.Equal(want, _psl.RegistrableDomain(input));
    }

    [Fact]
    public void Reads_all_official_test_vectors()
    {
        var vectors = ReadVectors().ToList();
        var passed = vectors.Count(v => _psl.RegistrableDomain(v.Input) == (v.Expected is null ? null : HostNames.Normalize(v.Expected)));
        Assert.Equal(78, vectors.Count);
        Assert.Equal(vectors.Count, passed);
    }

    [Fact]
    public void Ships_the_same_list_as_the_shared_reference_copy()
    {
        using var reader = File.OpenText(SharedData.Path("psl", "public_suffix_list.dat"));
        var reference = PublicSuffixList.Load(reader);
        Assert.Equal(reference.RuleCount, _psl.RuleCount);
        Assert.True(_psl.RuleCount > 9000, $"only {_psl.RuleCount} rules");
    }

    [Theory]
    [InlineData("www.example.co.uk", "co.uk")]
    [InlineData("co.uk", "co.uk")]
    [InlineData("example.unlisted", "unlisted")]
    [InlineData("a.b.c.mm", "c.mm")]
    [InlineData("www.ck", "ck")]
    [InlineData("x.foo.blogspot.com", "blogspot.com")]
    [InlineData("WWW.Example.COM.", "com")]
    [InlineData("www.食狮.公司.cn", "xn--55qx5d.cn")]
    public void Finds_the_public_suffix(string host, string expected) => Assert.Equal(expected, _psl.PublicSuffix(host));

    [Theory]
    [InlineData("foo.blogspot.com", "foo.blogspot.com")]
    [InlineData("a.b.foo.s3.amazonaws.com", "foo.s3.amazonaws.com")]
    [InlineData("b.www.ck", "www.ck")]
    [InlineData("_dmarc.mail.example.org", "example.org")]
    public void Takes_private_and_exception_rules_into_account(string host, string expected) =>
        Assert.Equal(expected, _psl.RegistrableDomain(host));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("[2001:db8::1]")]
    [InlineData("")]
    [InlineData("bad..name")]
    [InlineData("-bad.com")]
    public void Has_no_suffix_or_registrable_domain_for_ips_and_invalid_names(string host)
    {
        Assert.Null(_psl.PublicSuffix(host));
        Assert.Null(_psl.RegistrableDomain(host));
    }

    [Theory]
    [InlineData("a.example.com", "example.com", true)]
    [InlineData("a.b.EXAMPLE.com.", "example.com", true)]
    [InlineData("example.com", "example.com", false)]
    [InlineData("badexample.com", "example.com", false)]
    [InlineData("example.com", "a.example.com", false)]
    [InlineData("www.食狮.中国", "xn--85x722f.xn--fiqs8s", true)]
    [InlineData("1.2.3.4", "3.4", false)]
    public void Tells_whether_a_name_is_below_another(string host, string domain, bool expected) =>
        Assert.Equal(expected, PublicSuffixList.IsSubdomainOf(host, domain));

    [Theory]
    [InlineData("evil.com", true)]
    [InlineData("evil.xn--fiqs8s", true)]
    [InlineData("setup.exe", false)]
    [InlineData("example.invalid", false)]
    [InlineData("localhost", false)]
    public void Knows_which_top_level_domains_exist(string host, bool expected) =>
        Assert.Equal(expected, _psl.HasListedTopLevelDomain(host));

    [Fact]
    public void Looks_up_normalised_names_without_allocating()
    {
        string[] names = ["www.example.co.uk", "a.b.c.kobe.jp", "deep.sub.domain.example.com", "x.foo.blogspot.com"];
        var sum = 0;
        foreach (var name in names)
        {
            sum += _psl.RegistrableDomainStart(name);
        }
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            foreach (var name in names)
            {
                sum += _psl.RegistrableDomainStart(name);
                sum += HostNames.Normalize(name)!.Length;
            }
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.NotEqual(0, sum);
    }

    private static IEnumerable<(int Line, string? Input, string? Expected)> ReadVectors()
    {
        var lines = File.ReadAllLines(SharedData.Path("psl", "test_psl.txt"));
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith("//"))
            {
                continue;
            }
            var match = VectorLine().Match(lines[i]);
            if (match.Success)
            {
                yield return (i + 1, Literal(match.Groups["input"].Value), Literal(match.Groups["expected"].Value));
            }
        }
    }

    private static string? Literal(string token) => token == "null" ? null : token[1..^1];

    [GeneratedRegex(@"checkPublicSuffix\((?<input>null|'[^']*'),\s*(?<expected>null|'[^']*')\)")]
    private static partial Regex VectorLine();
}
