using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using Sightline.Data;

namespace Sightline.Bench.Imports;

/// <summary>What the floor wrote into one table.</summary>
internal sealed record FloorTable(string Name, long Rows);

/// <summary>The floor of one format: the rows written, and how long the plain bulk insert of them took.</summary>
/// <param name="CpuSeconds">The benchmark process's CPU time (user + system) during the insert: all of the work on SQLite, the client's share on PostgreSQL.</param>
internal sealed record FloorResult(IReadOnlyList<FloorTable> Tables, TimeSpan Elapsed, double CpuSeconds)
{
    public long Rows => Tables.Sum(t => t.Rows);
}

/// <summary>
/// The floor of an import (issue 7): the fastest plain bulk insert of the rows the import stored, into the same
/// tables (same schema and indexes, made by the same migration) of a fresh store, with no merging logic at all. The
/// rows are read from the imported store into memory first (not timed); then, timed: on SQLite one prepared
/// <c>INSERT</c> per table, reused for every row, in one transaction, on the import's own connection settings; on
/// PostgreSQL one binary <c>COPY</c> per table in one transaction. Values are copied as the store holds them, so the
/// floor writes byte for byte what the import wrote.
/// </summary>
internal static class ImportFloor
{
    /// <summary>The tables each format's import writes (the ledger aside), parents before the tables that refer to them.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Tables = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["cof"] = ["PassiveDnsRecords", "Hosts", "Subdomains"],
        ["whois"] = ["Hosts", "Subdomains", "WhoisRecords", "WhoisLookups"],
        ["x509"] = ["SslCertificates"],
        ["certsightings"] = ["SslCertificates", "Hosts", "Subdomains", "HostSslCertificates"],
        ["har"] = ["Hosts", "Subdomains", "HostComponents", "HostCookies", "HostPairs", "HostTrackers"],
        ["nmap"] = ["Hosts", "Subdomains", "SslCertificates", "HostComponents", "HostPorts", "HostSslCertificates"],
    };

    private sealed record Loaded(string Name, string[] Columns, string[] Types, List<object?[]> Rows);

    public static async Task<FloorResult> RunAsync(StoreOptions imported, StoreOptions fresh, string[] tables, CancellationToken cancellationToken)
    {
        await using (var db = fresh.CreateContext())
        {
            await StoreSetup.PrepareAsync(db, cancellationToken);
        }
        var loaded = new List<Loaded>();
        await using (var source = Open(imported))
        {
            await source.OpenAsync(cancellationToken);
            foreach (var table in tables)
            {
                loaded.Add(await LoadAsync(source, table, cancellationToken));
            }
        }
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        if (fresh.IsPostgres)
        {
            await CopyAsync(fresh.ConnectionString, loaded, cancellationToken);
        }
        else
        {
            await InsertAsync(fresh.ConnectionString, loaded, cancellationToken);
        }
        var elapsed = clock.Elapsed;
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        return new FloorResult(loaded.Select(l => new FloorTable(l.Name, l.Rows.Count)).ToList(), elapsed, cpuSeconds);
    }

    private static DbConnection Open(StoreOptions store) =>
        store.IsPostgres ? new NpgsqlConnection(store.ConnectionString) : new SqliteConnection(store.ConnectionString);

    private static async Task<Loaded> LoadAsync(DbConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
        var types = Enumerable.Range(0, reader.FieldCount).Select(reader.GetDataTypeName).ToArray();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var row = new object?[columns.Length];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return new Loaded(table, columns, types, rows);
    }

    private static async Task CopyAsync(string connectionString, List<Loaded> tables, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var table in tables)
        {
            var columns = string.Join(", ", table.Columns.Select(c => $"\"{c}\""));
            await using var copy = await connection.BeginBinaryImportAsync($"COPY \"{table.Name}\" ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var row in table.Rows)
            {
                await copy.StartRowAsync(cancellationToken);
                for (var i = 0; i < row.Length; i++)
                {
                    if (row[i] is { } value)
                    {
                        await copy.WriteAsync(value, table.Types[i], cancellationToken);
                    }
                    else
                    {
                        await copy.WriteNullAsync(cancellationToken);
                    }
                }
            }
            await copy.CompleteAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task InsertAsync(string connectionString, List<Loaded> tables, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        SqliteTuning.Apply(connection); // the import's connection settings
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c}\""))}) " +
                $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "@p" + i))})";
            var parameters = table.Columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("@p" + i, null))).ToArray();
            command.Prepare();
            foreach (var row in table.Rows)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (var i = 0; i < row.Length; i++)
                {
                    parameters[i].Value = row[i] ?? DBNull.Value;
                }
                command.ExecuteNonQuery();
            }
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
