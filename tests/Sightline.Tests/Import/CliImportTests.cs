using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Sightline.Tests.Support;
using static Sightline.Tests.Import.CofFiles;

namespace Sightline.Tests.Import;

/// <summary>The <c>import</c> command of the real executable, into the store a running server reads.</summary>
public sealed class CliImportTests : IAsyncLifetime
{
    private SightlineServer _server = null!;

    public async Task InitializeAsync() => _server = await SightlineServer.StartAsync(loadDemo: false);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private string Input(string name, string content) => Write(Path.Combine(_server.DataDir, "inputs"), name, content);

    [Fact]
    public async Task Cli_import_is_read_back_through_the_running_server()
    {
        var file = Input("sample.cof", Line("cli.contoso.example", "A", "203.0.113.20", count: 2) + "\n" + Line("cli.contoso.example", "AAAA", "2001:db8::20"));
        var (exit, stdout, stderr) = await SightlineCli.RunAsync(TimeSpan.FromSeconds(90), ["import", .. _server.StoreArgs, file]);
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("2 accepted", stdout);
        Assert.DoesNotContain("records,", stdout); // progress goes to a terminal only, never into redirected output
        var records = (await _server.Client().GetJsonAsync($"{Graph.Root}/hosts/cli.contoso.example/passiveDns?$orderby=recordType")).Values();
        Assert.Equal(["A", "AAAA"], records.Select(r => r.GetProperty("recordType").GetString()!).ToArray());
    }

    [Fact]
    public async Task Rejected_records_are_reported_with_file_line_and_reason_and_fail_the_command()
    {
        var file = Input("bad.cof", Line("fine.example", "A", "203.0.113.21") + "\n{not json\n" + Line("x.example", "A", "203.0.113.22", first: T2, last: T1));
        var (exit, stdout, stderr) = await SightlineCli.RunAsync(TimeSpan.FromSeconds(90), ["import", .. _server.StoreArgs, file]);
        Assert.Equal(1, exit);
        Assert.Contains("2 rejected", stdout);
        Assert.Contains($"{file}:2: not a JSON object", stderr);
        Assert.Contains($"{file}:3: time_first is after time_last", stderr);
        Assert.Equal("itemNotFound", await _server.Client().GetErrorAsync($"{Graph.Root}/hosts/fine.example", 404));
    }

    [Fact]
    public async Task Unknown_format_and_missing_file_are_clear_errors()
    {
        var file = Input("mystery.bin", "???");
        var (exit, _, stderr) = await SightlineCli.RunAsync(TimeSpan.FromSeconds(90), ["import", .. _server.StoreArgs, file]);
        Assert.Equal(2, exit);
        Assert.Contains("the format was not recognised", stderr);
        (exit, _, stderr) = await SightlineCli.RunAsync(TimeSpan.FromSeconds(90), ["import", .. _server.StoreArgs, file + ".missing"]);
        Assert.Equal(2, exit);
        Assert.Contains("no such file", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public async Task Killing_an_import_leaves_whole_batches_and_a_rerun_completes_it()
    {
        const int total = 60_000;
        const int batch = 5_000;
        var file = Input("bulk.cof", Generate(total));
        using (var process = Process.Start(SightlineCli.StartInfo(["import", .. _server.StoreArgs, "--batch-size", batch.ToString(), file]))!)
        {
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (DateTime.UtcNow < deadline && !process.HasExited && await CommittedBatchesAsync() < 2)
            {
                await Task.Delay(50);
            }
            Assert.False(process.HasExited, "the import finished before it could be killed; make the input larger");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        await using (var db = _server.Store.CreateContext())
        {
            var ledger = await db.ImportedBatches.SumAsync(b => b.Records);
            var rows = await db.PassiveDnsRecords.CountAsync();
            Assert.True(ledger > 0 && ledger < total, $"ledger {ledger}");
            Assert.Equal(0, ledger % batch);
            Assert.Equal(ledger, rows);
            Assert.Equal(rows * 2 + 1, await db.Hosts.CountAsync()); // each name, its address, and bulk.example above them all
        }
        var page = await _server.Client().GetJsonAsync($"{Graph.Root}/hosts/host0.bulk.example/passiveDns");
        Assert.Single(page.Values());

        var (exit, stdout, stderr) = await SightlineCli.RunAsync(TimeSpan.FromSeconds(300), ["import", .. _server.StoreArgs, "--batch-size", batch.ToString(), file]);
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("already imported", stdout);
        await using (var db = _server.Store.CreateContext())
        {
            Assert.Equal(total, await db.PassiveDnsRecords.CountAsync());
            Assert.Equal(total, await db.PassiveDnsRecords.SumAsync(r => r.Count));
        }
    }

    [Fact]
    public async Task A_batch_naming_more_hosts_than_one_statement_can_bind_is_stored()
    {
        // 33,000 names and as many addresses: 66,001 hosts in one batch, more than SQLite (32,766) or PostgreSQL
        // (65,535) takes as parameters of one statement, so the batch must not look its hosts up one parameter each.
        const int total = 33_000;
        var file = Input("wide.cof", Generate(total));
        var (exit, stdout, stderr) = await SightlineCli.RunAsync(TimeSpan.FromSeconds(300), ["import", .. _server.StoreArgs, "--batch-size", "40000", file]);
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains($"{total:N0} accepted", stdout);
        await using var db = _server.Store.CreateContext();
        Assert.Equal(total * 2 + 1, await db.Hosts.CountAsync());
    }

    private async Task<int> CommittedBatchesAsync()
    {
        try
        {
            await using var db = _server.Store.CreateContext();
            return await db.ImportedBatches.CountAsync();
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException or InvalidOperationException)
        {
            return 0;
        }
    }
}
