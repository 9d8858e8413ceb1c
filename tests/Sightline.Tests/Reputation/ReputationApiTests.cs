using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Sightline.Data;
using Sightline.Data.Entities;
using Sightline.Tests.Support;

namespace Sightline.Tests.Reputation;

/// <summary>Through HTTP: recompute after ingest, absolute evidence links that resolve on this server, and analyst overrides.</summary>
public sealed class ReputationApiTests : ReputationTestBase
{
    private HttpClient _reader = null!;
    private HttpClient _importer = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _reader = Server.Client();
        _importer = Server.Client(Server.Token(roles: ["Sightline.Ingest"]));
    }

    private async Task<JsonElement> ReputationAsync(string host) => await _reader.GetJsonAsync($"{Graph.Root}/hosts/{host}/reputation");

    private static JsonElement Rule(JsonElement reputation, string name) =>
        Assert.Single(reputation.GetProperty("rules").EnumerateArray(), r => r.GetProperty("name").GetString() == name);

    private async Task<JsonElement> IngestAsync(string format, string name, string content)
    {
        using var body = new StringContent(content, Encoding.UTF8, new MediaTypeHeaderValue("application/octet-stream"));
        using var response = await _importer.PostAsync($"/ingest/{format}?name={name}", body);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return json;
    }

    [Fact]
    public async Task An_import_over_http_recomputes_reputations_before_it_answers()
    {
        var report = await IngestAsync("markdown", "wave.md", "---\ntitle: Lure wave\nid: lure-wave\ncreated: 2026-03-01\n---\nThe kit lives on lure-contoso[.]com.\n");
        Assert.True(report.GetProperty("reputation").GetProperty("hostsScored").GetInt32() >= 1);
        var lure = await ReputationAsync("lure-contoso.com");
        Assert.Equal("malicious", lure.GetProperty("classification").GetString());
        Assert.Equal("http://localhost/v1.0/security/threatIntelligence/articles/lure-wave", Rule(lure, "Article indicator").GetProperty("relatedDetailsUrl").GetString());

        await IngestAsync("cof", "pdns.cof", """{"rrname":"mail.fabrikam.example","rrtype":"A","rdata":"198.51.100.77","time_first":1767225600,"time_last":1767312000,"count":2}""" + "\n");
        Assert.Equal("unknown", (await ReputationAsync("198.51.100.77")).GetProperty("classification").GetString());
        await IngestAsync("ipsum", "ipsum.txt", "# IPsum Threat Intelligence Feed\n# Last update: Sat, 22 Aug 2026 03:00:29 +0200\n198.51.100.77\t4\n");
        var ip = await ReputationAsync("198.51.100.77");
        Assert.Equal(("suspicious", 60), (ip.GetProperty("classification").GetString(), ip.GetProperty("score").GetInt32()));
        Assert.Contains("on 4 blocklists", Rule(ip, "IPsum blocklists").GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_evidence_link_is_absolute_on_the_request_base_and_resolves()
    {
        var profileId = new string('d', 64);
        await SeedAsync(db =>
        {
            db.IntelProfiles.Add(Profile(profileId, "Woodgrove Typhoon"));
            AddIndicators(db, profileId, [.. Enumerable.Range(1, 3).Select(i => Name($"bad{i}.example", registrar: "Shady Registrar")), .. Enumerable.Range(1, 3).Select(i => Ip($"203.0.113.{i}", "203.0.113.0/24"))]);
            db.Hosts.AddRange(Name("target.example", T0, "Shady Registrar"), Ip("203.0.113.99", "203.0.113.0/24"));
            foreach (var host in new[] { "bad1.example", "bad2.example", "bad3.example", "target.example" })
            {
                db.WhoisRecords.Add(new WhoisRecord { HostId = host, Id = GraphIds.Compose(host, "1"), IsCurrent = true, RegistrationDateTime = T0.AddDays(-2), Nameservers = [new WhoisNameserver { HostId = "ns1.shady.example" }] });
                db.HostTrackers.Add(new HostTracker { HostId = host, Id = GraphIds.Compose("UA-1", "GoogleAnalyticsID", host), Kind = "GoogleAnalyticsID", Value = "UA-1" });
            }
            db.PassiveDnsRecords.Add(new PassiveDnsRecord
            {
                ParentHostId = "target.example", Id = GraphIds.Compose("target.example", "203.0.113.1", "A"), ArtifactId = "203.0.113.1", RecordType = "A",
                ArtifactKind = HostKind.IpAddress, FirstSeenDateTime = T0, LastSeenDateTime = T0, CollectedDateTime = T0,
            });
        });
        await RecomputeAsync();

        var links = new List<string>();
        foreach (var host in new[] { "target.example", "203.0.113.99", "bad1.example" })
        {
            links.AddRange((await ReputationAsync(host)).GetProperty("rules").EnumerateArray()
                .Select(r => r.GetProperty("relatedDetailsUrl").GetString()).OfType<string>());
        }
        Assert.True(links.Count >= 8, string.Join("\n", links));
        foreach (var link in links)
        {
            Assert.StartsWith("http://localhost/v1.0/security/threatIntelligence/", link, StringComparison.Ordinal);
            using var response = await _reader.GetAsync(link);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        // Stored relative, as the demo and other writers store them.
        Assert.All((await StoredAsync("target.example")).Rules.Where(r => r.RelatedDetailsUrl is not null), r => Assert.StartsWith("/v1.0/", r.RelatedDetailsUrl, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_override_over_http_wins_is_shown_first_and_can_be_cleared()
    {
        await SeedAsync(db => db.Hosts.Add(Name("partner.example")));
        var body = new StringContent("""{"classification":"malicious","reason":"Phishing kit confirmed by IR case 4711"}""", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.Forbidden, (await _reader.PutAsync("/reputation/overrides/Partner.Example", body)).StatusCode);
        using (var bad = await _importer.PutAsync("/reputation/overrides/partner.example", new StringContent("""{"classification":"evil","reason":"x"}""", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        using (var put = await _importer.PutAsync("/reputation/overrides/Partner.Example", body))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }
        var forced = await ReputationAsync("partner.example");
        Assert.Equal(("malicious", 75), (forced.GetProperty("classification").GetString(), forced.GetProperty("score").GetInt32()));
        var rule = forced.GetProperty("rules")[0];
        Assert.Equal("Analyst override", rule.GetProperty("name").GetString());
        Assert.Matches(@"^Classified malicious by sightline-local-app on \d{4}-\d\d-\d\d: Phishing kit confirmed by IR case 4711$", rule.GetProperty("description").GetString());
        Assert.Equal("high", rule.GetProperty("severity").GetString());
        var link = rule.GetProperty("relatedDetailsUrl").GetString()!;
        Assert.Equal("http://localhost/reputation/overrides/partner.example", link);
        Assert.Equal("Phishing kit confirmed by IR case 4711", (await _importer.GetJsonAsync(link)).GetProperty("reason").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await _importer.DeleteAsync("/reputation/overrides/partner.example")).StatusCode);
        Assert.Equal("unknown", (await ReputationAsync("partner.example")).GetProperty("classification").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _importer.DeleteAsync("/reputation/overrides/partner.example")).StatusCode);
    }

    [Fact]
    public async Task An_override_from_the_cli_wins_until_it_is_cleared()
    {
        await SeedAsync(db =>
        {
            db.Hosts.Add(Name("shared-host.example"));
            db.Articles.Add(Article("a9", "Shared hosting abused"));
            db.ArticleIndicators.Add(ArticleIndicator("a9", "shared-host.example"));
        });
        var timeout = TimeSpan.FromMinutes(2);
        var (code, stdout, stderr) = await SightlineCli.RunAsync(timeout,
            ["reputation", "override", "shared-host.example", "--class", "neutral", "--reason", "Customer's own site, cleaned up", "--author", "analyst1", .. Server.StoreArgs]);
        Assert.True(code == 0, stderr);
        Assert.Contains("shared-host.example: overridden as neutral", stdout, StringComparison.Ordinal);
        Assert.Contains("hosts scored", stdout, StringComparison.Ordinal);

        var forced = await ReputationAsync("shared-host.example");
        Assert.Equal(("neutral", 29), (forced.GetProperty("classification").GetString(), forced.GetProperty("score").GetInt32()));
        Assert.StartsWith("Classified neutral by analyst1 on ", forced.GetProperty("rules")[0].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Article indicator", forced.GetProperty("rules")[1].GetProperty("name").GetString());

        Assert.Equal(0, (await SightlineCli.RunAsync(timeout, ["reputation", "clear", "shared-host.example", .. Server.StoreArgs])).ExitCode);
        Assert.Equal("malicious", (await ReputationAsync("shared-host.example")).GetProperty("classification").GetString());
        Assert.Equal(1, (await SightlineCli.RunAsync(timeout, ["reputation", "clear", "shared-host.example", .. Server.StoreArgs])).ExitCode);
        Assert.Equal(2, (await SightlineCli.RunAsync(timeout, ["reputation", "override", "x.example", "--class", "evil", "--reason", "r", .. Server.StoreArgs])).ExitCode);
    }
    [Fact]
    public async Task A_bulk_import_without_recompute_changes_no_verdict_until_the_recompute()
    {
        var timeout = TimeSpan.FromMinutes(2);
        var folder = Directory.CreateTempSubdirectory("sightline-bulk-").FullName;
        try
        {
            var feed = Path.Combine(folder, "ipsum.txt");
            await File.WriteAllTextAsync(feed, "# IPsum Threat Intelligence Feed\n# Last update: Sat, 22 Aug 2026 03:00:29 +0200\n198.51.100.91\t4\n");
            var cof = Path.Combine(folder, "pdns.cof");
            await File.WriteAllTextAsync(cof, """{"rrname":"bulk.fabrikam.example","rrtype":"A","rdata":"198.51.100.91","time_first":1767225600,"time_last":1767312000,"count":2}""" + "\n");

            var (code, stdout, stderr) = await SightlineCli.RunAsync(timeout, ["import", "--no-reputation", "--format", "cof", cof, .. Server.StoreArgs]);
            Assert.True(code == 0, stderr);
            (code, stdout, stderr) = await SightlineCli.RunAsync(timeout, ["import", "--no-reputation", "--format", "ipsum", feed, .. Server.StoreArgs]);
            Assert.True(code == 0, stderr);
            Assert.DoesNotContain("hosts scored", stdout, StringComparison.Ordinal);
            // Stored, but not scored: the blocklist has not reached the verdict yet.
            Assert.Equal("unknown", (await ReputationAsync("198.51.100.91")).GetProperty("classification").GetString());

            (code, stdout, stderr) = await SightlineCli.RunAsync(timeout, ["reputation", "recompute", .. Server.StoreArgs]);
            Assert.True(code == 0, stderr);
            Assert.Contains("hosts scored", stdout, StringComparison.Ordinal);
            Assert.Equal("suspicious", (await ReputationAsync("198.51.100.91")).GetProperty("classification").GetString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
