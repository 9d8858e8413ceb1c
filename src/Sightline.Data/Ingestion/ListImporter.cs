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
        // Merged = rows that were there before: the lists' sizes before and after (a key range each) tell, where
        // looking the batch's values up took seconds.
        var lists = rows.Values.Select(e => e.List).Distinct(StringComparer.Ordinal).ToList();
        var before = await db.ListEntries.CountAsync(e => lists.Contains(e.List), cancellationToken);
        await ListEntryWriter.UpsertAsync(db, [.. rows.Values], cancellationToken);
        var added = await db.ListEntries.CountAsync(e => lists.Contains(e.List), cancellationToken) - before;
        var merged = rows.Count - added;
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
