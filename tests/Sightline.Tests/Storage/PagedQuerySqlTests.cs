using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Sightline.Data;
using Sightline.Tests.Support;
using Xunit.Abstractions;
using static Sightline.Tests.Support.TestData;

namespace Sightline.Tests.Storage;

/// <summary>Records the SQL text of every command EF Core executes.</summary>
public sealed class SqlRecorder : DbCommandInterceptor
{
    private readonly ConcurrentQueue<string> _commands = new();

    public IReadOnlyList<string> Commands => [.. _commands];

    public void Clear() => _commands.Clear();

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        _commands.Enqueue(command.CommandText);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        _commands.Enqueue(command.CommandText);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        _commands.Enqueue(command.CommandText);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        _commands.Enqueue(command.CommandText);
        return ValueTask.FromResult(result);
    }
}

public sealed partial class PagedQuerySqlTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string PageUrl = $"{Graph.Root}/hosts/{Domain}/passiveDns?$top=5&$skip=5&$filter=recordType eq 'A'&$orderby=lastSeenDateTime desc";

    private readonly SqlRecorder _recorder = new();
    private SightlineServer _server = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await SightlineServer.StartAsync(loadDemo: false,
            services: s => s.ConfigureDbContext<SqliteSightlineDb>(o => o.AddInterceptors(_recorder)).ConfigureDbContext<PostgresSightlineDb>(o => o.AddInterceptors(_recorder)));
        await using (var db = _server.CreateDb())
        {
            await TestData.SeedAsync(db);
        }
        _client = _server.Client();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public void Recorder_sees_the_statements_the_app_runs()
    {
        Assert.Contains(_recorder.Commands, c => c.Contains("INSERT INTO \"PassiveDnsRecords\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Paged_filtered_passive_dns_page_is_one_sql_statement_with_limit_offset_and_the_filter_in_where()
    {
        _recorder.Clear();

        var page = await _client.GetJsonAsync(PageUrl);

        var rows = page.Values();
        Assert.Equal(5, rows.Count);
        Assert.All(rows, r => Assert.Equal("A", r.GetProperty("recordType").GetString()));
        var commands = Recorded();
        Assert.True(commands.Count == 1, Describe("one SQL statement", commands));
        AssertPagedSelect(commands[0]);
    }

    [Fact]
    public async Task Paged_passive_dns_page_with_count_is_one_count_and_one_paged_select()
    {
        _recorder.Clear();

        var page = await _client.GetJsonAsync(PageUrl + "&$count=true");

        Assert.Equal(20, page.GetProperty("@odata.count").GetInt32());
        Assert.Equal(5, page.Values().Count);
        var commands = Recorded();
        Assert.True(commands.Count == 2, Describe("two SQL statements", commands));
        var count = Assert.Single(commands, c => c.Contains("COUNT(", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("LIMIT", count, StringComparison.OrdinalIgnoreCase);
        var where = WhereClause(count);
        Assert.Contains("ParentHostId", where, StringComparison.Ordinal);
        Assert.Contains("RecordType", where, StringComparison.Ordinal);
        AssertPagedSelect(Assert.Single(commands, c => !c.Contains("COUNT(", StringComparison.OrdinalIgnoreCase)));
    }

    private IReadOnlyList<string> Recorded()
    {
        var commands = _recorder.Commands;
        output.WriteLine(string.Join("\n---\n", commands));
        return commands;
    }

    private static void AssertPagedSelect(string sql)
    {
        Assert.StartsWith("SELECT", sql.TrimStart(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("FROM \"PassiveDnsRecords\"", sql, StringComparison.Ordinal);
        Assert.Matches(LimitOffset(), sql);
        var where = WhereClause(sql);
        Assert.Contains("\"ParentHostId\" =", where, StringComparison.Ordinal);
        Assert.Contains("\"RecordType\" =", where, StringComparison.Ordinal);
        Assert.Contains("ORDER BY", sql, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The text between WHERE and the next ORDER BY / LIMIT (or the end).</summary>
    private static string WhereClause(string sql)
    {
        var match = Where().Match(sql);
        Assert.True(match.Success, $"no WHERE clause in:\n{sql}");
        return match.Groups["where"].Value;
    }

    private static string Describe(string expected, IReadOnlyList<string> commands) =>
        $"expected {expected}, the server ran {commands.Count}:\n" + string.Join("\n---\n", commands);

    [GeneratedRegex(@"\bWHERE\b(?<where>.*?)(\bORDER BY\b|\bLIMIT\b|$)", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Where();

    [GeneratedRegex(@"\bLIMIT\b.*\bOFFSET\b", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex LimitOffset();
}
