using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Sightline.Data;
using Sightline.Hosting;
using Sightline.Tests.Support;

namespace Sightline.Tests.Limits;

/// <summary>
/// A store that cannot answer now (PostgreSQL's connections used up, a SQLite file locked by another process) is a
/// 503 with Retry-After in Graph's envelope, which Graph clients retry; not a 500. Once the store is free again the
/// same request is answered.
/// </summary>
public sealed class StoreUnavailableTests
{
    private const string Url = $"{Graph.Root}/hosts/{TestData.Domain}";

    [Fact]
    public async Task A_store_that_cannot_answer_is_a_503_with_Retry_After_and_the_request_succeeds_once_it_is_free()
    {
        // The server's store allows one connection (PostgreSQL) or waits one second for a lock (SQLite).
        StoreOptions? store = null;
        await using var server = await SightlineServer.StartAsync(loadDemo: false, settings: s => s with
        {
            Store = store = s.Store!.IsPostgres
                ? StoreOptions.Postgres(new NpgsqlConnectionStringBuilder(s.Store.ConnectionString) { MaxPoolSize = 1, Timeout = 1 }.ConnectionString)
                : new StoreOptions("sqlite", s.Store.ConnectionString + ";Default Timeout=1"),
        });
        await using (var db = server.CreateDb())
        {
            await TestData.SeedAsync(db);
        }
        using var client = server.Client();
        Assert.Equal(TestData.Domain, (await client.GetJsonAsync(Url)).GetProperty("id").GetString());

        await using (await HoldStoreAsync(store!))
        {
            using var response = await client.GetAsync(Url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True((int)response.StatusCode == 503, $"{(int)response.StatusCode} {body}");
            var retryAfter = int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), NumberStyles.None, CultureInfo.InvariantCulture);
            Assert.Equal(ErrorHandling.StoreRetryAfterSeconds, retryAfter);
            using var json = System.Text.Json.JsonDocument.Parse(body);
            var error = json.RootElement.GetProperty("error");
            Assert.Equal("serviceNotAvailable", error.GetProperty("code").GetString());
            Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        }

        Assert.Equal(TestData.Domain, (await client.GetJsonAsync(Url)).GetProperty("id").GetString());
    }

    /// <summary>
    /// PostgreSQL: the test takes the pool's only connection (same connection string, so the same pool). SQLite: with
    /// the server's pooled connections closed, another connection takes an exclusive lock, which in WAL mode keeps
    /// every other connection out.
    /// </summary>
    private static async Task<IAsyncDisposable> HoldStoreAsync(StoreOptions store)
    {
        if (store.IsPostgres)
        {
            var held = new NpgsqlConnection(store.ConnectionString);
            await held.OpenAsync();
            return held;
        }
        SqliteConnection.ClearAllPools();
        var path = new SqliteConnectionStringBuilder(store.ConnectionString).DataSource;
        var locker = new SqliteConnection($"Data Source={path};Pooling=False");
        await locker.OpenAsync();
        await using (var command = locker.CreateCommand())
        {
            command.CommandText = "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; CREATE TABLE IF NOT EXISTS held (x); INSERT INTO held VALUES (1);";
            await command.ExecuteNonQueryAsync();
        }
        return new Release(locker);
    }

    private sealed class Release(SqliteConnection locker) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (var command = locker.CreateCommand())
            {
                command.CommandText = "ROLLBACK; PRAGMA locking_mode=NORMAL; SELECT 1 FROM sqlite_master LIMIT 1;";
                await command.ExecuteNonQueryAsync();
            }
            await locker.DisposeAsync();
        }
    }
}
