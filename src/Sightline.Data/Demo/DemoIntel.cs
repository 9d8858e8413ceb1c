using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sightline.Data.Demo;

/// <summary>A profile the demo's bundles define: its STIX id and every name it goes by.</summary>
internal sealed record DemoProfile(string StixId, string Name, HashSet<string> Names);

/// <summary>
/// The intel profiles' bundle: the ATT&amp;CK subset (unchanged objects) enriched from the MISP threat-actor galaxy
/// the standard STIX way: the galaxy's synonyms join the intrusion set's aliases, its country of origin becomes a
/// <c>location</c> the actor <c>originates-from</c>, and its target categories become <c>identity</c> sectors the
/// actor <c>targets</c>. The STIX importer turns these into the profiles' aliases, countries and targets.
/// </summary>
internal static class DemoIntel
{
    private const string Stamp = "2026-10-01T00:00:00.000Z";

    public static (byte[] Bundle, List<DemoProfile> Profiles) Build()
    {
        var bundle = JsonNode.Parse(DemoResources.Text("attack/enterprise-attack-subset.json"))!.AsObject();
        using var misp = DemoResources.Json("misp-galaxy/threat-actor.json");
        var galaxy = misp.RootElement.Arr("values").ToList();
        var objects = bundle["objects"]!.AsArray();
        var added = new List<JsonObject>();
        var profiles = new List<DemoProfile>();
        foreach (var stix in objects.OfType<JsonObject>().ToList())
        {
            var type = (string?)stix["type"];
            if (type is not ("intrusion-set" or "malware" or "tool") || stix["description"] is null)
            {
                continue;
            }
            var id = (string)stix["id"]!;
            var name = (string)stix["name"]!;
            var aliasKey = type == "intrusion-set" ? "aliases" : "x_mitre_aliases";
            if (type == "intrusion-set" && DemoMisp.Find(galaxy, JsonSerializer.Deserialize<JsonElement>(stix.ToJsonString())) is { } actor)
            {
                Enrich(stix, aliasKey, actor, added);
            }
            var names = (stix[aliasKey]?.AsArray() ?? []).Select(a => ((string)a!).ToLowerInvariant()).Append(name.ToLowerInvariant());
            profiles.Add(new DemoProfile(id, name, names.ToHashSet(StringComparer.Ordinal)));
        }
        foreach (var o in added.DistinctBy(o => (string)o["id"]!))
        {
            objects.Add(o);
        }
        return (JsonSerializer.SerializeToUtf8Bytes(bundle), profiles);
    }

    private static void Enrich(JsonObject stix, string aliasKey, JsonElement actor, List<JsonObject> added)
    {
        var id = (string)stix["id"]!;
        var aliases = stix[aliasKey]?.AsArray() ?? [];
        var known = aliases.Select(a => ((string)a!).ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        foreach (var synonym in actor.Obj("meta")?.Strings("synonyms") ?? [])
        {
            if (known.Add(synonym.ToLowerInvariant()))
            {
                aliases.Add(synonym);
            }
        }
        stix[aliasKey] = aliases.DeepClone();
        foreach (var (code, label) in DemoMisp.Countries(actor))
        {
            var location = StixId("location", "country:" + code);
            added.Add(new JsonObject
            {
                ["type"] = "location", ["spec_version"] = "2.1", ["id"] = location, ["created"] = Stamp, ["modified"] = Stamp,
                ["name"] = label, ["country"] = code,
            });
            added.Add(Relationship(id, "originates-from", location));
        }
        foreach (var target in DemoMisp.Targets(actor))
        {
            var identity = StixId("identity", "sector:" + target);
            added.Add(new JsonObject
            {
                ["type"] = "identity", ["spec_version"] = "2.1", ["id"] = identity, ["created"] = Stamp, ["modified"] = Stamp,
                ["name"] = target, ["identity_class"] = "class", ["sectors"] = new JsonArray(target),
            });
            added.Add(Relationship(id, "targets", identity));
        }
    }

    public static JsonObject Relationship(string source, string type, string target) => new()
    {
        ["type"] = "relationship", ["spec_version"] = "2.1", ["id"] = StixId("relationship", source + type + target),
        ["created"] = Stamp, ["modified"] = Stamp, ["relationship_type"] = type, ["source_ref"] = source, ["target_ref"] = target,
    };

    /// <summary>A deterministic STIX id: the type and a UUID made from the hash of the key.</summary>
    public static string StixId(string type, string key) => type + "--" + new Guid(DemoHash.Bytes(type + ":" + key).AsSpan(0, 16)).ToString();
}
