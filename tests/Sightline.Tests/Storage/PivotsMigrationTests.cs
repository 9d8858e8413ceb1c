using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Data;
using Sightline.Tests.Support;

namespace Sightline.Tests.Storage;

/// <summary>A store that already holds WHOIS versions gets their lookup rows from the Pivots migration.</summary>
public sealed class PivotsMigrationTests : IAsyncLifetime
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

    private const string Insert = """
        INSERT INTO "WhoisRecords" ("HostId", "Id", "IsCurrent", "Registrant_Email", "Admin_Name", "Technical_Organization", "Billing_Email", "Nameservers")
        VALUES ('contoso.example', 'v1', TRUE, ' Owner@Contoso.Example', 'Jo Admin', '', 'billing@contoso.example', @nameservers)
        """;

    [Fact]
    public async Task Existing_whois_versions_get_their_contact_and_name_server_lookups()
    {
        await using (var db = _store.CreateContext())
        {
            var migrator = db.GetInfrastructure().GetRequiredService<IMigrator>();
            await migrator.MigrateAsync(db.Database.GetMigrations().First(m => m.EndsWith("_Initial", StringComparison.Ordinal)));
            var nameservers = """[{"HostId":"ns1.contoso.example"},{"HostId":"NS2.contoso.example "}]""";
            var insert = Insert.Replace("@nameservers", _store.IsPostgres ? "CAST({0} AS jsonb)" : "{0}", StringComparison.Ordinal);
            await db.Database.ExecuteSqlRawAsync(insert, nameservers);
        }

        await using (var db = _store.CreateContext())
        {
            await StoreSetup.PrepareAsync(db);
            var rows = await db.WhoisLookups.OrderBy(l => l.Path).ThenBy(l => l.Value).Select(l => $"{l.Path}={l.Value}@{l.HostId}/{l.RecordId}").ToListAsync();
            Assert.Equal(
                [
                    "admin/name=jo admin@contoso.example/v1",
                    "nameservers/host/id=ns1.contoso.example@contoso.example/v1",
                    "nameservers/host/id=ns2.contoso.example@contoso.example/v1",
                    "registrant/email=owner@contoso.example@contoso.example/v1",
                ], rows);
        }
    }
}
