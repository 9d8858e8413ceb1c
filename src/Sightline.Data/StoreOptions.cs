using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Sightline.Data;

/// <summary>Where the store lives: a SQLite file (the default) or a PostgreSQL connection string.</summary>
public sealed record StoreOptions(string Provider, string ConnectionString)
{
    public static StoreOptions Sqlite(string path) =>
        new("sqlite", $"Data Source={path};Cache=Shared;Pooling=True");

    public static StoreOptions Postgres(string connectionString) => new("postgres", connectionString);

    /// <summary>The store of a data folder: its SQLite file, unless a PostgreSQL connection string is given.</summary>
    public static StoreOptions For(string dataDir, string? postgres) =>
        postgres is { Length: > 0 } ? Postgres(postgres) : Sqlite(Path.Combine(dataDir, "sightline.db"));

    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase);

    public SightlineDb CreateContext(params IInterceptor[] interceptors) => IsPostgres
        ? new PostgresSightlineDb(new DbContextOptionsBuilder<PostgresSightlineDb>().UseNpgsql(ConnectionString).AddInterceptors(interceptors).Options)
        : new SqliteSightlineDb(new DbContextOptionsBuilder<SqliteSightlineDb>().UseSqlite(ConnectionString, o => o.UseParameterizedCollectionMode(CollectionMode)).AddInterceptors([SqliteTuningInterceptor.Instance, .. interceptors]).Options);

    /// <summary>
    /// On SQLite, <c>ids.Contains(x.Id)</c> binds the list as one JSON parameter read with <c>json_each</c>. EF Core 10's
    /// default binds one parameter per element, and an import batch names tens of thousands of hosts: beyond SQLite's
    /// 32,766 bound parameters the statement fails. (PostgreSQL binds the list as one array already.)
    /// </summary>
    private const ParameterTranslationMode CollectionMode = ParameterTranslationMode.Parameter;

    private static DbContextOptionsBuilder Common(DbContextOptionsBuilder options) => options
        .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking)
        // A WHOIS contact whose fields are all empty reads back as no contact (null), which is what Graph shows.
        .ConfigureWarnings(w => w.Ignore(RelationalEventId.OptionalDependentWithoutIdentifyingPropertyWarning));

    public void Register(IServiceCollection services)
    {
        if (IsPostgres)
        {
            services.AddDbContextPool<SightlineDb, PostgresSightlineDb>(o => Common(o.UseNpgsql(ConnectionString)));
        }
        else
        {
            services.AddDbContextPool<SightlineDb, SqliteSightlineDb>(o => Common(o.UseSqlite(ConnectionString, n => n.UseParameterizedCollectionMode(CollectionMode)).AddInterceptors(SqliteTuningInterceptor.Instance)));
        }
    }
}

internal sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteSightlineDb>
{
    public SqliteSightlineDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSightlineDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresSightlineDb>
{
    public PostgresSightlineDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSightlineDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
