namespace Sightline.Data.Entities;

public enum ListEntryKind
{
    IpAddress = 0,
    Domain = 1,
    /// <summary>A path on a host: the entry names <see cref="ListEntry.Host"/> through something served from it.</summary>
    Url = 2,
}

/// <summary>
/// One value of an imported blocklist or trail (<c>ipsum</c>, <c>maltrail/apt_lazarus</c>...), kept as data so that
/// reputation reads lists from the store. The key is the list and the value as the list spells it.
/// </summary>
public sealed class ListEntry
{
    public required string List { get; set; }
    public required string Value { get; set; }

    /// <summary>The normalised host (name or IP) the value names.</summary>
    public required string Host { get; set; }

    public ListEntryKind Kind { get; set; }

    /// <summary>For aggregate lists (ipsum), how many source lists name the value.</summary>
    public int? Count { get; set; }

    /// <summary>Where the list says the value comes from (a report URL), or the list's home page.</summary>
    public string? Reference { get; set; }

    /// <summary>The date the list itself gives for its snapshot (ipsum's "Last update"), when it has one.</summary>
    public DateTimeOffset? ListDateTime { get; set; }
}
