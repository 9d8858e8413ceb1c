using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Data;
using Sightline.Tests.Support;
using Xunit.Abstractions;
using static Sightline.Tests.Api.PivotsData;

namespace Sightline.Tests.Api;

/// <summary>
/// The statement behind each pivot page, explained by the database itself: SQLite's query plan (no hint needed),
/// PostgreSQL's with sequential scans and sorts disabled, which shows that the named index can serve the page.
/// </summary>
public sealed class PivotsIndexTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly CommandCapture _capture = new();
    private SightlineServer _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await SightlineServer.StartAsync(loadDemo: false,
            services: s => s.ConfigureDbContext<SqliteSightlineDb>(o => o.AddInterceptors(_capture)).ConfigureDbContext<PostgresSightlineDb>(o => o.AddInterceptors(_capture)));
        await using (var db = _server.CreateDb())
        {
            await SeedAsync(db);
        }
        _client = _server.Client();
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("hostTrackers?$filter=value eq 'G-PIVOT123'", "IX_HostTrackers_Value_Id", true)]
    [InlineData("hostTrackers?$top=5&$skiptoken=x", "IX_HostTrackers_Id", true)]
    [InlineData("hostCookies?$filter=name eq '_pivot_session'", "IX_HostCookies_Name_Id", true)]
    [InlineData("hostCookies?$filter=domain eq '.pivot-ads.example'", "IX_HostCookies_Domain_Id", true)]
    [InlineData("hostComponents?$filter=name eq 'nginx' and version eq '1.18.0'", "IX_HostComponents_Name_Version_Id", true)]
    [InlineData("hostPairs?$filter=childHost/id eq 'cdn.pivot.example'", "IX_HostPairs_ChildHostId_Id", true)]
    [InlineData("passiveDnsRecords?$filter=artifact/id eq '203.0.113.50'", "IX_PassiveDnsRecords_ArtifactId_Id", true)]
    [InlineData("hostSslCertificates?$filter=sslCertificate/id eq 'x'", "IX_HostSslCertificates_SslCertificateId_Id", true)]
    [InlineData("hostPorts?$filter=port eq 3389", "IX_HostPorts_Port_Id", true)]
    [InlineData("subdomains?$filter=host/id eq 'h01.pivot.example'", "IX_Subdomains_HostId_Id", true)]
    [InlineData("hosts?$filter=microsoft.graph.security.ipAddress/autonomousSystem/number eq 64500", "IX_Hosts_AsNumber_Id", true)]
    [InlineData("hosts?$filter=microsoft.graph.security.ipAddress/netblock eq '198.18.0.0/15'", "IX_Hosts_Netblock_Id", true)]
    [InlineData("hosts?$filter=microsoft.graph.security.ipAddress/countryOrRegion eq 'NL'", "IX_Hosts_CountryOrRegion_Id", true)]
    [InlineData("hosts?$filter=microsoft.graph.security.hostname/registrar eq 'Pivot Registrar LLC'", "IX_Hosts_Registrar_Id", true)]
    [InlineData("hosts?$filter=microsoft.graph.security.hostname/registrant eq 'Pivot Holdings'", "IX_Hosts_Registrant_Id", true)]
    [InlineData("whoisRecords?$filter=registrant/email eq 'owner@pivot.example'", "WhoisLookups", false)]
    [InlineData("whoisHistoryRecords?$filter=nameservers/any(n: n/host/id eq 'ns1.pivot-dns.example')", "WhoisLookups", false)]
    [InlineData("whoisRecords?$search=\"technical/email:x@y.example\"", "WhoisLookups", false)]
    public async Task A_pivot_page_is_one_statement_that_reads_its_index(string url, string index, bool inKeyOrder)
    {
        _capture.Clear();
        await _client.GetJsonAsync($"{Graph.Root}/{url}");

        var page = Assert.Single(_capture.Commands, c => c.Text.Contains("LIMIT", StringComparison.OrdinalIgnoreCase));
        var plan = await ExplainAsync(page);
        output.WriteLine(page.Text + "\n---\n" + plan);
        if (_server.Store.IsPostgres)
        {
            // The WHOIS lookup is read through its primary key, PK_WhoisLookups.
            Assert.Contains(index == "WhoisLookups" ? "PK_WhoisLookups" : index, plan, StringComparison.Ordinal);
            return;
        }
        Assert.Contains(index == "WhoisLookups" ? "sqlite_autoindex_WhoisLookups_1" : index, plan, StringComparison.Ordinal);
        // No table is scanned (a SCAN of a lower-case alias is EF's page subquery, already LIMITed).
        Assert.DoesNotMatch(@"(?m)^SCAN [A-Z]", plan);
        if (inKeyOrder)
        {
            // The index is read in key order: the page stops after $top rows, however many share the value.
            Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
        }
    }

    private async Task<string> ExplainAsync(CapturedCommand command)
    {
        await using var db = _server.CreateDb();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        if (_server.Store.IsPostgres)
        {
            await using var settings = connection.CreateCommand();
            settings.CommandText = "SET enable_seqscan = off; SET enable_bitmapscan = off; SET enable_sort = off;";
            await settings.ExecuteNonQueryAsync();
        }
        await using var explain = connection.CreateCommand();
        explain.CommandText = (_server.Store.IsPostgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + command.Text;
        foreach (var parameter in command.Parameters)
        {
            explain.Parameters.Add(parameter is ICloneable cloneable ? cloneable.Clone() : parameter);
        }
        await using var reader = await explain.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetValue(reader.FieldCount - 1).ToString()!);
        }
        return string.Join('\n', lines);
    }
}

public sealed record CapturedCommand(string Text, IReadOnlyList<DbParameter> Parameters);

/// <summary>Keeps every query EF Core runs with its parameters, so a test can ask the database to explain it.</summary>
public sealed class CommandCapture : DbCommandInterceptor
{
    private readonly ConcurrentQueue<CapturedCommand> _commands = new();

    public IReadOnlyList<CapturedCommand> Commands => [.. _commands];

    public void Clear() => _commands.Clear();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        var parameters = command.Parameters.Cast<DbParameter>().Select(p => p is ICloneable c ? (DbParameter)c.Clone() : Copy(command, p)).ToList();
        _commands.Enqueue(new CapturedCommand(command.CommandText, parameters));
        return ValueTask.FromResult(result);
    }

    private static DbParameter Copy(DbCommand command, DbParameter source)
    {
        var copy = command.CreateParameter();
        copy.ParameterName = source.ParameterName;
        copy.DbType = source.DbType;
        copy.Value = source.Value;
        copy.Direction = ParameterDirection.Input;
        return copy;
    }
}
