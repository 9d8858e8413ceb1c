using System.Text.RegularExpressions;
using Sightline.Parsers.Har.Technologies;

namespace Sightline.Parsers.Tests.Har;

public sealed class TechnologyCatalogTests
{
    [Fact]
    public void Loads_the_shipped_wappalyzer_fingerprints_and_compiles_every_pattern()
    {
        // A fresh catalogue, so the counts do not depend on what other tests compiled.
        var catalog = TechnologyCatalog.Load();

        var (compiled, skipped) = catalog.CompileAll();

        Assert.Equal(3425, catalog.Technologies.Count);
        Assert.Equal(105, catalog.Categories.Count);
        Assert.Equal(3843, compiled);
        // Every Wappalyzer 6.10.47 pattern compiles in .NET once translated; a change here means new data.
        Assert.Equal(0, skipped);
        Assert.All(catalog.Technologies.Values, t => Assert.NotEqual("", t.Category));
    }

    [Fact]
    public void Resolves_implied_technologies_to_existing_ones()
    {
        var catalog = TechnologyCatalog.Default;

        var missing = catalog.Technologies.Values.SelectMany(t => t.Implies.Select(i => i.Name).Concat(t.Requires))
            .Where(name => !catalog.Technologies.ContainsKey(name))
            .ToList();

        Assert.Empty(missing);
        Assert.Equal(["PHP", "MySQL"], catalog.Technologies["WordPress"].Implies.Select(i => i.Name));
    }

    [Theory]
    [InlineData("plain_group", @"nginx(?:/([\d.]+))?", @"\1", "nginx/1.18.0", "1.18.0")]
    [InlineData("group_missing", @"nginx(?:/([\d.]+))?", @"\1", "nginx", "")]
    [InlineData("ternary_yes", @"gtag\([^)]+'(UA-)", @"\1?UA:", "gtag('config', 'UA-1')", "UA")]
    [InlineData("ternary_no", @"ver(-beta)?", @"\1?beta:stable", "ver", "stable")]
    [InlineData("literal", @"", "GA4", "anything", "GA4")]
    [InlineData("two_groups", @"(\d+)_(\d+)", @"\1.\2", "v7_4", "7.4")]
    public void Fills_version_templates_like_wappalyzer(string name, string regex, string template, string input, string version)
    {
        var match = new Regex(regex, RegexOptions.IgnoreCase).Match(input);

        Assert.True(match.Success, name);
        Assert.Equal(version, Pattern.ResolveVersion(template, match));
    }

    [Fact]
    public void Parses_the_version_and_confidence_attributes_of_a_pattern()
    {
        var pattern = Pattern.Parse(@"^php/?([\d.]+)?\;version:\1\;confidence:50", new RegexStats());

        Assert.Equal((@"^php/?([\d.]+)?", @"\1", 50), (pattern.Source, pattern.Version, pattern.Confidence));
    }

    [Theory]
    [InlineData("bounded_quantifiers", @"a+b*c\+", @"a{1,250}b{0,250}c\+")]
    [InlineData("any_character_class", @"<div[^]+x", @"<div[\s\S]{1,250}x")]
    [InlineData("empty_class", @"a[]b", @"a(?!)b")]
    [InlineData("identity_escape", @"\i\_\/", @"i_\/")]
    [InlineData("dash_after_shorthand", @"[\w-.]", @"[\w\-.]")]
    [InlineData("bracket_in_class", @"[[a-]", @"[\[a-]")]
    [InlineData("quantifiers_in_class_are_literal", @"[+*]", @"[+*]")]
    [InlineData("hex_escape_kept", @"\x41\u00e9", @"\x41\u00e9")]
    public void Translates_javascript_regex_syntax_to_dotnet(string name, string js, string dotnet)
    {
        Assert.Equal(dotnet, JsRegex.Translate(js));
        Assert.NotNull(JsRegex.TryCompile(js));
        Assert.NotNull(name);
    }

    [Theory]
    [InlineData("escaped_dots", @".+\.twic\.pics", ".twic.pics")]
    [InlineData("optional_char_dropped", @"^php/?([\d.]+)?", "php")]
    [InlineData("groups_skipped", @"(?:www\.)?example\.com/(foo|bar)", "example.com/")]
    [InlineData("counted_quantifier_skipped", @"ab{2}cdef", "cdef")]
    [InlineData("class_skipped", @"<a [^>]+Powered by Lithium", "Powered by Lithium")]
    [InlineData("top_level_alternation", @"alpha|bravo", null)]
    [InlineData("too_short", @"ab\d+", null)]
    public void Finds_the_text_every_match_must_contain(string name, string js, string? literal)
    {
        Assert.Equal(literal, RequiredLiteral.Find(js));
        Assert.NotNull(name);
    }

    [Fact]
    public void Skips_a_pattern_dotnet_cannot_compile_and_counts_it()
    {
        var stats = new RegexStats();
        var pattern = Pattern.Parse(@"(unclosed", stats);

        var matched = pattern.TryMatch("(unclosed", stats, out _);

        Assert.False(matched);
        Assert.Equal((0, 1), (stats.Compiled, stats.Skipped));
    }

    [Fact]
    public void Drops_excluded_technologies_and_adds_implied_ones_transitively()
    {
        var matcher = new TechnologyMatcher(TechnologyCatalog.Default);
        var signals = new Signals();
        Signals.Add(signals.Meta, "generator", "WordPress 6.4.2");

        var names = matcher.Analyze(signals).ToDictionary(d => d.Technology.Name, d => d.Version);

        Assert.Equal(new Dictionary<string, string> { ["WordPress"] = "6.4.2", ["PHP"] = "", ["MySQL"] = "" }, names);
    }
}
