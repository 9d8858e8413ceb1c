using Sightline.Parsers.Articles;
using Sightline.Parsers.Common;

namespace Sightline.Parsers.Tests.Articles;

public sealed class ArticleParserTests
{
    private static Parsed<ArticleDocument> Parse(string text) => ArticleParser.Parse(new StringReader(text));

    [Fact]
    public void Reads_the_front_matter_of_a_sample_article()
    {
        var result = Parse(SampleArticles.PhishingCampaign);
        Assert.False(result.IsError, result.Error);
        var article = result.Record!;
        Assert.Equal("Storm-XXXX: invoice lures deliver a credential-harvesting kit", article.Title);
        Assert.Equal("a272d5ab", article.Id);
        Assert.Equal(new DateTimeOffset(2024, 3, 14, 8, 30, 0, TimeSpan.Zero), article.Created);
        Assert.Equal(TimeSpan.Zero, article.Created!.Value.Offset);
        Assert.Equal(new DateTimeOffset(2024, 3, 18, 0, 0, 0, TimeSpan.Zero), article.Updated);
        Assert.Equal(["Phishing", "AiTM", "Storm-XXXX"], article.Tags);
        Assert.True(article.IsFeatured);
        Assert.Equal("https://cdn.sightline.example/images/storm-invoice.png", article.ImageUrl);
        Assert.Equal(ArticleSource.Osint, article.Source);
        Assert.StartsWith("# Invoice lures", article.BodyMarkdown, StringComparison.Ordinal);
        Assert.EndsWith("KQL guide.", article.BodyMarkdown, StringComparison.Ordinal);
        Assert.Equal("Since early March, an actor we track as Storm-XXXX has sent invoice-themed emails from `billing[@]contoso-payments[.]com` that lead to an adversary-in-the-middle (AiTM) kit.", article.Summary);
    }

    [Fact]
    public void Extracts_the_indicators_of_a_sample_article_in_order()
    {
        var indicators = Parse(SampleArticles.PhishingCampaign).Record!.Indicators.Select(i => $"{i.Kind}:{i.Value}");
        string[] expected =
        [
            "email:billing@contoso-payments.com",
            "domain:contoso-payments.com",
            "sha256:3f786850e387550fdab836ed7e6dc881de23001b3a9b7d7d0f7b6b5b9d1c2f3a",
            "url:https://login-contoso-payments.com/oauth2/authorize?client=web",
            "domain:login-contoso-payments.com",
            "domain:cdn.contoso-payments.net",
            "cve:CVE-2024-21413",
            "url:https://msrc.microsoft.com/update-guide/vulnerability/CVE-2024-21413",
            "domain:msrc.microsoft.com",
            "ipv4:198.51.100.23",
            "ipv6:2001:db8:4006:80b::200e",
            "md5:d41d8cd98f00b204e9800998ecf8427e",
            "sha1:2fd4e1c67a2d28fced849ee1bb76e7391b93eb12",
            "url:http://198.51.100.23:8443/gate.php",
            "domain:sync.contoso-payments.com",
        ];
        Assert.Equal(expected, indicators);
    }

    [Fact]
    public void Takes_title_from_the_first_heading_and_summary_from_the_first_paragraph()
    {
        const string text = """

            # Weekly   digest #

            ![banner](img.png)
            First line of the summary
            continues here.

            Second paragraph mentions evil[.]com.
            """;
        var article = Parse(text).Record!;
        Assert.Equal("Weekly   digest", article.Title);
        Assert.Equal("First line of the summary continues here.", article.Summary);
        Assert.StartsWith("![banner]", article.BodyMarkdown, StringComparison.Ordinal);
        Assert.Null(article.Id);
        Assert.Null(article.Created);
        Assert.Null(article.Source);
        Assert.False(article.IsFeatured);
        Assert.Equal([new ExtractedIndicator(IndicatorKinds.Domain, "evil.com")], article.Indicators);
    }

    [Fact]
    public void Reads_block_lists_folded_text_quotes_and_comments()
    {
        const string text = """
            ---
            title: 'It''s here' # a comment
            tags:
              - Ransomware
              - "Qakbot, loader"
              - ransomware
            summary: >
              Folded summary that names
              update[.]evil[.]org.
            date: 2023-01-02 03:04:05
            featured: no
            ---
            Body.
            """;
        var article = Parse(text).Record!;
        Assert.Equal("It's here", article.Title);
        Assert.Equal(["Ransomware", "Qakbot, loader"], article.Tags);
        Assert.Equal("Folded summary that names update[.]evil[.]org.", article.Summary);
        Assert.Equal(new DateTimeOffset(2023, 1, 2, 3, 4, 5, TimeSpan.Zero), article.Created);
        Assert.False(article.IsFeatured);
        Assert.Equal("Body.", article.BodyMarkdown);
        Assert.Equal([new ExtractedIndicator(IndicatorKinds.Domain, "update.evil.org")], article.Indicators);
    }

    [Theory]
    [InlineData("unterminated", "---\ntitle: x\nbody", 1, "not closed")]
    [InlineData("bad date", "---\ntitle: x\ncreated: 14/03/2024\n---\n", 3, "'14/03/2024' is not a date")]
    [InlineData("impossible date", "---\ntitle: x\nupdated: 2024-02-30\n---\n", 3, "is not a date")]
    [InlineData("bad bool", "---\ntitle: x\nfeatured: maybe\n---\n", 3, "'maybe' is not true or false")]
    [InlineData("bad source", "---\ntitle: x\nsource: vendor\n---\n", 3, "use microsoft, osint or public")]
    [InlineData("line without colon", "---\ntitle: x\njust words\n---\n", 3, "expected 'key: value'")]
    [InlineData("item without key", "---\ntitle: x\n- orphan\n---\n", 3, "must follow a 'key:' line")]
    [InlineData("duplicate key", "---\ntitle: x\nTitle: y\n---\n", 3, "appears twice")]
    [InlineData("unclosed flow list", "---\ntitle: x\ntags: [a, b\n---\n", 3, "not closed by ']'")]
    [InlineData("nested mapping", "---\ntitle: x\nauthor:\n  name: y\n---\n", 4, "nested values are not supported")]
    [InlineData("bad key", "---\ntitle: x\nmy key: y\n---\n", 3, "not a valid front matter key")]
    [InlineData("no title at all", "---\nid: x\n---\nJust text.\n", 1, "has no title")]
    public void Rejects_malformed_front_matter_with_its_line(string name, string text, long line, string reason)
    {
        var result = Parse(text);
        Assert.True(result.IsError, name);
        Assert.Null(result.Record);
        Assert.Equal(line, result.Position);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Keeps_working_after_a_rejected_article()
    {
        var results = new[] { "---\ntitle: x\n", "# Fine\nText." }.Select(Parse).ToList();
        Assert.True(results[0].IsError);
        Assert.Equal("Fine", results[1].Record!.Title);
    }
}
