namespace Sightline.Parsers.Stix;

/// <summary>
/// One STIX 2.0/2.1 object from a bundle's <c>objects</c> array. The common properties live here; each subtype adds
/// what Sightline maps (intrusion sets and malware/tools to intel profiles, reports to articles, indicators to
/// article and profile indicators). Absent lists are empty, never null.
/// </summary>
internal abstract record StixObject
{
    /// <summary>The STIX type, e.g. <c>intrusion-set</c>.</summary>
    public required string Type { get; init; }

    /// <summary>The STIX id, <c>type--uuid</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The object's own <c>spec_version</c> (2.1); null for 2.0 objects, which inherit the bundle's.</summary>
    public string? SpecVersion { get; init; }

    public DateTimeOffset? Created { get; init; }

    public DateTimeOffset? Modified { get; init; }

    public string? CreatedByRef { get; init; }

    public IReadOnlyList<string> Labels { get; init; } = [];

    public IReadOnlyList<StixExternalReference> ExternalReferences { get; init; } = [];

    /// <summary>STIX <c>revoked</c>: replaced by another object; importers usually skip these.</summary>
    public bool Revoked { get; init; }

    /// <summary>ATT&amp;CK's <c>x_mitre_deprecated</c>: no longer maintained.</summary>
    public bool Deprecated { get; init; }

    /// <summary>The external id given by a source, e.g. <c>ExternalId("mitre-attack")</c> = <c>G0016</c>.</summary>
    public string? ExternalId(string sourceName) =>
        ExternalReferences.FirstOrDefault(r => string.Equals(r.SourceName, sourceName, StringComparison.OrdinalIgnoreCase)
            && r.ExternalId is not null)?.ExternalId;
}

internal sealed record StixExternalReference(string SourceName, string? ExternalId, string? Url, string? Description);

/// <summary>A threat actor group (→ intel profile of kind actor).</summary>
internal sealed record StixIntrusionSet : StixObject
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary><c>aliases</c> then ATT&amp;CK's <c>x_mitre_aliases</c>, de-duplicated ignoring case, in order.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    public DateTimeOffset? FirstSeen { get; init; }

    public DateTimeOffset? LastSeen { get; init; }
}

/// <summary>Malware (→ intel profile of kind tool). <see cref="StixObject.Labels"/> also holds 2.1 <c>malware_types</c>.</summary>
internal sealed record StixMalware : StixObject
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public DateTimeOffset? FirstSeen { get; init; }

    public DateTimeOffset? LastSeen { get; init; }

    /// <summary>STIX 2.1 <c>is_family</c>; null when absent (2.0 has no such property).</summary>
    public bool? IsFamily { get; init; }
}

/// <summary>A legitimate tool used by actors (→ intel profile of kind tool). Labels also hold 2.1 <c>tool_types</c>.</summary>
internal sealed record StixTool : StixObject
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public DateTimeOffset? FirstSeen { get; init; }

    public DateTimeOffset? LastSeen { get; init; }
}

/// <summary>A report (→ article); <see cref="ObjectRefs"/> names the indicators and profiles it covers.</summary>
internal sealed record StixReport : StixObject
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public DateTimeOffset? Published { get; init; }

    public IReadOnlyList<string> ObjectRefs { get; init; } = [];
}

/// <summary>
/// An indicator with its pattern already reduced to <see cref="Observables"/> (equality tests only).
/// <see cref="PatternNotes"/> says what was not turned into observables (other operators, syntax errors).
/// <see cref="StixObject.Labels"/> holds 2.0 <c>labels</c> and 2.1 <c>indicator_types</c>.
/// </summary>
internal sealed record StixIndicator : StixObject
{
    public string? Name { get; init; }

    public string? Description { get; init; }

    public required string Pattern { get; init; }

    /// <summary><c>pattern_type</c>; <c>stix</c> when absent (2.0 patterns are always STIX patterns).</summary>
    public required string PatternType { get; init; }

    public DateTimeOffset? ValidFrom { get; init; }

    public DateTimeOffset? ValidUntil { get; init; }

    public IReadOnlyList<StixObservable> Observables { get; init; } = [];

    public IReadOnlyList<string> PatternNotes { get; init; } = [];
}

internal sealed record StixRelationship : StixObject
{
    public required string RelationshipType { get; init; }

    public required string SourceRef { get; init; }

    public required string TargetRef { get; init; }

    public string? Description { get; init; }
}

internal sealed record StixCampaign : StixObject
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    public DateTimeOffset? FirstSeen { get; init; }

    public DateTimeOffset? LastSeen { get; init; }

    public string? Objective { get; init; }
}

/// <summary>An identity (organisation, sector, individual): report authors and targets.</summary>
internal sealed record StixIdentity : StixObject
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary><c>identity_class</c>; Unit 42 bundles sometimes give it as a list, so it is always a list here.</summary>
    public IReadOnlyList<string> IdentityClasses { get; init; } = [];

    public IReadOnlyList<string> Sectors { get; init; } = [];

    /// <summary>The CTA extension <c>x_cta_country</c> (country codes) when present.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];
}

/// <summary>A STIX 2.1 location: <c>country</c> is an ISO 3166-1 alpha-2 code, <c>region</c> a UN M49 region name.</summary>
internal sealed record StixLocation : StixObject
{
    public string? Name { get; init; }

    public string? Country { get; init; }

    public string? Region { get; init; }
}

internal sealed record StixAttackPattern : StixObject
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>The ATT&amp;CK technique id (e.g. <c>T1566</c> or <c>T1566.001</c>) when the object carries one.</summary>
    public string? TechniqueId { get; init; }

    public IReadOnlyList<string> KillChainPhases { get; init; } = [];
}

/// <summary>Any other STIX type (course-of-action, marking-definition, x-mitre-*, ...), kept so refs resolve.</summary>
internal sealed record StixOther : StixObject
{
    public string? Name { get; init; }
}
