using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sightline.Data;
using Sightline.Data.Entities;
using Sightline.Tests.Support;

namespace Sightline.Tests.Import;

/// <summary>Markdown articles in, through the HTTP ingest endpoint and the CLI, and back out as articles and indicators.</summary>
public sealed class MarkdownImportTests : IngestTestBase
{
    private const string Title = "Fake invoice lures deliver a loader through contoso-login[.]com";

    private const string Article = $$"""
        ---
        title: "{{Title}}"
        created: 2026-01-05T09:30:00Z
        updated: 2026-01-07
        tags: [phishing, loader]
        featured: true
        image: https://images.example.org/loader.png
        source: osint
        summary: >
          A phishing wave sends fake invoices that link to a
          look-alike sign-in page.
        ---
        ## Infrastructure

        The lure links to hxxps://contoso-login[.]com/invoice/view and the loader beacons to 203.0.113[.]45.
        Victims who reply write to billing@contoso-login[.]com.

        ## Files

        | File | SHA-256 |
        | --- | --- |
        | invoice.js | e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 |

        The operators also exploit CVE-2024-3400 on exposed gateways.
        """;

    private static string DerivedId(string title, string date) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(title + "\n" + date)))[..8];

    private async Task<(int Status, JsonElement Body)> IngestAsync(string content, string query = "?name=article.md")
    {
        using var body = new StringContent(content, Encoding.UTF8, new MediaTypeHeaderValue("text/markdown"));
        using var response = await Importer.PostAsync("/ingest/markdown" + query, body);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private async Task<List<(string Type, string Id, string? Value)>> IndicatorsAsync(string articleId) =>
        (await Reader.GetJsonAsync($"{Graph.Root}/articles/{articleId}/indicators")).Values()
            .Select(i => i.GetProperty("artifact"))
            .Select(a => (a.GetProperty("@odata.type").GetString()!["#microsoft.graph.security.".Length..], a.GetProperty("id").GetString()!,
                a.TryGetProperty("value", out var v) ? v.GetString() : null))
            .OrderBy(i => i.Item1, StringComparer.Ordinal).ThenBy(i => i.Item2, StringComparer.Ordinal)
            .ToList();

    private async Task SeedVulnerabilityAsync()
    {
        await using var db = Server.CreateDb();
        db.Vulnerabilities.Add(new Vulnerability
        {
            Id = "CVE-2024-3400", Cvss3 = new CvssSummary { Score = 7.5 }, ExploitsAvailable = true, ActiveExploitsObserved = true, PriorityScore = 83,
            CreatedDateTime = new(2024, 4, 12, 0, 0, 0, TimeSpan.Zero), LastModifiedDateTime = new(2024, 4, 12, 0, 0, 0, TimeSpan.Zero), PublishedDateTime = new(2024, 4, 12, 0, 0, 0, TimeSpan.Zero),
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task An_imported_article_is_served_with_its_refanged_indicators()
    {
        await SeedVulnerabilityAsync();
        var (status, report) = await IngestAsync(Article);
        Assert.True(status == 200, report.ToString());
        var id = DerivedId(Title, "2026-01-05");

        var article = await Reader.GetJsonAsync($"{Graph.Root}/articles/{id}");
        Assert.Equal(Title, article.GetProperty("title").GetString());
        Assert.Equal("2026-01-05T09:30:00Z", article.GetProperty("createdDateTime").GetString());
        Assert.Equal("2026-01-07T00:00:00Z", article.GetProperty("lastUpdatedDateTime").GetString());
        Assert.Equal(["phishing", "loader"], article.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!).ToArray());
        Assert.True(article.GetProperty("isFeatured").GetBoolean());
        Assert.Equal("https://images.example.org/loader.png", article.GetProperty("imageUrl").GetString());
        Assert.Equal("A phishing wave sends fake invoices that link to a look-alike sign-in page.", article.GetProperty("summary").GetProperty("content").GetString());
        Assert.Equal("markdown", article.GetProperty("body").GetProperty("format").GetString());
        Assert.StartsWith("## Infrastructure", article.GetProperty("body").GetProperty("content").GetString(), StringComparison.Ordinal);

        var hash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        string[] unclassified = ["CVE-2024-3400", "billing@contoso-login.com", hash, "https://contoso-login.com/invoice/view"];
        List<(string, string, string?)> expected =
        [
            ("hostname", "contoso-login.com", null),
            ("ipAddress", "203.0.113.45", null),
            .. unclassified.Select(v => ("unclassifiedArtifact", GraphIds.Compose(v), (string?)v)),
        ];
        Assert.Equal(expected.OrderBy(e => e.Item1, StringComparer.Ordinal).ThenBy(e => e.Item2, StringComparer.Ordinal), await IndicatorsAsync(id));
        var indicator = (await Reader.GetJsonAsync($"{Graph.Root}/articles/{id}/indicators")).Values()
            .Single(i => i.GetProperty("artifact").GetProperty("id").GetString() == "contoso-login.com");
        Assert.Equal(GraphIds.Compose("contoso-login.com"), indicator.GetProperty("id").GetString());
        Assert.Equal("osint", indicator.GetProperty("source").GetString());

        var host = await Reader.GetJsonAsync($"{Graph.Root}/hosts/contoso-login.com");
        Assert.Equal("2026-01-05T09:30:00Z", host.GetProperty("firstSeenDateTime").GetString());
        Assert.Equal("2026-01-07T00:00:00Z", host.GetProperty("lastSeenDateTime").GetString());
        await Reader.GetJsonAsync($"{Graph.Root}/hosts/203.0.113.45");
        var found = (await Reader.GetJsonAsync($"{Graph.Root}/articles?$search=invoice loader")).Values();
        Assert.Equal(id, found.Single().GetProperty("id").GetString());

        var linked = (await Reader.GetJsonAsync($"{Graph.Root}/vulnerabilities/CVE-2024-3400/articles")).Values();
        Assert.Equal(id, linked.Single().GetProperty("id").GetString());
        var vulnerability = await Reader.GetJsonAsync($"{Graph.Root}/vulnerabilities/CVE-2024-3400");
        Assert.True(vulnerability.GetProperty("hasChatter").GetBoolean());
        Assert.Equal(88, vulnerability.GetProperty("priorityScore").GetInt32());
    }

    [Fact]
    public async Task Reimporting_an_edited_article_replaces_its_fields_indicators_and_links()
    {
        await SeedVulnerabilityAsync();
        var first = Article.Replace("---\ntitle:", "---\nid: loader-2026-01\ntitle:", StringComparison.Ordinal);
        Assert.Equal(200, (await IngestAsync(first)).Status);
        Assert.Single((await Reader.GetJsonAsync($"{Graph.Root}/vulnerabilities/CVE-2024-3400/articles")).Values());

        var edited = first
            .Replace("featured: true", "featured: false", StringComparison.Ordinal)
            .Replace("and the loader beacons to 203.0.113[.]45", "and the loader beacons to 198.51.100[.]77", StringComparison.Ordinal)
            .Replace("The operators also exploit CVE-2024-3400 on exposed gateways.", "The initial access vector is unknown.", StringComparison.Ordinal);
        var (status, report) = await IngestAsync(edited);
        Assert.True(status == 200, report.ToString());
        Assert.Equal(1, report.GetProperty("merged").GetInt32());

        var article = await Reader.GetJsonAsync($"{Graph.Root}/articles/loader-2026-01");
        Assert.False(article.GetProperty("isFeatured").GetBoolean());
        Assert.Contains("initial access vector is unknown", article.GetProperty("body").GetProperty("content").GetString(), StringComparison.Ordinal);
        var indicators = await IndicatorsAsync("loader-2026-01");
        Assert.Contains(("ipAddress", "198.51.100.77", null), indicators);
        Assert.DoesNotContain(indicators, i => i.Id == "203.0.113.45" || i.Value == "CVE-2024-3400");
        Assert.Equal(5, indicators.Count);
        Assert.Empty((await Reader.GetJsonAsync($"{Graph.Root}/vulnerabilities/CVE-2024-3400/articles")).Values());
        Assert.Single((await Reader.GetJsonAsync($"{Graph.Root}/articles")).Values());
    }

    [Fact]
    public async Task Importing_the_same_article_twice_changes_nothing()
    {
        Assert.Equal(200, (await IngestAsync(Article)).Status);
        var id = DerivedId(Title, "2026-01-05");
        var before = await Reader.GetStringAsync($"{Graph.Root}/articles/{id}?$expand=indicators");
        var (status, report) = await IngestAsync(Article);
        Assert.Equal(200, status);
        Assert.Equal(0, report.GetProperty("accepted").GetInt32());
        Assert.Equal(1, report.GetProperty("alreadyImported").GetInt32());
        Assert.Equal(before, await Reader.GetStringAsync($"{Graph.Root}/articles/{id}?$expand=indicators"));
    }

    [Fact]
    public async Task An_article_without_a_created_date_is_rejected_unless_seen_names_one()
    {
        const string undated = "# Beaconing to fabrikam-cdn[.]net\n\nThe implant polls fabrikam-cdn[.]net every 60 seconds.\n";
        var (status, body) = await IngestAsync(undated, "?name=undated.md");
        Assert.Equal(422, status);
        var detail = body.GetProperty("error").GetProperty("details").EnumerateArray().Single();
        Assert.Equal("undated.md:1", detail.GetProperty("target").GetString());
        Assert.Contains("no created date", detail.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("itemNotFound", await Reader.GetErrorAsync($"{Graph.Root}/hosts/fabrikam-cdn.net", 404));

        (status, body) = await IngestAsync(undated, "?name=undated.md&seen=2026-02-01T12:00:00Z");
        Assert.True(status == 200, body.ToString());
        var article = await Reader.GetJsonAsync($"{Graph.Root}/articles/{DerivedId("Beaconing to fabrikam-cdn[.]net", "2026-02-01")}");
        Assert.Equal("2026-02-01T12:00:00Z", article.GetProperty("createdDateTime").GetString());
        Assert.Equal("public", (await Reader.GetJsonAsync($"{Graph.Root}/articles/{article.GetProperty("id").GetString()}/indicators")).Values().Single().GetProperty("source").GetString());
    }

    [Fact]
    public async Task A_malformed_front_matter_stores_nothing_and_names_its_line()
    {
        const string broken = "---\ntitle: Broken\ncreated: 2026-01-05\n  nested: value\n---\nSee contoso-login[.]com.\n";
        var (status, body) = await IngestAsync(broken, "?name=broken.md");
        Assert.Equal(422, status);
        Assert.Equal("broken.md:4", body.GetProperty("error").GetProperty("details")[0].GetProperty("target").GetString());
        Assert.Empty((await Reader.GetJsonAsync($"{Graph.Root}/articles")).Values());
        Assert.Equal("itemNotFound", await Reader.GetErrorAsync($"{Graph.Root}/hosts/contoso-login.com", 404));
    }

    [Fact]
    public async Task Cli_imports_a_folder_of_articles()
    {
        var folder = Path.Combine(Server.DataDir, "articles");
        CofFiles.Write(folder, "loader.md", Article);
        CofFiles.Write(folder, "second.markdown", "---\nid: wiper-brief\ntitle: Wiper brief\ndate: 2026-03-01\n---\nThe wiper drops 5d41402abc4b2a76b9719d911017c592 and calls 192.0.2[.]10.\n");
        var (exit, stdout, stderr) = await SightlineCli.RunAsync(TimeSpan.FromSeconds(90), ["import", .. Server.StoreArgs, folder]);
        Assert.True(exit == 0, stdout + stderr);
        Assert.Equal(2, stdout.Split("(markdown): 1 accepted").Length - 1);
        var ids = (await Reader.GetJsonAsync($"{Graph.Root}/articles")).Values().Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Equal(["wiper-brief", DerivedId(Title, "2026-01-05")], ids);
        var indicators = await IndicatorsAsync("wiper-brief");
        Assert.Equal([("ipAddress", "192.0.2.10", null), ("unclassifiedArtifact", GraphIds.Compose("5d41402abc4b2a76b9719d911017c592"), "5d41402abc4b2a76b9719d911017c592")], indicators);
    }
}
