using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Sightline.Data.Entities;

namespace Sightline.Data;

/// <summary>
/// Which WHOIS values are pivots, and their <see cref="WhoisLookup"/> rows. A version's content never changes once
/// stored (a new content is a new version), so its rows are written once, when the version is added.
/// </summary>
public static class WhoisLookups
{
    public const string NameserverPath = "nameservers/host/id";

    private static readonly (string Contact, Func<WhoisRecord, WhoisContact?> Get)[] _contacts =
    [
        ("admin", r => r.Admin),
        ("registrant", r => r.Registrant),
        ("registrar", r => r.Registrar),
        ("technical", r => r.Technical),
    ];

    private static readonly (string Field, Func<WhoisContact, string?> Get)[] _fields =
    [
        ("email", c => c.Email),
        ("name", c => c.Name),
        ("organization", c => c.Organization),
    ];

    /// <summary>The Graph paths answered from the lookup table, in the case Graph spells them.</summary>
    public static IReadOnlyList<string> Paths { get; } =
        [.. _contacts.SelectMany(c => _fields.Select(f => $"{c.Contact}/{f.Field}")), NameserverPath];

    public static string Normalize(string value) => value.Trim().ToLowerInvariant();

    public static IEnumerable<WhoisLookup> For(WhoisRecord record)
    {
        var rows = new Dictionary<(string, string), WhoisLookup>();
        void Add(string path, string? value)
        {
            if (value is { } v && Normalize(v) is { Length: > 0 } normalized)
            {
                rows.TryAdd((path, normalized), new WhoisLookup { Path = path, Value = normalized, HostId = record.HostId, RecordId = record.Id });
            }
        }
        foreach (var (contact, get) in _contacts)
        {
            if (get(record) is { } c)
            {
                foreach (var (field, value) in _fields)
                {
                    Add($"{contact}/{field}", value(c));
                }
            }
        }
        foreach (var nameserver in record.Nameservers)
        {
            Add(NameserverPath, nameserver.HostId);
        }
        return rows.Values;
    }

    /// <summary>Adds the lookup rows of every version about to be inserted, whoever inserts it.</summary>
    internal static void DeriveAdded(ChangeTracker tracker, DbSet<WhoisLookup> lookups)
    {
        // A retried save must not add the rows twice.
        var derived = tracker.Entries<WhoisLookup>().Where(e => e.State == EntityState.Added).Select(e => e.Entity.RecordId).ToHashSet(StringComparer.Ordinal);
        var added = tracker.Entries<WhoisRecord>().Where(e => e.State == EntityState.Added && !derived.Contains(e.Entity.Id)).Select(e => e.Entity).ToList();
        foreach (var record in added)
        {
            lookups.AddRange(For(record));
        }
    }
}
