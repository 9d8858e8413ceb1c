namespace Sightline.Parsers.Cve;

/// <summary>
/// An EPSS score: the probability (0–1) of exploitation in the next 30 days and its percentile (0–1).
/// <see cref="ScoreDate"/> and <see cref="ModelVersion"/> come from FIRST's leading comment line when present.
/// The KEV_EPSS layout (<c>CVE,CVSS3,EPSS,EPSS Percentile,Description,Vendor,Product</c>) also fills
/// <see cref="Cvss3"/>, <see cref="Description"/>, <see cref="Vendor"/> and <see cref="Product"/>.
/// </summary>
internal sealed record EpssScore
{
    public required string Cve { get; init; }

    public required double Epss { get; init; }

    public required double Percentile { get; init; }

    public DateTimeOffset? ScoreDate { get; init; }

    public string? ModelVersion { get; init; }

    public double? Cvss3 { get; init; }

    public string? Description { get; init; }

    public string? Vendor { get; init; }

    public string? Product { get; init; }
}
