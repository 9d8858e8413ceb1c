using System.Text;
using System.Text.Json;
using Sightline.Data.Entities;

namespace Sightline.Data.Demo;

/// <summary>
/// Intel profiles: MITRE ATT&amp;CK intrusion sets (actors) and software (tools), enriched with the MISP threat-actor
/// galaxy (country of origin, targets, synonyms). The profile id is the SHA-256 of the STIX id.
/// </summary>
internal static class DemoIntel
{
    public static void Add(DemoBuilder b)
    {
        using var attack = DemoResources.Json("attack/enterprise-attack-subset.json");
        using var misp = DemoResources.Json("misp-galaxy/threat-actor.json");
        var objects = attack.RootElement.Arr("objects").ToList();
        var names = objects.Where(o => o.Str("name") is not null)
            .ToDictionary(o => o.Str("id")!, o => (Name: o.Str("name")!, Type: o.Str("type")!), StringComparer.Ordinal);
        var uses = objects.Where(o => o.Str("type") == "relationship" && o.Str("relationship_type") == "uses").ToList();
        var galaxy = misp.RootElement.Arr("values").ToList();
        foreach (var stix in objects.Where(IsProfile))
        {
            var actor = stix.Str("type") == "intrusion-set" ? DemoMisp.Find(galaxy, stix) : null;
            b.Profiles.Add(Profile(stix, actor, names, uses));
        }

        DemoProfileIndicators.Add(b);
    }

    public static string ProfileId(string stixId) => DemoHash.Hex(stixId);

    private static bool IsProfile(JsonElement o) =>
        o.Str("type") is "intrusion-set" or "malware" or "tool" && o.Str("description") is not null;

    private static IntelProfile Profile(JsonElement stix, JsonElement? actor,
        Dictionary<string, (string Name, string Type)> names, List<JsonElement> uses)
    {
        var isActor = stix.Str("type") == "intrusion-set";
        var name = stix.Str("name")!;
        var description = DemoMarkdown.StripCitations(stix.Str("description")!);
        var aliases = stix.Strings(isActor ? "aliases" : "x_mitre_aliases")
            .Concat(actor?.Obj("meta")?.Strings("synonyms") ?? [])
            .Where(a => !string.Equals(a, name, StringComparison.OrdinalIgnoreCase))
            .DistinctBy(a => a.ToLowerInvariant())
            .Take(25)
            .ToList();
        var countries = DemoMisp.Countries(actor);
        return new IntelProfile
        {
            Id = ProfileId(stix.Str("id")!),
            Kind = isActor ? ProfileKind.Actor : ProfileKind.Tool,
            Title = name,
            FirstActiveDateTime = DemoJson.Date(stix.Str("first_seen")) ?? DemoJson.Date(stix.Str("created")) ?? DemoBuilder.BaseDate,
            Aliases = aliases,
            Targets = DemoMisp.Targets(actor),
            CountryCodes = [.. countries.Select(c => c.Code)],
            CountryLabels = [.. countries.Select(c => c.Label)],
            SummaryContent = DemoMarkdown.FirstParagraphText(description),
            SummaryFormat = ContentFormat.Text,
            DescriptionContent = description + Attribution(stix),
            DescriptionFormat = ContentFormat.Markdown,
            TradecraftContent = isActor ? ActorTradecraft(stix, actor, names, uses) : ToolTradecraft(stix, names, uses),
            TradecraftFormat = ContentFormat.Markdown,
        };
    }

    private static string Attribution(JsonElement stix)
    {
        var reference = stix.Arr("external_references").FirstOrDefault(r => r.Str("source_name") == "mitre-attack");
        return reference.Str("external_id") is { } externalId
            ? $"\n\n_Source: [MITRE ATT&CK® {externalId}]({reference.Str("url")}), used under the ATT&CK terms of use._"
            : "";
    }

    private static string ActorTradecraft(JsonElement stix, JsonElement? actor,
        Dictionary<string, (string Name, string Type)> names, List<JsonElement> uses)
    {
        var id = stix.Str("id");
        var software = uses.Where(r => r.Str("source_ref") == id && names.ContainsKey(r.Str("target_ref") ?? ""))
            .Select(r => (Software: names[r.Str("target_ref")!], Note: DemoMarkdown.StripCitations(r.Str("description") ?? "")))
            .OrderBy(s => s.Software.Name, StringComparer.Ordinal)
            .ToList();
        var text = new StringBuilder();
        text.Append("## Tools and implants\n\n");
        foreach (var (entry, note) in software)
        {
            text.Append("- **").Append(entry.Name).Append("** (").Append(entry.Type).Append(')');
            if (note.Length > 0)
            {
                text.Append(": ").Append(note.ReplaceLineEndings(" "));
            }

            text.Append('\n');
        }

        if (software.Count == 0)
        {
            text.Append("No software is attributed to this actor in ATT&CK.\n");
        }

        var incidents = DemoMisp.Strings(actor, "cfr-type-of-incident");
        if (incidents.Count > 0)
        {
            text.Append("\n## Operations\n\nIncident types: ").AppendJoin(", ", incidents).Append(".\n");
        }

        return text.ToString();
    }

    private static string ToolTradecraft(JsonElement stix, Dictionary<string, (string Name, string Type)> names, List<JsonElement> uses)
    {
        var id = stix.Str("id");
        var users = uses.Where(r => r.Str("target_ref") == id && names.ContainsKey(r.Str("source_ref") ?? ""))
            .Select(r => names[r.Str("source_ref")!].Name)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var kind = stix.Str("type") == "tool" ? "a tool" : "malware";
        var platforms = stix.Strings("x_mitre_platforms").ToList();
        var text = $"## Capability\n\n{stix.Str("name")} is {kind}"
            + (platforms.Count > 0 ? " for " + string.Join(", ", platforms) : "") + ".\n";
        return users.Count == 0 ? text : text + "\n## Used by\n\n" + string.Concat(users.Select(u => "- " + u + "\n"));
    }
}
