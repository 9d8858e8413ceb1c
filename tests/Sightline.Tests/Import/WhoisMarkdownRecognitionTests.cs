using System.Text;
using Sightline.Data.Ingestion;
using Sightline.Tests.Metadata;

namespace Sightline.Tests.Import;

/// <summary>Which inputs the whois and markdown formats claim when no format is named.</summary>
public sealed class WhoisMarkdownRecognitionTests
{
    private static string? Detect(string name, string content)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        return Importers.Detect(name, bytes.AsSpan(0, Math.Min(bytes.Length, 4096)));
    }

    [Fact]
    public void Nearly_every_real_whois_response_is_recognised_by_its_text_and_none_of_the_expected_parses()
    {
        var folder = Path.GetDirectoryName(SharedReference.Locate("data/whois/likexian/com_google.com"))!;
        var responses = Directory.EnumerateFiles(folder).Where(f => Path.GetExtension(f) is not (".json" or ".pre") && !f.EndsWith("LICENSE", StringComparison.Ordinal)).ToList();
        var missed = responses.Where(f => Detect(Path.GetFileName(f), File.ReadAllText(f)) != "whois").Select(Path.GetFileName).ToList();
        Assert.True(missed.Count <= responses.Count / 20, $"{missed.Count} of {responses.Count} not recognised: {string.Join(", ", missed)}");
        var parses = Directory.EnumerateFiles(folder, "*.json").Take(50);
        Assert.All(parses, f => Assert.NotEqual("whois", Detect(Path.GetFileName(f), File.ReadAllText(f))));
    }

    [Fact]
    public void Markdown_articles_are_recognised_by_extension_or_titled_front_matter_and_not_taken_for_whois()
    {
        const string article = "---\ntitle: Registrar abuse in phishing\ncreated: 2026-01-05\n---\nDomain Name: the registrar of contoso-login[.]com ...\n";
        Assert.Equal("markdown", Detect("post.md", "# WHOIS notes\nRegistrar: x\n"));
        Assert.Equal("markdown", Detect("request body", article));
        Assert.Null(Detect("notes.txt", "---\nlayout: post\n---\nhello\n"));
        Assert.Equal("whois", Detect("request body", "Domain Name: CONTOSO.COM\nRegistrar: Example\n"));
        Assert.NotEqual("whois", Detect("pdns.cof", "{\"rrname\":\"domain:\",\"rrtype\":\"A\"}"));
    }
}
