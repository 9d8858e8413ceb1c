using System.Text.Json;
using System.Text.Json.Nodes;
using Sightline.Data.Entities;

namespace Sightline.Data.Demo;

/// <summary>
/// The Unit 42 playbook bundles, prepared for the demo: each bundle's report and indicators are kept as they are;
/// its intrusion set (a bare name, no description) is replaced by <c>indicates</c> relationships from up to 12 of
/// its host indicators to the ATT&amp;CK profile of the same actor or tool, so the playbook's infrastructure
/// becomes that profile's indicators instead of a second, empty profile.
/// </summary>
internal static class DemoUnit42
{
    public const string Credit = "_Source: Palo Alto Networks Unit 42 ATOM playbooks (github.com/pan-unit42/playbook_viewer), MIT licence._";
    private const int MaxLinked = 12;
    private static readonly string[] _suffixes = [" malware", " ransomware"];

    /// <summary>The prepared bundles, and how many hosts each profile received.</summary>
    public static List<(string Name, byte[] Bundle)> Build(IReadOnlyList<DemoProfile> profiles, Dictionary<string, int> linkedHosts)
    {
        var bundles = new List<(string, byte[])>();
        foreach (var resource in DemoResources.Names("unit42", ".json"))
        {
            var bundle = JsonNode.Parse(DemoResources.Text(resource))!.AsObject();
            var objects = bundle["objects"]!.AsArray();
            var actors = objects.OfType<JsonObject>().Where(o => (string?)o["type"] == "intrusion-set").ToList();
            var report = objects.OfType<JsonObject>().FirstOrDefault(o => (string?)o["type"] == "report" && o["description"] is not null);
            var actorName = (string?)actors.FirstOrDefault()?["name"] ?? (string?)report?["name"];
            foreach (var actor in actors)
            {
                objects.Remove(actor);
            }
            var hosts = HostIndicators(objects);
            foreach (var profile in profiles.Where(p => actorName is not null && Matches(p.Names, actorName)))
            {
                foreach (var (indicatorId, _) in hosts)
                {
                    objects.Add(DemoIntel.Relationship(indicatorId, "indicates", profile.StixId));
                }
                linkedHosts[profile.StixId] = linkedHosts.GetValueOrDefault(profile.StixId) + hosts.Count;
            }
            bundles.Add(("unit42/" + resource[(resource.LastIndexOf('/') + 1)..], JsonSerializer.SerializeToUtf8Bytes(bundle)));
        }
        return bundles;
    }

    /// <summary>The first indicator of each of the first <see cref="MaxLinked"/> hosts (by name) the bundle names.</summary>
    private static List<(string IndicatorId, string Host)> HostIndicators(JsonArray objects) =>
        objects.OfType<JsonObject>()
            .Where(o => (string?)o["type"] == "indicator")
            .Select(o => (Id: (string)o["id"]!, Artifact: DemoStixPattern.Parse((string?)o["pattern"] ?? "")))
            .Where(x => x.Artifact is { Type: not ArtifactType.Unclassified })
            .GroupBy(x => x.Artifact!.Value, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Take(MaxLinked)
            .Select(g => (g.First().Id, g.Key))
            .ToList();

    /// <summary>"Emotet Malware" and "Trickbot Nworm Module Update" match Emotet and TrickBot; "Fighting Ursa" matches APT28's alias.</summary>
    private static bool Matches(HashSet<string> names, string actorName)
    {
        var name = actorName.ToLowerInvariant();
        foreach (var suffix in _suffixes.Where(s => name.EndsWith(s, StringComparison.Ordinal)))
        {
            name = name[..^suffix.Length];
        }
        return names.Contains(name) || names.Any(n => n.Length >= 5 && name.StartsWith(n + " ", StringComparison.Ordinal));
    }
}
