using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Data.Entities;

namespace Sightline.Data.Ingestion;

/// <summary>
/// The shared half of the blocklist importers (<see cref="IpsumImporter"/>, <see cref="MaltrailImporter"/>): entries
/// are merged by list and value with one set-based upsert per few hundred rows, which keeps the whole ipsum feed
/// (120,000 lines) to seconds where tracked entities took far longer. An entry that names no valid host is ignored.
/// </summary>
internal abstract class ListImporter : BatchImporter<ListEntry>
{
    protected override string Fingerprint(ListEntry e) => string.Join('\t',
        e.List, e.Value, e.Host, e.Count?.ToString(CultureInfo.InvariantCulture) ?? "", e.Reference ?? "",
        e.ListDateTime?.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) ?? "");

    protected override async Task<BatchResult> StoreAsync(SightlineDb db, IReadOnlyList<ListEntry> batch, CancellationToken cancellationToken)
    {
        // The last line for a value wins, as in a list that was appended to.
        var rows = new Dictionary<(string, string), ListEntry>();
        foreach (var entry in batch.Where(e => e.Host.Length > 0))
        {
            rows[(entry.List, entry.Value)] = entry;
        }
        var merged = 0L;
        foreach (var group in rows.Values.GroupBy(e => e.List, StringComparer.Ordinal))
        {
            var values = group.Select(e => e.Value).ToList();
            merged += await db.ListEntries.CountAsync(e => e.List == group.Key && values.Contains(e.Value), cancellationToken);
        }
        await ListEntryWriter.UpsertAsync(db, [.. rows.Values], cancellationToken);
        return new BatchResult(rows.Count, merged, batch.Count - rows.Count);
    }

    /// <summary>The list a file holds: the <c>list</c> setting, else the file's name without extension.</summary>
    protected static string ListName(ImportContext context, string prefix, string fallback)
    {
        if (context.Settings.TryGetValue("list", out var named) && !string.IsNullOrWhiteSpace(named))
        {
            return named.Trim();
        }
        var file = Path.GetFileNameWithoutExtension(context.Source);
        return file.Length == 0 || file.Contains(' ', StringComparison.Ordinal) ? fallback : prefix + file.ToLowerInvariant();
    }
}
