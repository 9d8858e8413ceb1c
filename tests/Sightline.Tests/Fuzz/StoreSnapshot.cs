using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sightline.Data;

namespace Sightline.Tests.Fuzz;

/// <summary>
/// Every table of the store, read with plain SQL: per table the row count, a hash of all rows' values (order-free),
/// and the primary keys present. Two equal snapshots mean nothing was written.
/// </summary>
public sealed record StoreSnapshot(IReadOnlyDictionary<string, TableSnapshot> Tables)
{
    public static async Task<StoreSnapshot> TakeAsync(SightlineDb db)
    {
        var tables = db.Model.GetEntityTypes()
            .Where(e => e.GetTableName() is not null)
            .GroupBy(e => e.GetTableName()!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.FindOwnership() is null ? 0 : 1).First().FindPrimaryKey()!.Properties
                .Select(p => p.GetColumnName()).ToList(), StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var result = new Dictionary<string, TableSnapshot>(StringComparer.Ordinal);
            foreach (var (table, keyColumns) in tables.OrderBy(t => t.Key, StringComparer.Ordinal))
            {
                result[table] = await ReadAsync(connection, table, keyColumns);
            }
            return new StoreSnapshot(result);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<TableSnapshot> ReadAsync(DbConnection connection, string table, IReadOnlyList<string> keyColumns)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync();
        var keyOrdinals = keyColumns.Select(reader.GetOrdinal).ToList();
        var rows = new List<string>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            var values = Enumerable.Range(0, reader.FieldCount).Select(i => Text(reader.GetValue(i))).ToList();
            rows.Add(string.Join('\u001f', values));
            keys.Add(string.Join('\u001f', keyOrdinals.Select(i => values[i])));
        }
        rows.Sort(StringComparer.Ordinal);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows))));
        return new TableSnapshot(rows.Count, hash, keys);
    }

    private static string Text(object value) => value switch
    {
        DBNull => "\u2400",
        byte[] bytes => Convert.ToHexString(bytes),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The tables whose rows differ from <paramref name="other"/>'s.</summary>
    public IReadOnlyList<string> Differences(StoreSnapshot other) => Tables.Keys.Union(other.Tables.Keys)
        .Where(t => !Tables.TryGetValue(t, out var a) || !other.Tables.TryGetValue(t, out var b) || a.Count != b.Count || a.Hash != b.Hash)
        .Order(StringComparer.Ordinal).ToList();

    /// <summary>Rows of <paramref name="earlier"/> (by primary key) that this snapshot no longer has.</summary>
    public IReadOnlyList<string> Lost(StoreSnapshot earlier) => earlier.Tables
        .SelectMany(t => t.Value.Keys.Where(k => !Tables.TryGetValue(t.Key, out var now) || !now.Keys.Contains(k)).Select(k => $"{t.Key}({k})"))
        .ToList();
}

public sealed record TableSnapshot(int Count, string Hash, IReadOnlySet<string> Keys);
