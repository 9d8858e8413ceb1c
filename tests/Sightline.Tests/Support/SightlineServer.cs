using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Auth;
using Sightline.Data;
using Sightline.Hosting;

namespace Sightline.Tests.Support;

/// <summary>
/// A real Sightline app (real pipeline, real SQLite file in a temp data folder) on ASP.NET's in-memory test
/// server. With <c>loadDemo</c> the store holds the demo dataset, as after a first <c>serve</c>.
/// </summary>
public sealed class SightlineServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private readonly StoreOptions _store;

    private SightlineServer(WebApplication app, string dataDir, StoreOptions store)
    {
        _app = app;
        DataDir = dataDir;
        _store = store;
    }

    /// <summary>
    /// With <c>SIGHTLINE_TEST_POSTGRES</c> set to a connection string (its database is ignored), every test server
    /// gets a fresh PostgreSQL database instead of a SQLite file, and the whole suite runs on PostgreSQL.
    /// </summary>
    public static string? PostgresBase => Environment.GetEnvironmentVariable("SIGHTLINE_TEST_POSTGRES") is { Length: > 0 } cs ? cs : null;

    public string DataDir { get; }

    public StoreOptions Store => _store;

    /// <summary>The command-line arguments that make the CLI use this server's store.</summary>
    public string[] StoreArgs => _store.IsPostgres ? ["--data-dir", DataDir, "--postgres", _store.ConnectionString] : ["--data-dir", DataDir];

    public IServiceProvider Services => _app.Services;

    /// <summary>The addresses a server started with a <c>host</c> listens on.</summary>
    public ICollection<string> Urls => _app.Urls;

    /// <param name="settings">Changes the server's settings (authentication, HTTPS).</param>
    /// <param name="host">Configures the host instead of the in-memory test server, e.g. real Kestrel addresses.</param>
    public static async Task<SightlineServer> StartAsync(bool loadDemo = true, Action<IServiceCollection>? services = null, string? dataDir = null,
        Func<ServerSettings, ServerSettings>? settings = null, Action<WebApplicationBuilder>? host = null)
    {
        dataDir ??= Path.Combine(Path.GetTempPath(), "sightline-tests", Guid.NewGuid().ToString("N"));
        var store = PostgresBase is { } pg
            ? StoreOptions.Postgres(new Npgsql.NpgsqlConnectionStringBuilder(pg) { Database = "sightline_test_" + Guid.NewGuid().ToString("N") }.ConnectionString)
            : StoreOptions.Sqlite(Path.Combine(dataDir, "sightline.db"));
        var serverSettings = new ServerSettings { DataDir = dataDir, LoadDemo = loadDemo, Store = store };
        serverSettings = settings?.Invoke(serverSettings) ?? serverSettings;
        var app = SightlineApp.Create(serverSettings, b =>
        {
            if (host is null)
            {
                b.WebHost.UseTestServer();
            }
            else
            {
                host(b);
            }
            services?.Invoke(b.Services);
        });
        await SightlineApp.InitializeStoreAsync(app, serverSettings);
        await app.StartAsync();
        return new SightlineServer(app, dataDir, store);
    }

    public string Token(IEnumerable<string>? roles = null, IEnumerable<string>? scopes = null, TimeSpan? lifetime = null) =>
        LocalTokens.Create(SigningKey.LoadOrCreate(DataDir), lifetime ?? TimeSpan.FromHours(1), roles: roles, scopes: scopes);

    /// <summary>A client that sends a valid app token with ThreatIntelligence.Read.All.</summary>
    public HttpClient Client(string? token = null)
    {
        var client = _app.GetTestClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token ?? Token());
        return client;
    }

    public HttpClient AnonymousClient() => _app.GetTestClient();

    public SightlineDb CreateDb() => _app.Services.CreateScope().ServiceProvider.GetRequiredService<SightlineDb>();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_store.IsPostgres)
        {
            try
            {
                await using var db = _store.CreateContext();
                await db.Database.EnsureDeletedAsync();
            }
            catch (Npgsql.PostgresException)
            {
                // Best effort: a server process we may not signal (autovacuum) can hold the test database for a
                // moment; a leftover database is harmless, a failed test for it is not.
            }
        }
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on some platform: the temp folder is cleaned later.
        }
    }
}

/// <summary>One server with the demo dataset, shared by the test classes of the "demo" collection.</summary>
public sealed class DemoServerFixture : IAsyncLifetime
{
    public SightlineServer Server { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SightlineServer.StartAsync();
        Client = Server.Client();
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition("demo")]
public sealed class DemoCollection : ICollectionFixture<DemoServerFixture>;

public static class Graph
{
    public const string Root = "/v1.0/security/threatIntelligence";

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url, int expectedStatus = 200)
    {
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"GET {url} answered {(int)response.StatusCode}, expected {expectedStatus}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Asserts Graph's error envelope and returns its code.</summary>
    public static async Task<string> GetErrorAsync(this HttpClient client, string url, int expectedStatus)
    {
        var json = await client.GetJsonAsync(url, expectedStatus);
        var error = json.GetProperty("error");
        Assert.False(string.IsNullOrEmpty(error.GetProperty("code").GetString()));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        var inner = error.GetProperty("innerError");
        Assert.True(DateTimeOffset.TryParse(inner.GetProperty("date").GetString(), out _));
        Assert.True(Guid.TryParse(inner.GetProperty("request-id").GetString(), out _));
        Assert.False(string.IsNullOrEmpty(inner.GetProperty("client-request-id").GetString()));
        return error.GetProperty("code").GetString()!;
    }

    public static IReadOnlyList<JsonElement> Values(this JsonElement collection) =>
        collection.GetProperty("value").EnumerateArray().ToList();
}
