namespace Sightline.Parsers.Cve;

/// <summary>
/// One entry of the CISA Known Exploited Vulnerabilities catalog: being listed means exploitation was observed
/// (Graph <c>activeExploitsObserved</c>). Dates are midnight UTC of the catalog's calendar dates.
/// </summary>
internal sealed record KevEntry
{
    public required string CveId { get; init; }

    public required string VendorProject { get; init; }

    public required string Product { get; init; }

    public string? VulnerabilityName { get; init; }

    public required DateTimeOffset DateAdded { get; init; }

    public string? ShortDescription { get; init; }

    public string? RequiredAction { get; init; }

    public DateTimeOffset? DueDate { get; init; }

    /// <summary>True when <c>knownRansomwareCampaignUse</c> is <c>Known</c> (the other value is <c>Unknown</c>).</summary>
    public bool KnownRansomwareCampaignUse { get; init; }

    public string? Notes { get; init; }

    /// <summary>The URLs listed in <see cref="Notes"/> (separated there by " ; "): candidate references.</summary>
    public IReadOnlyList<string> NoteUrls { get; init; } = [];

    public IReadOnlyList<string> Cwes { get; init; } = [];

    /// <summary>The catalog's <c>catalogVersion</c> when it precedes the entries in the file (it does in CISA's).</summary>
    public string? CatalogVersion { get; init; }

    public DateTimeOffset? CatalogDateReleased { get; init; }
}
