using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Sightline.Data;

/// <summary>
/// Per-connection SQLite settings, applied each time a connection opens (a pooled connection keeps them, so applying
/// them again costs one short statement). SQLite's default page cache is 2 MiB per connection: beyond a few hundred
/// thousand rows nearly every index page an insert or lookup touches is a miss, read back from the operating
/// system's cache one system call at a time. The store's connections share one cache (<c>Cache=Shared</c>), so
/// this is the bound for the process, not per connection. Measured in docs/benchmarks.md.
/// </summary>
public static class SqliteTuning
{
    /// <summary>The page cache's bound, in KiB (SQLite reads a negative <c>cache_size</c> as KiB).</summary>
    public const int CacheKib = 256 * 1024;

    public const string Pragmas = "PRAGMA cache_size=-262144;";

    public static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}

/// <summary>Applies <see cref="SqliteTuning"/> to every connection an EF Core context opens.</summary>
internal sealed class SqliteTuningInterceptor : DbConnectionInterceptor
{
    public static readonly SqliteTuningInterceptor Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => SqliteTuning.Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        SqliteTuning.Apply(connection);
        return Task.CompletedTask;
    }
}
