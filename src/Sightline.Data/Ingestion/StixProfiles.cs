using System.Text;
using Sightline.Data.Entities;
using Sightline.Parsers.Stix;

namespace Sightline.Data.Ingestion;

/// <summary>
/// Intrusion sets (actors) and malware/tools (tools) as intel profiles:
/// the id is the SHA-256 of the STIX id, ATT&amp;CK citations are dropped from the markdown description, the summary
/// is its first paragraph, aliases leave out the name, and the tradecraft lists what the bundle's <c>uses</c>
/// relationships name. Targets come from the sectors of the identities the actor, or a campaign attributed to it,
/// targets; countries from the locations it <c>originates-from</c> (STIX 2.1: <c>country</c> is the ISO code,
/// <c>name</c> the label).
/// </summary>
internal static class StixProfiles
{
    private const int MaxAliases = 25;

    /// <summary>The SHA-256 of the STIX id, in lower-case hex.</summary>
    public static string ProfileId(string stixId) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(stixId)));

    public static IntelProfile Build(StixObject stix, StixBundle bundle)
    {
        var (name, description, aliases, firstSeen) = stix switch
        {
            StixIntrusionSet s => (s.Name, s.Description, s.Aliases, s.FirstSeen),
            StixMalware m => (m.Name, m.Description, m.Aliases, m.FirstSeen),
            StixTool t => (t.Name, t.Description, t.Aliases, t.FirstSeen),
            _ => throw new ArgumentException($"{stix.Type} is not a profile type", nameof(stix)),
        };
        var isActor = stix is StixIntrusionSet;
        var origins = isActor ? Origins(stix.Id, bundle) : [];
        var markdown = description is null ? null : MarkdownText.StripCitations(description);
        return new IntelProfile
        {
            Id = ProfileId(stix.Id),
            Kind = isActor ? ProfileKind.Actor : ProfileKind.Tool,
            Title = name.Trim(),
            FirstActiveDateTime = firstSeen ?? stix.Created ?? stix.Modified ?? DateTimeOffset.UnixEpoch,
            Aliases = aliases.Where(a => !string.Equals(a, name, StringComparison.OrdinalIgnoreCase))
                .DistinctBy(a => a.ToLowerInvariant()).Take(MaxAliases).ToList(),
            Targets = isActor ? Targets(stix.Id, bundle) : [],
            CountryCodes = [.. origins.Select(o => o.Code)],
            CountryLabels = [.. origins.Select(o => o.Label)],
            SummaryContent = markdown is null ? null : MarkdownText.FirstParagraphText(markdown),
            SummaryFormat = ContentFormat.Text,
            DescriptionContent = markdown is null ? null : markdown + Attribution(stix),
            DescriptionFormat = ContentFormat.Markdown,
            TradecraftContent = isActor ? ActorTradecraft(stix, bundle) : ToolTradecraft(stix, name, bundle),
            TradecraftFormat = ContentFormat.Markdown,
        };
    }

    private static string Attribution(StixObject stix)
    {
        var reference = stix.ExternalReferences.FirstOrDefault(r => string.Equals(r.SourceName, "mitre-attack", StringComparison.Ordinal));
        return reference?.ExternalId is { } externalId
            ? $"\n\n_Source: [MITRE ATT&CK® {externalId}]({reference.Url}), used under the ATT&CK terms of use._"
            : "";
    }

    private static List<(string Code, string Label)> Origins(string actorId, StixBundle bundle) =>
        bundle.From(actorId, "originates-from")
            .Select(r => bundle.Find<StixLocation>(r.TargetRef))
            .OfType<StixLocation>()
            .Where(l => l.Country is { Length: 2 })
            .Select(l => (l.Country!, string.IsNullOrWhiteSpace(l.Name) ? l.Country! : l.Name.Trim()))
            .DistinctBy(o => o.Item1)
            .OrderBy(o => o.Item1, StringComparer.Ordinal)
            .ToList();

    private static List<string> Targets(string actorId, StixBundle bundle) =>
        bundle.CampaignsOf(actorId).Select(c => c.Id).Prepend(actorId)
            .SelectMany(id => bundle.From(id, "targets"))
            .Select(r => bundle.Find<StixIdentity>(r.TargetRef))
            .OfType<StixIdentity>()
            .SelectMany(i => i.Sectors)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string ActorTradecraft(StixObject actor, StixBundle bundle)
    {
        var software = bundle.From(actor.Id, "uses")
            .Select(r => (Target: bundle.Find<StixObject>(r.TargetRef), Note: MarkdownText.StripCitations(r.Description ?? "")))
            .Where(s => s.Target is StixMalware or StixTool)
            .Select(s => (Name: NameOf(s.Target!), s.Target!.Type, s.Note))
            .OrderBy(s => s.Name, StringComparer.Ordinal)
            .ToList();
        var text = new StringBuilder("## Tools and implants\n\n");
        foreach (var (name, type, note) in software)
        {
            text.Append("- **").Append(name).Append("** (").Append(type).Append(')');
            if (note.Length > 0)
            {
                text.Append(": ").Append(note.ReplaceLineEndings(" "));
            }
            text.Append('\n');
        }
        if (software.Count == 0)
        {
            var source = actor.ExternalId("mitre-attack") is null ? "this bundle" : "ATT&CK";
            text.Append("No software is attributed to this actor in ").Append(source).Append(".\n");
        }
        // Unit 42 playbooks tie techniques to the actor's campaigns rather than to the actor itself.
        AppendTechniques(text, bundle.CampaignsOf(actor.Id).Select(c => c.Id).Prepend(actor.Id), bundle);
        return text.ToString();
    }

    private static string ToolTradecraft(StixObject tool, string name, StixBundle bundle)
    {
        var users = bundle.To(tool.Id, "uses")
            .Select(r => bundle.Find<StixIntrusionSet>(r.SourceRef))
            .OfType<StixIntrusionSet>()
            .Select(s => s.Name)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var kind = tool is StixTool ? "a tool" : "malware";
        var text = new StringBuilder($"## Capability\n\n{name} is {kind}.\n");
        if (users.Count > 0)
        {
            text.Append("\n## Used by\n\n").AppendJoin("", users.Select(u => "- " + u + "\n"));
        }
        AppendTechniques(text, [tool.Id], bundle);
        return text.ToString();
    }

    private static void AppendTechniques(StringBuilder text, IEnumerable<string> users, StixBundle bundle)
    {
        var techniques = users.SelectMany(id => bundle.From(id, "uses"))
            .Select(r => bundle.Find<StixAttackPattern>(r.TargetRef))
            .OfType<StixAttackPattern>()
            .Select(Technique)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (techniques.Count > 0)
        {
            text.Append("\n## Techniques\n\n").AppendJoin("", techniques.Select(t => "- " + t + "\n"));
        }
    }

    // Unit 42 names carry the id already ("T1047: Windows Management Instrumentation"); ATT&CK's do not.
    private static string Technique(StixAttackPattern pattern) =>
        pattern.TechniqueId is { } id && !pattern.Name.StartsWith(id, StringComparison.Ordinal) ? $"{id}: {pattern.Name}" : pattern.Name;

    private static string NameOf(StixObject o) => o switch
    {
        StixMalware m => m.Name,
        StixTool t => t.Name,
        _ => o.Id,
    };
}
