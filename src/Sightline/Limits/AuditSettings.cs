namespace Sightline.Limits;

/// <summary>What the audit log records: nothing, paths with query option names, or paths with whole query strings.</summary>
public enum AuditMode
{
    Off,
    On,
    Full,
}

/// <summary>The audit log: JSON lines in <c>audit/</c> in the data folder, one file per UTC day.</summary>
public sealed record AuditSettings
{
    public AuditMode Mode { get; init; } = AuditMode.On;

    /// <summary>Files older than this many days are deleted; 0 keeps them forever.</summary>
    public int RetentionDays { get; init; } = 90;
}
