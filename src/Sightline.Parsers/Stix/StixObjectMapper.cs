using System.Text.Json;
using static Sightline.Parsers.Stix.StixJson;

namespace Sightline.Parsers.Stix;

/// <summary>Turns one element of a bundle's <c>objects</c> array into its typed record.</summary>
internal static class StixObjectMapper
{
    /// <summary>Maps the object or throws <see cref="StixObjectException"/> with the reason it is malformed.</summary>
    public static StixObject Map(JsonElement obj)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            throw new StixObjectException($"an object was expected, found {Kind(obj)}");
        }
        var type = RequiredString(obj, "type");
        var id = RequiredString(obj, "id");
        if (!id.StartsWith(type + "--", StringComparison.Ordinal))
        {
            throw new StixObjectException($"id '{id}' does not start with its type '{type}--'");
        }
        return type switch
        {
            "intrusion-set" => IntrusionSet(obj),
            "malware" => Malware(obj),
            "tool" => Tool(obj),
            "report" => Report(obj),
            "indicator" => Indicator(obj),
            "relationship" => Relationship(obj),
            "campaign" => Campaign(obj),
            "identity" => Identity(obj),
            "location" => Location(obj),
            "attack-pattern" => AttackPattern(obj),
            _ => Common(obj, new StixOther { Type = type, Id = id, Name = String(obj, "name") }),
        };
    }

    // Fills the properties every STIX object may have; the typed factory has set Type, Id and its own fields.
    private static T Common<T>(JsonElement obj, T record) where T : StixObject => record with
    {
        SpecVersion = String(obj, "spec_version"),
        Created = Timestamp(obj, "created"),
        Modified = Timestamp(obj, "modified"),
        CreatedByRef = String(obj, "created_by_ref"),
        Labels = record.Labels.Count > 0 ? record.Labels : MergedStrings(obj, "labels"),
        ExternalReferences = ExternalReferences(obj),
        Revoked = Bool(obj, "revoked"),
        Deprecated = Bool(obj, "x_mitre_deprecated"),
    };

    private static StixIntrusionSet IntrusionSet(JsonElement obj) => Common(obj, new StixIntrusionSet
    {
        Type = "intrusion-set",
        Id = RequiredString(obj, "id"),
        Name = RequiredString(obj, "name"),
        Description = String(obj, "description"),
        Aliases = MergedStrings(obj, "aliases", "x_mitre_aliases"),
        FirstSeen = Timestamp(obj, "first_seen"),
        LastSeen = Timestamp(obj, "last_seen"),
    });

    private static StixMalware Malware(JsonElement obj) => Common(obj, new StixMalware
    {
        Type = "malware",
        Id = RequiredString(obj, "id"),
        Name = RequiredString(obj, "name"),
        Description = String(obj, "description"),
        Aliases = MergedStrings(obj, "aliases", "x_mitre_aliases"),
        FirstSeen = Timestamp(obj, "first_seen"),
        LastSeen = Timestamp(obj, "last_seen"),
        IsFamily = OptionalBool(obj, "is_family"),
        Labels = MergedStrings(obj, "labels", "malware_types"),
    });

    private static StixTool Tool(JsonElement obj) => Common(obj, new StixTool
    {
        Type = "tool",
        Id = RequiredString(obj, "id"),
        Name = RequiredString(obj, "name"),
        Description = String(obj, "description"),
        Aliases = MergedStrings(obj, "aliases", "x_mitre_aliases"),
        FirstSeen = Timestamp(obj, "first_seen"),
        LastSeen = Timestamp(obj, "last_seen"),
        Labels = MergedStrings(obj, "labels", "tool_types"),
    });

    private static StixReport Report(JsonElement obj) => Common(obj, new StixReport
    {
        Type = "report",
        Id = RequiredString(obj, "id"),
        Name = RequiredString(obj, "name"),
        Description = String(obj, "description"),
        Published = Timestamp(obj, "published"),
        ObjectRefs = Strings(obj, "object_refs"),
        Labels = MergedStrings(obj, "labels", "report_types"),
    });

    private static StixIndicator Indicator(JsonElement obj)
    {
        var pattern = RequiredString(obj, "pattern");
        var patternType = String(obj, "pattern_type") ?? "stix";
        var result = string.Equals(patternType, "stix", StringComparison.OrdinalIgnoreCase)
            ? StixPatternParser.Parse(pattern)
            : new StixPatternResult([], [$"pattern_type '{patternType}' is not a STIX pattern; not parsed"]);
        return Common(obj, new StixIndicator
        {
            Type = "indicator",
            Id = RequiredString(obj, "id"),
            Name = String(obj, "name"),
            Description = String(obj, "description"),
            Pattern = pattern,
            PatternType = patternType,
            ValidFrom = Timestamp(obj, "valid_from"),
            ValidUntil = Timestamp(obj, "valid_until"),
            Labels = MergedStrings(obj, "labels", "indicator_types"),
            Observables = result.Observables,
            PatternNotes = result.Notes,
        });
    }

    private static StixRelationship Relationship(JsonElement obj) => Common(obj, new StixRelationship
    {
        Type = "relationship",
        Id = RequiredString(obj, "id"),
        RelationshipType = RequiredString(obj, "relationship_type"),
        SourceRef = RequiredString(obj, "source_ref"),
        TargetRef = RequiredString(obj, "target_ref"),
        Description = String(obj, "description"),
    });

    private static StixCampaign Campaign(JsonElement obj) => Common(obj, new StixCampaign
    {
        Type = "campaign",
        Id = RequiredString(obj, "id"),
        Name = RequiredString(obj, "name"),
        Description = String(obj, "description"),
        Aliases = MergedStrings(obj, "aliases"),
        FirstSeen = Timestamp(obj, "first_seen"),
        LastSeen = Timestamp(obj, "last_seen"),
        Objective = String(obj, "objective"),
    });

    private static StixIdentity Identity(JsonElement obj) => Common(obj, new StixIdentity
    {
        Type = "identity",
        Id = RequiredString(obj, "id"),
        Name = RequiredString(obj, "name"),
        Description = String(obj, "description"),
        IdentityClasses = Strings(obj, "identity_class"),
        Sectors = Strings(obj, "sectors"),
        Countries = Strings(obj, "x_cta_country"),
    });

    private static StixLocation Location(JsonElement obj) => Common(obj, new StixLocation
    {
        Type = "location",
        Id = RequiredString(obj, "id"),
        Name = String(obj, "name"),
        Country = String(obj, "country")?.Trim().ToUpperInvariant(),
        Region = String(obj, "region"),
    });

    private static StixAttackPattern AttackPattern(JsonElement obj)
    {
        var references = ExternalReferences(obj);
        // ATT&CK's own reference carries the technique id; other sources (capec) carry ids of their own.
        var techniqueId = references.FirstOrDefault(r => r.SourceName is "mitre-attack" or "mitre-mobile-attack" or "mitre-ics-attack")?.ExternalId
            ?? references.Select(r => r.ExternalId).FirstOrDefault(IsTechniqueId);
        return Common(obj, new StixAttackPattern
        {
            Type = "attack-pattern",
            Id = RequiredString(obj, "id"),
            Name = RequiredString(obj, "name"),
            Description = String(obj, "description"),
            TechniqueId = techniqueId,
            KillChainPhases = KillChainPhases(obj),
        });
    }

    private static bool IsTechniqueId(string? id) =>
        id is { Length: >= 5 } && id[0] == 'T' && char.IsAsciiDigit(id[1]);
}
