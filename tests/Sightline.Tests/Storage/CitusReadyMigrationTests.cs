using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Data;
using Sightline.Tests.Support;

namespace Sightline.Tests.Storage;

/// <summary>
/// A store created at the Pivots migration keeps its rows through CitusReady (WHOIS lookups get the host in their key,
/// ids lose their store-wide unique index), on SQLite (a table rebuild) and PostgreSQL.
/// </summary>
public sealed class CitusReadyMigrationTests : IAsyncLifetime
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sightline-tests", Guid.NewGuid().ToString("N"));
    private StoreOptions _store = null!;

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_dir);
        _store = SightlineServer.PostgresBase is { } pg
            ? StoreOptions.Postgres(new Npgsql.NpgsqlConnectionStringBuilder(pg) { Database = "sightline_test_" + Guid.NewGuid().ToString("N") }.ConnectionString)
            : StoreOptions.Sqlite(Path.Combine(_dir, "sightline.db"));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using (var db = _store.CreateContext())
        {
            await db.Database.EnsureDeletedAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private const string InsertWhois = """
        INSERT INTO "WhoisRecords" ("HostId", "Id", "IsCurrent", "Registrant_Email", "Nameservers")
        VALUES ('contoso.example', 'v1', TRUE, 'owner@contoso.example', @empty), ('fabrikam.example', 'v2', TRUE, 'owner@contoso.example', @empty)
        """;

    private const string InsertDns = """
        INSERT INTO "PassiveDnsRecords" ("ParentHostId", "Id", "ArtifactId", "ArtifactKind", "RecordType", "FirstSeenDateTime", "LastSeenDateTime", "CollectedDateTime", "Count")
        VALUES ('contoso.example', 'p1', '203.0.113.7', 1, 'A', @t, @t, @t, 3), ('contoso.example', 'p2', '203.0.113.8', 1, 'A', @t, @t, @t, 4)
        """;

    [Fact]
    public async Task Rows_stored_before_survive_and_lookups_are_keyed_by_host()
    {
        await using (var db = _store.CreateContext())
        {
            var migrator = db.GetInfrastructure().GetRequiredService<IMigrator>();
            await migrator.MigrateAsync(db.Database.GetMigrations().First(m => m.EndsWith("_Pivots", StringComparison.Ordinal)));
            var empty = _store.IsPostgres ? "CAST('[]' AS jsonb)" : "'[]'";
            var time = _store.IsPostgres ? "TIMESTAMPTZ '2026-01-01T00:00:00Z'" : "0";
            await db.Database.ExecuteSqlRawAsync(InsertWhois.Replace("@empty", empty, StringComparison.Ordinal));
            await db.Database.ExecuteSqlRawAsync(InsertDns.Replace("@t", time, StringComparison.Ordinal));
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "WhoisLookups" ("Path", "Value", "HostId", "RecordId")
                VALUES ('registrant/email', 'owner@contoso.example', 'contoso.example', 'v1'), ('registrant/email', 'owner@contoso.example', 'fabrikam.example', 'v2')
                """);
        }

        await using (var db = _store.CreateContext())
        {
            await StoreSetup.PrepareAsync(db);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            var lookups = await db.WhoisLookups.OrderBy(l => l.HostId).Select(l => $"{l.Path}={l.Value}@{l.HostId}/{l.RecordId}").ToListAsync();
            Assert.Equal(["registrant/email=owner@contoso.example@contoso.example/v1", "registrant/email=owner@contoso.example@fabrikam.example/v2"], lookups);
            var dns = await db.PassiveDnsRecords.OrderBy(p => p.Id).Select(p => $"{p.ParentHostId}/{p.Id}>{p.ArtifactId}x{p.Count}").ToListAsync();
            Assert.Equal(["contoso.example/p1>203.0.113.7x3", "contoso.example/p2>203.0.113.8x4"], dns);

            // The id alone is no longer a store-wide unique key (only (host, id) is), as on a sharded store.
            await db.Database.ExecuteSqlRawAsync(InsertDns.Replace("'contoso.example'", "'fabrikam.example'", StringComparison.Ordinal)
                .Replace("@t", _store.IsPostgres ? "TIMESTAMPTZ '2026-01-01T00:00:00Z'" : "0", StringComparison.Ordinal));
            Assert.Equal(2, await db.PassiveDnsRecords.CountAsync(p => p.Id == "p1"));
        }
    }
}
