using System.Data;
using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Sightline.Data.Entities;

namespace Sightline.Data.Ingestion;

/// <summary>
/// <c>INSERT ... ON CONFLICT (List, Value) DO UPDATE</c> in chunks: the same statement on SQLite and PostgreSQL,
/// run inside the batch's transaction.
/// </summary>
internal static class ListEntryWriter
{
    private const int RowsPerStatement = 500;
    private static readonly string[] _columns = ["List", "Value", "Host", "Kind", "Count", "Reference", "ListDateTime"];
    private static readonly DateTimeOffsetToBinaryConverter _sqliteDates = new();

    public static async Task UpsertAsync(SightlineDb db, IReadOnlyList<ListEntry> rows, CancellationToken cancellationToken)
    {
        var sqlite = db.Database.IsSqlite();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var sql = new StringBuilder("INSERT INTO \"ListEntries\" (")
                .AppendJoin(", ", _columns.Select(c => $"\"{c}\"")).Append(") VALUES ");
            for (var i = 0; i < chunk.Length; i++)
            {
                var e = chunk[i];
                sql.Append(i == 0 ? "(" : ", (");
                object?[] values = [e.List, e.Value, e.Host, (int)e.Kind, e.Count, e.Reference, Date(e.ListDateTime, sqlite)];
                for (var c = 0; c < values.Length; c++)
                {
                    var name = $"@p{i}_{c}";
                    sql.Append(c == 0 ? "" : ", ").Append(name);
                    command.Parameters.Add(Parameter(command, name, values[c], c));
                }
                sql.Append(')');
            }
            sql.Append(" ON CONFLICT (\"List\", \"Value\") DO UPDATE SET ")
                .AppendJoin(", ", _columns.Skip(2).Select(c => $"\"{c}\" = excluded.\"{c}\""));
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static object? Date(DateTimeOffset? date, bool sqlite) =>
        date is not { } d ? null : sqlite ? _sqliteDates.ConvertToProvider(d) : d.ToUniversalTime();

    private static DbParameter Parameter(DbCommand command, string name, object? value, int column)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        p.DbType = (column, value) switch
        {
            (3 or 4, _) => DbType.Int32,
            (6, long) => DbType.Int64,
            (6, _) => DbType.DateTimeOffset,
            _ => DbType.String,
        };
        return p;
    }
}
