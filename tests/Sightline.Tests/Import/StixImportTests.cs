using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sightline.Data;
using Sightline.Data.Ingestion;
using Sightline.Tests.Support;
using static Sightline.Tests.Import.StixFiles;

namespace Sightline.Tests.Import;

/// <summary>STIX bundles (a real Unit 42 playbook) in through the HTTP ingest endpoint, and back out through the Graph API.</summary>
public sealed class StixImportTests : IngestTestBase
{
    private const string Ip = "109.248.148.42";
    private const string Sha256 = "6ad3eb8b5622145a70bec67b3d14868a1c13864864afd651fe70689c95b1399a";

    private static readonly string _article = ArticleId(UrsaReportId);
    private static readonly string _actor = ProfileId(UrsaActorId);

    private async Task<(int Status, JsonElement Body)> IngestAsync(string content, string path = "/ingest/stix?name=fighting-ursa.json")
    {
        using var body = new StringContent(content, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var response = await Importer.PostAsync(path, body);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private static string Original => File.ReadAllText(FightingUrsa);

    [Fact]
    public async Task A_unit42_bundle_becomes_an_article_with_its_indicators_and_an_actor_with_its_own()
    {
        var (status, report) = await IngestAsync(Original, "/ingest?name=fighting-ursa.json"); // recognised without naming the format
        Assert.Equal(200, status);
        Assert.Equal(629, report.GetProperty("accepted").GetInt32());
        Assert.Equal(57, report.GetProperty("ignored").GetInt32()); // 53 courses of action and 4 campaign sub-reports without text

        var article = (await Reader.GetJsonAsync($"{Graph.Root}/articles")).Values().Single();
        Assert.Equal(_article, article.GetProperty("id").GetString());
        Assert.Equal("Fighting Ursa", article.GetProperty("title").GetString());
        Assert.Equal("2020-07-30T16:55:21.569Z", article.GetProperty("createdDateTime").GetString());
        Assert.Equal("2024-06-25T14:03:00.8Z", article.GetProperty("lastUpdatedDateTime").GetString());
        Assert.Equal(["intrusion-set"], article.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!));
        Assert.StartsWith("Fighting Ursa, also known as Fancy Bear", article.GetProperty("summary").GetProperty("content").GetString());
        Assert.Contains($"| sha256 | `{Sha256}` |", article.GetProperty("body").GetProperty("content").GetString());

        // The report lists no indicators itself, so it carries every indicator of the bundle.
        var indicators = (await Reader.GetJsonAsync($"{Graph.Root}/articles/{_article}/indicators?$top=200")).Values();
        Assert.Equal(51, indicators.Count);
        var artifacts = indicators.ToDictionary(i => i.GetProperty("id").GetString()!, i => i.GetProperty("artifact"));
        Assert.Equal("#microsoft.graph.security.hostname", artifacts[Base64("cdnverify.net")].GetProperty("@odata.type").GetString());
        Assert.Equal("#microsoft.graph.security.ipAddress", artifacts[Base64(Ip)].GetProperty("@odata.type").GetString());
        Assert.Equal(Ip, artifacts[Base64(Ip)].GetProperty("id").GetString());
        var hash = artifacts[Base64(Sha256)];
        Assert.Equal("#microsoft.graph.security.unclassifiedArtifact", hash.GetProperty("@odata.type").GetString());
        Assert.Equal("sha256", hash.GetProperty("kind").GetString());
        Assert.Equal(Sha256, hash.GetProperty("value").GetString());
        Assert.Equal("heatlth500@ambcomission.com", artifacts[Base64("heatlth500@ambcomission.com")].GetProperty("value").GetString());
        var host = await Reader.GetJsonAsync($"{Graph.Root}/hosts/cdnverify.net");
        Assert.Equal("2018-02-08T22:07:09.428Z", host.GetProperty("firstSeenDateTime").GetString());

        var actor = await Reader.GetJsonAsync($"{Graph.Root}/intelProfiles/{_actor}");
        Assert.Equal("actor", actor.GetProperty("kind").GetString());
        Assert.Equal("Fighting Ursa", actor.GetProperty("title").GetString());
        Assert.Empty(actor.GetProperty("aliases").EnumerateArray()); // this playbook's intrusion set names no aliases
        Assert.Equal(["defence", "government-national", "government-regional", "healthcare"], actor.GetProperty("targets").EnumerateArray().Select(t => t.GetString()!));
        Assert.Contains("- T1113: Screen Capture", actor.GetProperty("tradecraft").GetProperty("content").GetString());
        var tools = (await Reader.GetJsonAsync($"{Graph.Root}/intelProfiles?$filter=kind eq 'tool'&$orderby=title")).Values();
        Assert.Equal(["Cannon", "Zebrocy"], tools.Select(t => t.GetProperty("title").GetString()!));

        // The report is attributed to the intrusion set: its indicators are the actor's, seen from valid_from.
        var own = (await Reader.GetJsonAsync($"{Graph.Root}/intelProfiles/{_actor}/indicators?$top=200")).Values();
        Assert.Equal(51, own.Count);
        var ip = own.Single(i => i.GetProperty("artifact").GetProperty("id").GetString() == Ip);
        Assert.Equal(GraphIds.Guid($"profile-indicator:{_actor}:{Ip}"), ip.GetProperty("id").GetString());
        Assert.Equal("public", ip.GetProperty("source").GetString());
        Assert.Equal("2018-11-15T13:38:54.391Z", ip.GetProperty("firstSeenDateTime").GetString());
        Assert.Equal("2019-07-11T14:21:27.31Z", ip.GetProperty("lastSeenDateTime").GetString());
        // Indicators that "indicate" a malware are that tool's.
        Assert.Equal(5, (await Reader.GetJsonAsync($"{Graph.Root}/intelProfiles/{ProfileId(ZebrocyId)}/indicators")).Values().Count);
    }

    [Fact]
    public async Task Importing_the_same_bundle_twice_changes_nothing()
    {
        Assert.Equal(200, (await IngestAsync(Original)).Status);
        var before = await Reader.GetStringAsync($"{Graph.Root}/intelProfiles?$expand=indicators");
        var (status, report) = await IngestAsync(Original);
        Assert.Equal(200, status);
        Assert.Equal(0, report.GetProperty("accepted").GetInt32());
        Assert.Equal(686, report.GetProperty("alreadyImported").GetInt32());
        Assert.Equal(before, await Reader.GetStringAsync($"{Graph.Root}/intelProfiles?$expand=indicators"));
    }

    [Fact]
    public async Task A_newer_version_of_the_objects_updates_them_and_an_older_one_does_not()
    {
        Assert.Equal(200, (await IngestAsync(Original)).Status);
        var newer = Edited(FightingUrsa, objects =>
        {
            var report = Object(objects, UrsaReportId);
            report["name"] = "Fighting Ursa (revised)";
            report["modified"] = "2025-03-01T00:00:00.000Z";
            var actor = Object(objects, UrsaActorId);
            actor["aliases"] = new JsonArray("Fancy Bear", "Sofacy");
            actor["modified"] = "2025-03-01T00:00:00.000Z";
            objects.Remove(objects.Single(o => (string?)o!["name"] == "145.249.105.165"));
        });
        var (status, report) = await IngestAsync(newer);
        Assert.Equal(200, status);
        // Three profiles and the article rewritten, and the 49 indicators left merged into their profile indicators.
        Assert.Equal(3 + 1 + 49, report.GetProperty("merged").GetInt32());
        var article = await Reader.GetJsonAsync($"{Graph.Root}/articles/{_article}");
        Assert.Equal("Fighting Ursa (revised)", article.GetProperty("title").GetString());
        Assert.Equal("2025-03-01T00:00:00Z", article.GetProperty("lastUpdatedDateTime").GetString());
        var indicators = (await Reader.GetJsonAsync($"{Graph.Root}/articles/{_article}/indicators?$top=200")).Values();
        Assert.Equal(50, indicators.Count);
        Assert.DoesNotContain(indicators, i => i.GetProperty("artifact").GetProperty("id").GetString() == "145.249.105.165");
        var actor = await Reader.GetJsonAsync($"{Graph.Root}/intelProfiles/{_actor}");
        Assert.Equal(["Fancy Bear", "Sofacy"], actor.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!));

        // The original report (modified 2024) in an otherwise changed bundle does not undo the revision.
        var older = Edited(FightingUrsa, objects => objects.Remove(objects.First(o => (string?)o!["type"] == "course-of-action")));
        (status, report) = await IngestAsync(older);
        Assert.Equal(200, status);
        Assert.Equal(4 + 52 + 1, report.GetProperty("ignored").GetInt32()); // the sub-reports, courses of action, and the older report
        Assert.Equal("Fighting Ursa (revised)", (await Reader.GetJsonAsync($"{Graph.Root}/articles/{_article}")).GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_indicator_seen_again_widens_the_profile_indicator_instead_of_adding_one()
    {
        Assert.Equal(200, (await IngestAsync(Original)).Status);
        // Another producer's bundle: the same address, seen earlier and later, indicating the actor stored before.
        var sighting = $$"""
            {"type":"bundle","id":"bundle--1b2c3d4e-0000-4000-8000-000000000001","objects":[
              {"type":"indicator","spec_version":"2.1","id":"indicator--1b2c3d4e-0000-4000-8000-000000000002","created":"2017-06-01T00:00:00Z",
               "modified":"2026-01-15T00:00:00Z","pattern":"[ipv4-addr:value = '{{Ip}}']","pattern_type":"stix","valid_from":"2017-06-01T00:00:00Z"},
              {"type":"relationship","spec_version":"2.1","id":"relationship--1b2c3d4e-0000-4000-8000-000000000003","created":"2026-01-15T00:00:00Z",
               "modified":"2026-01-15T00:00:00Z","relationship_type":"indicates","source_ref":"indicator--1b2c3d4e-0000-4000-8000-000000000002",
               "target_ref":"{{UrsaActorId}}"}]}
            """;
        var (status, report) = await IngestAsync(sighting, "/ingest/stix?name=sighting.json");
        Assert.Equal(200, status);
        Assert.Equal(1, report.GetProperty("merged").GetInt32());
        var own = (await Reader.GetJsonAsync($"{Graph.Root}/intelProfiles/{_actor}/indicators?$top=200")).Values();
        Assert.Equal(51, own.Count);
        var ip = own.Single(i => i.GetProperty("artifact").GetProperty("id").GetString() == Ip);
        Assert.Equal("2017-06-01T00:00:00Z", ip.GetProperty("firstSeenDateTime").GetString());
        Assert.Equal("2026-01-15T00:00:00Z", ip.GetProperty("lastSeenDateTime").GetString());
        Assert.Equal("2017-06-01T00:00:00Z", (await Reader.GetJsonAsync($"{Graph.Root}/hosts/{Ip}")).GetProperty("firstSeenDateTime").GetString());
    }

    [Fact]
    public async Task A_malformed_object_rejects_the_whole_bundle_and_names_its_position()
    {
        string? badId = null;
        var corrupt = Edited(FightingUrsa, objects =>
        {
            objects[9]!["created"] = 42;
            badId = (string?)objects[9]!["id"];
        });
        // Even with small batches asked for, the bundle is one batch: the objects before the bad one are not stored either.
        var (status, body) = await IngestAsync(corrupt, "/ingest/stix?name=corrupt.json&batchSize=5");
        Assert.Equal(422, status);
        var error = body.GetProperty("error");
        var detail = error.GetProperty("details").EnumerateArray().Single();
        Assert.Equal("corrupt.json:10", detail.GetProperty("target").GetString());
        Assert.Equal($"object 10 ({badId}): 'created' must be a string, not a number", detail.GetProperty("message").GetString());
        Assert.Equal(685, error.GetProperty("report").GetProperty("notStored").GetInt32());
        Assert.Empty((await Reader.GetJsonAsync($"{Graph.Root}/articles")).Values());
        Assert.Empty((await Reader.GetJsonAsync($"{Graph.Root}/intelProfiles")).Values());
        Assert.Equal("itemNotFound", await Reader.GetErrorAsync($"{Graph.Root}/hosts/cdnverify.net", 404));
    }

    [Fact]
    public void Bundles_are_recognised_without_taking_other_json_formats()
    {
        Assert.Equal("stix", Importers.Detect("fighting-ursa.json", Head(FightingUrsa)));
        Assert.Equal("stix", Importers.Detect("enterprise-attack-core.json", Head(Attack)));
        Assert.NotEqual("stix", Importers.Detect("kev.json", Head(Metadata.SharedReference.Locate("data/kev/known_exploited_vulnerabilities.json"))));
        Assert.NotEqual("stix", Importers.Detect("CVE-2011-0611.json", Head(Metadata.SharedReference.Locate("data/cve/CVE-2011-0611.json"))));
        Assert.NotEqual("stix", Importers.Detect("threat-actor.json", Head(Metadata.SharedReference.Locate("data/misp-galaxy/threat-actor.json"))));
    }

    private static byte[] Head(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return bytes[..Math.Min(4096, bytes.Length)];
    }
}
