namespace Sightline.Data.Entities;

/// <summary>An analyst's verdict on a host: it wins over every rule and is shown as a rule with its reason.</summary>
public sealed class ReputationOverride
{
    public required string HostId { get; set; }
    public ReputationClass Classification { get; set; }
    public required string Reason { get; set; }
    public string? Author { get; set; }
    public DateTimeOffset CreatedDateTime { get; set; }
}
