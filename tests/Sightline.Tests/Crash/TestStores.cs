using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using Sightline.Tests.Support;

namespace Sightline.Tests.Crash;

/// <summary>Fresh stores of the suite's database: a SQLite file in a new folder, or a new PostgreSQL database.</summary>
public static class TestStores
{
    public static StoreOptions Fresh(out string folder)
    {
        folder = Path.Combine(Path.GetTempPath(), "sightline-crash", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return SightlineServer.PostgresBase is { } pg
            ? StoreOptions.Postgres(new Npgsql.NpgsqlConnectionStringBuilder(pg) { Database = "sightline_crash_" + Guid.NewGuid().ToString("N") }.ConnectionString)
            : StoreOptions.Sqlite(Path.Combine(folder, "sightline.db"));
    }

    public static async Task DeleteAsync(StoreOptions store, string folder)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (store.IsPostgres)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            try
            {
                await using var db = store.CreateContext();
                await db.Database.EnsureDeletedAsync();
            }
            catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException)
            {
                // A killed server's backend can outlive it for a moment, or a busy server refuse the connection; a
                // leftover test database is harmless, and this must not hide the test's own result.
            }
        }
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder's cleanup.
        }
    }
}
