namespace Sightline.Data.Entities;

public enum ReputationClass
{
    Unknown = 0,
    Neutral = 1,
    Suspicious = 2,
    Malicious = 3,
}

public enum RuleSeverity
{
    Unknown = 0,
    Low = 1,
    Medium = 2,
    High = 3,
}

/// <summary>A host's stored verdict, recomputed when evidence changes rather than on every read.</summary>
public sealed class HostReputation
{
    public required string HostId { get; set; }
    public required string Id { get; set; }
    public int Score { get; set; }
    public ReputationClass Classification { get; set; }
    public DateTimeOffset ComputedDateTime { get; set; }
    public List<ReputationRule> Rules { get; set; } = [];
}

public sealed class ReputationRule
{
    public required string Name { get; set; }
    public required string Description { get; set; }
    public RuleSeverity Severity { get; set; }
    public string? RelatedDetailsUrl { get; set; }
}
