namespace Sightline.Data.Entities;

/// <summary>A DNS resolution: <see cref="ParentHostId"/> (the queried name) resolved to <see cref="ArtifactId"/>.</summary>
public sealed class PassiveDnsRecord
{
    public required string ParentHostId { get; set; }
    public required string Id { get; set; }
    public required string ArtifactId { get; set; }
    public HostKind ArtifactKind { get; set; }
    public required string RecordType { get; set; }
    public DateTimeOffset FirstSeenDateTime { get; set; }
    public DateTimeOffset LastSeenDateTime { get; set; }
    public DateTimeOffset CollectedDateTime { get; set; }
    public long Count { get; set; }
}

public sealed class Subdomain
{
    public required string ParentHostId { get; set; }
    public required string Id { get; set; }
    public required string HostId { get; set; }
    public DateTimeOffset? FirstSeenDateTime { get; set; }
}

public sealed class HostComponent
{
    public required string HostId { get; set; }
    public required string Id { get; set; }
    public required string Name { get; set; }
    public string Version { get; set; } = "";
    public string Category { get; set; } = "";
    public DateTimeOffset FirstSeenDateTime { get; set; }
    public DateTimeOffset LastSeenDateTime { get; set; }
}

public sealed class HostCookie
{
    public required string HostId { get; set; }
    public required string Id { get; set; }
    public required string Name { get; set; }
    public required string Domain { get; set; }
    public DateTimeOffset FirstSeenDateTime { get; set; }
    public DateTimeOffset LastSeenDateTime { get; set; }
}

public sealed class HostTracker
{
    public required string HostId { get; set; }
    public required string Id { get; set; }
    public required string Kind { get; set; }
    public required string Value { get; set; }
    public DateTimeOffset FirstSeenDateTime { get; set; }
    public DateTimeOffset LastSeenDateTime { get; set; }
}

/// <summary>A link from <see cref="ParentHostId"/> to <see cref="ChildHostId"/> (redirect, script, iframe...).</summary>
public sealed class HostPair
{
    public required string ParentHostId { get; set; }
    public required string Id { get; set; }
    public required string ChildHostId { get; set; }
    public HostKind ParentHostKind { get; set; }
    public HostKind ChildHostKind { get; set; }
    public required string LinkKind { get; set; }
    public DateTimeOffset? FirstSeenDateTime { get; set; }
    public DateTimeOffset? LastSeenDateTime { get; set; }
}
