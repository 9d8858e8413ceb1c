using System.Text.Json.Nodes;
using Sightline.Tests.Support;
using static Sightline.Tests.Import.CveFiles;
using static Sightline.Tests.Import.StixFiles;

namespace Sightline.Tests.Import;

/// <summary>
/// What a STIX bundle says about an actor beyond its own object (where it comes from, whom it targets), which
/// vulnerabilities a report discusses, and the <c>profiles=described</c> setting.
/// </summary>
public sealed class StixEnrichmentImportTests : IngestTestBase
{
    private const string Actor = "intrusion-set--11111111-2222-4333-8444-555555555555";
    private const string Stub = "malware--11111111-2222-4333-8444-666666666666";
    private const string Stamp = "2026-01-01T00:00:00.000Z";

    private static JsonObject Obj(string type, string id, params (string Key, JsonNode? Value)[] fields)
    {
        var o = new JsonObject { ["type"] = type, ["spec_version"] = "2.1", ["id"] = id, ["created"] = Stamp, ["modified"] = Stamp };
        foreach (var (key, value) in fields)
        {
            o[key] = value;
        }
        return o;
    }

    private static JsonObject Relationship(string n, string source, string type, string target) =>
        Obj("relationship", $"relationship--00000000-0000-4000-8000-00000000000{n}",
            ("relationship_type", type), ("source_ref", source), ("target_ref", target));

    private static string Bundle(params JsonObject[] objects) =>
        new JsonObject { ["type"] = "bundle", ["id"] = "bundle--00000000-0000-4000-8000-000000000000", ["objects"] = new JsonArray(objects) }.ToJsonString();

    private string ActorBundle() => Bundle(
        Obj("intrusion-set", Actor, ("name", "Demo Bear"), ("description", "A test actor.")),
        Obj("malware", Stub, ("name", "STUBLOADER")),
        Obj("location", "location--00000000-0000-4000-8000-000000000001", ("name", "Russia"), ("country", "ru")),
        Obj("location", "location--00000000-0000-4000-8000-000000000002", ("region", "europe")),
        Obj("identity", "identity--00000000-0000-4000-8000-000000000003", ("name", "Energy"), ("identity_class", "class"), ("sectors", new JsonArray("energy"))),
        Relationship("1", Actor, "originates-from", "location--00000000-0000-4000-8000-000000000001"),
        Relationship("2", Actor, "originates-from", "location--00000000-0000-4000-8000-000000000002"),
        Relationship("3", Actor, "targets", "identity--00000000-0000-4000-8000-000000000003"),
        Relationship("4", Actor, "uses", Stub));

    [Fact]
    public async Task An_actor_takes_its_country_from_the_locations_it_originates_from_and_its_targets_from_identities()
    {
        var (status, body) = await IngestAsync(Importer, "stix", "actor.json", ActorBundle());
        Assert.True(status == 200, body.ToString());
        var actor = await Reader.GetJsonAsync($"{Graph.Root}/intelProfiles/{ProfileId(Actor)}");
        Assert.Equal(["RU"], actor.GetProperty("countriesOrRegionsOfOrigin").EnumerateArray().Select(c => c.GetProperty("code").GetString()));
        Assert.Equal(["Russia"], actor.GetProperty("countriesOrRegionsOfOrigin").EnumerateArray().Select(c => c.GetProperty("label").GetString()));
        Assert.Equal(["energy"], actor.GetProperty("targets").EnumerateArray().Select(t => t.GetString()));
        // Without the setting, the bare malware becomes a profile too.
        Assert.Equal("STUBLOADER", (await Reader.GetJsonAsync($"{Graph.Root}/intelProfiles/{ProfileId(Stub)}")).GetProperty("title").GetString());
    }

    [Fact]
    public async Task With_profiles_described_a_bare_name_only_names_a_relationship_target()
    {
        using var content = new StringContent(ActorBundle(), System.Text.Encoding.UTF8, "application/json");
        using var response = await Importer.PostAsync("/ingest/stix?name=actor.json&profiles=described", content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal("itemNotFound", await Reader.GetErrorAsync($"{Graph.Root}/intelProfiles/{ProfileId(Stub)}", 404));
        var actor = await Reader.GetJsonAsync($"{Graph.Root}/intelProfiles/{ProfileId(Actor)}");
        Assert.Contains("- **STUBLOADER** (malware)", actor.GetProperty("tradecraft").GetProperty("content").GetString());
    }

    [Fact]
    public async Task A_report_naming_a_stored_cve_is_linked_to_it_and_adds_chatter_to_its_priority()
    {
        const string cve = "CVE-2011-0611";
        Assert.Equal(200, (await IngestAsync(Importer, "cve", cve + ".json", File.ReadAllText(RecordPath(cve)))).Status);
        var before = (await Reader.VulnerabilityAsync(cve)).GetProperty("priorityScore").GetInt32();
        var report = Obj("report", "report--00000000-0000-4000-8000-000000000009", ("name", "Flash exploitation wave"),
            ("description", $"Operators exploited {cve.ToLowerInvariant()} and CVE-2099-0001 (not stored)."), ("published", Stamp),
            ("object_refs", new JsonArray(Actor)));
        var (status, body) = await IngestAsync(Importer, "stix", "report.json", Bundle(report, Obj("intrusion-set", Actor, ("name", "Demo Bear"), ("description", "x"))));
        Assert.True(status == 200, body.ToString());

        var articles = (await Reader.GetJsonAsync($"{Graph.Root}/vulnerabilities/{cve}/articles")).Values();
        Assert.Equal([ArticleId("report--00000000-0000-4000-8000-000000000009")], articles.Select(a => a.GetProperty("id").GetString()));
        var after = await Reader.VulnerabilityAsync(cve);
        Assert.True(after.GetProperty("hasChatter").GetBoolean());
        Assert.Equal(Math.Min(100, before + 5), after.GetProperty("priorityScore").GetInt32());
        Assert.Equal("itemNotFound", await Reader.GetErrorAsync($"{Graph.Root}/vulnerabilities/CVE-2099-0001", 404));
    }
}
