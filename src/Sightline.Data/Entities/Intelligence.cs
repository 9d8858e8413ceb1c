namespace Sightline.Data.Entities;

public enum ContentFormat
{
    Text = 0,
    Html = 1,
    Markdown = 2,
}

public enum IndicatorSource
{
    Microsoft = 0,
    Osint = 1,
    Public = 2,
}

public enum ProfileKind
{
    Actor = 0,
    Tool = 1,
}

/// <summary>What an indicator points at: a host (hostname or IP) or an unclassified value such as a hash.</summary>
public enum ArtifactType
{
    Hostname = 0,
    IpAddress = 1,
    Unclassified = 2,
}

public sealed class Article
{
    public required string Id { get; set; }
    public required string Title { get; set; }
    public string? SummaryContent { get; set; }
    public ContentFormat SummaryFormat { get; set; }
    public string? BodyContent { get; set; }
    public ContentFormat BodyFormat { get; set; }
    public DateTimeOffset CreatedDateTime { get; set; }
    public DateTimeOffset LastUpdatedDateTime { get; set; }
    public bool IsFeatured { get; set; }
    public string? ImageUrl { get; set; }
    public List<string> Tags { get; set; } = [];
}

public sealed class ArticleIndicator
{
    public required string ArticleId { get; set; }
    public required string Id { get; set; }
    public IndicatorSource Source { get; set; }
    public ArtifactType ArtifactType { get; set; }
    /// <summary>The host id for host artifacts; for unclassified ones, the id of the artifact.</summary>
    public required string ArtifactId { get; set; }
    public string? ArtifactKind { get; set; }
    public string? ArtifactValue { get; set; }
}

public sealed class IntelProfile
{
    public required string Id { get; set; }
    public ProfileKind Kind { get; set; }
    public required string Title { get; set; }
    public DateTimeOffset FirstActiveDateTime { get; set; }
    public List<string> Aliases { get; set; } = [];
    public List<string> Targets { get; set; } = [];
    public List<string> CountryCodes { get; set; } = [];
    public List<string> CountryLabels { get; set; } = [];
    public string? SummaryContent { get; set; }
    public ContentFormat SummaryFormat { get; set; }
    public string? DescriptionContent { get; set; }
    public ContentFormat DescriptionFormat { get; set; }
    public string? TradecraftContent { get; set; }
    public ContentFormat TradecraftFormat { get; set; }
}

public sealed class IntelProfileIndicator
{
    public required string ProfileId { get; set; }
    public required string Id { get; set; }
    public IndicatorSource Source { get; set; }
    public ArtifactType ArtifactType { get; set; }
    public required string ArtifactId { get; set; }
    public string? ArtifactKind { get; set; }
    public string? ArtifactValue { get; set; }
    public DateTimeOffset FirstSeenDateTime { get; set; }
    public DateTimeOffset? LastSeenDateTime { get; set; }
}
