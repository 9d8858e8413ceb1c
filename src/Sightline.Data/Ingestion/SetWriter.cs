using System.Data.Common;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace Sightline.Data.Ingestion;

/// <summary>One column of a <see cref="SetTable{T}"/>: its name, its PostgreSQL type for binary COPY, and how to read it from a row.</summary>
internal sealed record SetColumn<T>(string Name, NpgsqlDbType Type, Func<T, object?> Value);

/// <summary>
/// A table written set-based: the columns written, the column an existing row is counted by (its id), the primary
/// key an existing row is found by on conflict (which holds the host key: docs/scaling.md), and the assignments that
/// merge a written row (<c>excluded</c>) into an existing one (the table's own name), built for a dialect so that the
/// same rule reads the same on SQLite and PostgreSQL.
/// </summary>
internal sealed record SetTable<T>(string Name, string Conflict, IReadOnlyList<SetColumn<T>> Columns, Func<SqlDialect, string> Merge)
{
    /// <summary>The primary key's columns, when it is not the id alone.</summary>
    public IReadOnlyList<string> Key { get; init; } = [Conflict];

    public string KeyList => string.Join(", ", Key.Select(c => $"\"{c}\""));
}

/// <summary>The few SQL spellings that differ between the stores.</summary>
internal sealed record SqlDialect(string Least, string Greatest)
{
    public static readonly SqlDialect Sqlite = new("MIN", "MAX");
    public static readonly SqlDialect Postgres = new("LEAST", "GREATEST");

    /// <summary>The earlier of two nullable values, the other when one is null (as <see cref="HostUpserter.Min"/>).</summary>
    public string NullableLeast(string a, string b) => $"{Least}(COALESCE({a}, {b}), COALESCE({b}, {a}))";

    /// <summary>The later of two nullable values, the other when one is null (as <see cref="HostUpserter.Max"/>).</summary>
    public string NullableGreatest(string a, string b) => $"{Greatest}(COALESCE({a}, {b}), COALESCE({b}, {a}))";
}

/// <summary>
/// Writes a batch's rows set-based, inside the batch's transaction and on the DbContext's own connection, instead
/// of entity by entity through change tracking: on PostgreSQL by binary COPY into a temporary staging table (dropped
/// at commit) and one <c>INSERT ... SELECT ... ON CONFLICT DO UPDATE</c> per table; on SQLite by one prepared
/// <c>INSERT ... ON CONFLICT DO UPDATE</c> statement per table, reused for every row. Rows given must be unique by
/// the conflict column (the importer merges a batch's duplicates first): PostgreSQL refuses to update one row twice
/// in a statement.
/// </summary>
internal sealed class SetWriter
{
    private static readonly ValueConverter _sqliteTime = new DateTimeOffsetToBinaryConverter();

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly bool _postgres;

    public SetWriter(SightlineDb db)
    {
        _connection = db.Database.GetDbConnection();
        _transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A set-based write runs inside the batch's transaction.");
        _postgres = _connection is NpgsqlConnection;
    }

    public SqlDialect Dialect => _postgres ? SqlDialect.Postgres : SqlDialect.Sqlite;

    /// <summary>How many of <paramref name="keys"/> are already stored in the table's conflict column.</summary>
    public async Task<long> CountStoredAsync<T>(SetTable<T> table, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0)
        {
            return 0;
        }
        await using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "keys";
        if (_postgres)
        {
            command.CommandText = $"SELECT count(*) FROM \"{table.Name}\" WHERE \"{table.Conflict}\" = ANY(@keys)";
            parameter.Value = keys.ToArray();
        }
        else
        {
            command.CommandText = $"SELECT count(*) FROM \"{table.Name}\" WHERE \"{table.Conflict}\" IN (SELECT value FROM json_each(@keys))";
            parameter.Value = JsonSerializer.Serialize(keys);
        }
        command.Parameters.Add(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Inserts the rows, merging each into the stored row with the same conflict column.</summary>
    public Task UpsertAsync<T>(SetTable<T> table, IReadOnlyCollection<T> rows, CancellationToken cancellationToken) =>
        rows.Count == 0 ? Task.CompletedTask
        : _postgres ? UpsertPostgresAsync(table, rows, cancellationToken)
        : UpsertSqliteAsync(table, rows, cancellationToken);

    private async Task UpsertPostgresAsync<T>(SetTable<T> table, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
    {
        var npgsql = (NpgsqlConnection)_connection;
        var stage = "stage_" + table.Name;
        var columns = string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""));
        await ExecuteAsync($"CREATE TEMP TABLE \"{stage}\" (LIKE \"{table.Name}\") ON COMMIT DROP", cancellationToken);
        await using (var copy = await npgsql.BeginBinaryImportAsync($"COPY \"{stage}\" ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                await copy.StartRowAsync(cancellationToken);
                foreach (var column in table.Columns)
                {
                    if (column.Value(row) is { } value)
                    {
                        await copy.WriteAsync(value, column.Type, cancellationToken);
                    }
                    else
                    {
                        await copy.WriteNullAsync(cancellationToken);
                    }
                }
            }
            await copy.CompleteAsync(cancellationToken);
        }
        await ExecuteAsync(
            // In key order, so that the key index is written page after page rather than at random.
            $"INSERT INTO \"{table.Name}\" ({columns}) SELECT {columns} FROM \"{stage}\" ORDER BY {table.KeyList} " +
            $"ON CONFLICT ({table.KeyList}) DO UPDATE SET {table.Merge(SqlDialect.Postgres)}", cancellationToken);
    }

    private async Task UpsertSqliteAsync<T>(SetTable<T> table, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"INSERT INTO \"{table.Name}\" (");
        sql.AppendJoin(", ", table.Columns.Select(c => $"\"{c.Name}\"")).Append(") VALUES (");
        sql.AppendJoin(", ", table.Columns.Select((_, i) => "@p" + i)).Append(')');
        sql.Append($" ON CONFLICT ({table.KeyList}) DO UPDATE SET {table.Merge(SqlDialect.Sqlite)}");
        await using var command = (SqliteCommand)_connection.CreateCommand();
        command.Transaction = (SqliteTransaction)_transaction;
        command.CommandText = sql.ToString();
        var parameters = table.Columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("@p" + i, null))).ToArray();
        command.Prepare();
        // In key order, so that the key index is written page after page rather than at random.
        foreach (var row in InKeyOrder(table, rows))
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = table.Columns[i].Value(row) switch
                {
                    null => DBNull.Value,
                    DateTimeOffset time => _sqliteTime.ConvertToProvider(time),
                    var value => value,
                };
            }
            // Microsoft.Data.Sqlite runs commands synchronously either way; the synchronous call saves a task per row.
            command.ExecuteNonQuery();
        }
    }

    private static IEnumerable<T> InKeyOrder<T>(SetTable<T> table, IReadOnlyCollection<T> rows)
    {
        var key = table.Key.Select(k => table.Columns.First(c => c.Name == k).Value).ToArray();
        var ordered = rows.OrderBy(r => key[0](r), KeyComparer.Instance);
        for (var i = 1; i < key.Length; i++)
        {
            var next = key[i];
            ordered = ordered.ThenBy(r => next(r), KeyComparer.Instance);
        }
        return ordered;
    }

    /// <summary>SQLite's BINARY order for text keys (ordinal), the default order for any other key.</summary>
    private sealed class KeyComparer : IComparer<object?>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(object? x, object? y) =>
            x is string a && y is string b ? string.CompareOrdinal(a, b) : Comparer<object?>.Default.Compare(x, y);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
