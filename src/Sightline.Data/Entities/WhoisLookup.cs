namespace Sightline.Data.Entities;

/// <summary>
/// A derived, indexable row per searchable WHOIS value of one version: contacts and name servers are stored in
/// owned and JSON columns that no index serves case-insensitively, so "every domain registered with this email" is
/// answered from here (<see cref="Path"/> and the lower-cased <see cref="Value"/>) and joined to the version by id.
/// </summary>
public sealed class WhoisLookup
{
    /// <summary>The Graph property path, e.g. <c>registrant/email</c> or <c>nameservers/host/id</c>.</summary>
    public required string Path { get; set; }

    /// <summary>The value, trimmed and lower-cased (invariant).</summary>
    public required string Value { get; set; }

    public required string HostId { get; set; }

    /// <summary>The <see cref="WhoisRecord.Id"/> of the version.</summary>
    public required string RecordId { get; set; }
}
