using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Floor;
using Sightline.Tests.Support;

namespace Sightline.Tests.Api;

/// <summary>
/// The benchmark's floor is a fair comparison: for each benchmarked route, the floor endpoint runs the very SQL the
/// route ran and answers the very same bytes (on the demo dataset, on SQLite and on PostgreSQL).
/// </summary>
public sealed class FloorTests(FloorTests.Fixture fixture) : IClassFixture<FloorTests.Fixture>
{
    private readonly SightlineServer _server = fixture.Server;
    private readonly HttpClient _client = fixture.Client;

    public sealed class Fixture : IAsyncLifetime
    {
        private IDisposable? _subscription;

        public SightlineServer Server { get; private set; } = null!;

        public HttpClient Client { get; private set; } = null!;

        public CommandLog Log { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Server = await SightlineServer.StartAsync(settings: s => s with { BenchFloor = true });
            Client = Server.Client();
            using (var db = Server.CreateDb())
            {
                Log = new CommandLog(CommandLog.Key(db.Database.GetDbConnection()));
            }
            _subscription = DiagnosticListener.AllListeners.Subscribe(Log);
        }

        public async Task DisposeAsync()
        {
            _subscription?.Dispose();
            await Server.DisposeAsync();
        }
    }

    public static TheoryData<string, string> Routes => new()
    {
        { "host", "hosts/contoso-login.com" },
        { "host", "hosts/40.83.183.71" },
        { "reputation", "hosts/contoso-login.com/reputation" },
        { "passiveDns", "hosts/northwind-flux.net/passiveDns?$top=100" },
        { "passiveDns", "hosts/northwind-flux.net/passiveDns?$top=100&$skip=300" },
        { "passiveDns", "hosts/northwind-flux.net/passiveDns?$top=7&$skip=3" },
        { "passiveDnsReverse", "hosts/40.83.183.71/passiveDnsReverse" },
        { "passiveDnsReverse", "hosts/40.83.183.71/passiveDnsReverse?$top=2" },
        { "whois", "hosts/contoso-login.com/whois" },
        { "articles:1", "articles?$search=ransomware&$top=10" },
        { "articles:1", "articles?$search=ransomware&$top=2" },
        { "articles:2", "articles?$search=ransomware%20payload&$top=3" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task The_floor_runs_the_routes_sql_and_answers_the_same_json(string statement, string path)
    {
        var real = await GetAsync($"{Graph.Root}/{path}");
        var floor = await GetAsync($"/floor{Graph.Root}/{path}");

        Assert.Equal(200, real.Status);
        Assert.Equal(real.Body, floor.Body);
        Assert.Equal(real.ContentType, floor.ContentType);
        var sql = _server.Services.GetRequiredService<FloorStatements>().SqlOf(statement);
        Assert.NotNull(sql);
        // The same statement; only the names EF Core gives parameters differ (it names them after the captured variable).
        Assert.Contains(Unnamed(sql), fixture.Log.Commands.Select(Unnamed));
    }

    [Fact]
    public async Task An_unknown_host_is_the_same_404_on_both_and_the_existence_check_is_the_routes()
    {
        var real = await GetAsync($"{Graph.Root}/hosts/nowhere.invalid/passiveDns");
        var floor = await GetAsync($"/floor{Graph.Root}/hosts/nowhere.invalid/passiveDns");
        Assert.Equal(404, real.Status);
        Assert.Equal(404, floor.Status);
        Assert.Contains("itemNotFound", floor.Body, StringComparison.Ordinal);
        Assert.Contains(Unnamed(_server.Services.GetRequiredService<FloorStatements>().SqlOf("hostExists")!), fixture.Log.Commands.Select(Unnamed));
    }

    [Fact]
    public async Task The_floor_is_not_mapped_unless_asked_for()
    {
        await using var plain = await SightlineServer.StartAsync(loadDemo: false);
        using var response = await plain.Client().GetAsync($"/floor{Graph.Root}/hosts/contoso-login.com");
        Assert.Equal(404, (int)response.StatusCode);
    }

    private static string Unnamed(string sql) => System.Text.RegularExpressions.Regex.Replace(sql, @"@\w+", "@p");

    private async Task<(int Status, string Body, string? ContentType)> GetAsync(string url)
    {
        using var response = await _client.GetAsync(url);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.ToString());
    }

    /// <summary>The SQL text of every command EF Core runs in this process (its diagnostic events need no logging setup).</summary>
    public sealed class CommandLog(string store) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        private readonly ConcurrentBag<IDisposable> _subscriptions = [];
        private readonly ConcurrentDictionary<string, bool> _commands = new(StringComparer.Ordinal);

        public ICollection<string> Commands => _commands.Keys;

        /// <summary>Which store a connection reaches: the file on SQLite, server and database on PostgreSQL.</summary>
        public static string Key(DbConnection connection) => connection.DataSource + "|" + connection.Database;

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData { Command: DbCommand command }
                && command.Connection is { } connection && Key(connection) == store)
            {
                _commands.TryAdd(command.CommandText, true);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
