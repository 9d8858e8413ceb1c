namespace Sightline.Parsers.Cve;

/// <summary>Which container of a CVE record a value came from.</summary>
internal enum CveSource
{
    /// <summary>The CNA container: the assigner's own data.</summary>
    Cna = 0,

    /// <summary>An ADP container, e.g. CISA's "vulnrichment" (short name <c>CISA-ADP</c>).</summary>
    Adp = 1,
}

/// <summary>
/// One CVE JSON 5.x record, reduced to what the vulnerability entity needs. Lists are empty, never null.
/// CNA values are preferred and ADP values fill the gaps; <see cref="CveCvss.Source"/> says which was used.
/// </summary>
internal sealed record CveRecordData
{
    /// <summary>The CVE id in upper case, e.g. <c>CVE-2021-44228</c>.</summary>
    public required string Id { get; init; }

    /// <summary><c>PUBLISHED</c> or <c>REJECTED</c>.</summary>
    public required string State { get; init; }

    public string? AssignerShortName { get; init; }

    public string? Title { get; init; }

    public DateTimeOffset? DatePublished { get; init; }

    public DateTimeOffset? DateUpdated { get; init; }

    public DateTimeOffset? DateReserved { get; init; }

    /// <summary>All CNA descriptions, English ones first (rejected records: the rejection reasons).</summary>
    public IReadOnlyList<CveDescription> Descriptions { get; init; } = [];

    /// <summary>The first English description, else the first one.</summary>
    public string? Description => Descriptions.Count > 0 ? Descriptions[0].Value : null;

    public CveCvss? Cvss40 { get; init; }

    public CveCvss? Cvss31 { get; init; }

    public CveCvss? Cvss30 { get; init; }

    public CveCvss? Cvss2 { get; init; }

    /// <summary>The CVSS 3 score the Graph <c>cvss3Summary</c> shows: 3.1 if present, else 3.0.</summary>
    public CveCvss? Cvss3 => Cvss31 ?? Cvss30;

    /// <summary>CWE ids in <c>CWE-79</c> form, CNA first then ADP, without duplicates.</summary>
    public IReadOnlyList<string> CweIds { get; init; } = [];

    /// <summary>CNA references, then ADP references with a URL not yet seen (tags merged).</summary>
    public IReadOnlyList<CveReference> References { get; init; } = [];

    /// <summary>The raw affected entries used for <see cref="ComponentNames"/> (CNA, or ADP when the CNA gave none).</summary>
    public IReadOnlyList<CveAffected> Affected { get; init; } = [];

    /// <summary>Component names per <see cref="CveComponentNamer"/>, e.g. <c>Apache Software Foundation Log4j2 2.0-beta9 to &lt;2.15.0</c>.</summary>
    public IReadOnlyList<string> ComponentNames { get; init; } = [];

    /// <summary>The KEV entry CISA's ADP adds when the CVE is in the catalog.</summary>
    public CveKevInfo? Kev { get; init; }

    /// <summary>SSVC decision points from CISA's ADP: Exploitation is <c>none</c>, <c>poc</c> or <c>active</c>.</summary>
    public string? SsvcExploitation { get; init; }

    public string? SsvcAutomatable { get; init; }

    public string? SsvcTechnicalImpact { get; init; }
}

internal sealed record CveDescription(string Lang, string Value);

/// <summary>A CVSS score; <see cref="Provider"/> is the container's short name (e.g. <c>CISA-ADP</c>).</summary>
internal sealed record CveCvss(string Version, double BaseScore, string? BaseSeverity, string? VectorString, CveSource Source, string? Provider);

/// <summary>A reference; <see cref="IsExploit"/> when tagged <c>exploit</c> (or the legacy <c>x_refsource_EXPLOIT-DB</c>).</summary>
internal sealed record CveReference(string Url, string? Name, IReadOnlyList<string> Tags)
{
    public bool IsExploit => Tags.Any(t => t.Equals("exploit", StringComparison.OrdinalIgnoreCase)
        || t.Equals("x_refsource_EXPLOIT-DB", StringComparison.OrdinalIgnoreCase));
}

internal sealed record CveAffected(string? Vendor, string? Product, string? DefaultStatus, IReadOnlyList<CveVersion> Versions, IReadOnlyList<string> Cpes, CveSource Source);

internal sealed record CveVersion(string? Version, string? Status, string? LessThan, string? LessThanOrEqual, string? VersionType);

internal sealed record CveKevInfo(DateTimeOffset? DateAdded, string? Reference);
