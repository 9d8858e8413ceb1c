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
        if (rows.Count == 0)
        {
            return;
        }
        var sqlite = db.Database.IsSqlite();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        // SQLite binds parameters by name in time that grows with their number: one prepared single-row statement
        // reused is fastest there. PostgreSQL pays a round trip per statement: many rows per statement is fastest there.
        if (sqlite)
        {
            await using var command = Command(db, connection, rows.Take(1).ToArray(), sqlite);
            command.Prepare();
            foreach (var row in rows)
            {
                var values = Values(row, sqlite);
                for (var c = 0; c < values.Length; c++)
                {
                    command.Parameters[c].Value = values[c] ?? DBNull.Value;
                }
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            return;
        }
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            await using var command = Command(db, connection, chunk, sqlite);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static DbCommand Command(SightlineDb db, DbConnection connection, ListEntry[] rows, bool sqlite)
    {
        var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = Statement(rows.Length);
        Bind(command, rows, sqlite);
        return command;
    }

    private static string Statement(int rows)
    {
        var sql = new StringBuilder("INSERT INTO \"ListEntries\" (").AppendJoin(", ", _columns.Select(c => $"\"{c}\"")).Append(") VALUES ");
        for (var i = 0; i < rows; i++)
        {
            sql.Append(i == 0 ? "(" : ", (").AppendJoin(", ", _columns.Select((_, c) => $"@p{i}_{c}")).Append(')');
        }
        return sql.Append(" ON CONFLICT (\"List\", \"Value\") DO UPDATE SET ")
            .AppendJoin(", ", _columns.Skip(2).Select(c => $"\"{c}\" = excluded.\"{c}\"")).ToString();
    }

    private static void Bind(DbCommand command, ListEntry[] rows, bool sqlite)
    {
        for (var i = 0; i < rows.Length; i++)
        {
            var values = Values(rows[i], sqlite);
            for (var c = 0; c < values.Length; c++)
            {
                command.Parameters.Add(Parameter(command, $"@p{i}_{c}", values[c], c));
            }
        }
    }

    private static object?[] Values(ListEntry e, bool sqlite) => [e.List, e.Value, e.Host, (int)e.Kind, e.Count, e.Reference, Date(e.ListDateTime, sqlite)];

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
