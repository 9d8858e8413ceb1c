using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Auth;
using Sightline.Data;
using Sightline.Tests.Support;

namespace Sightline.Tests.Crash;

/// <summary>
/// The real server process killed with SIGKILL in the middle of an import and in the middle of serving, then started
/// again on the same data folder (SQLite file or PostgreSQL database): what was committed is there, no half of a
/// batch is, the import completes when sent again, and reads leave the store as it was.
/// </summary>
public sealed class KillAndRestartTests
{
    private const int Total = 12_000;
    private const int BatchSize = 600;
    private const int Batches = Total / BatchSize;

    [Fact]
    public async Task A_server_killed_mid_import_and_mid_serving_restarts_with_every_committed_batch_and_nothing_half_written()
    {
        var lines = CrashInput.Lines(Total);
        var body = CrashInput.Bytes(lines);
        var store = TestStores.Fresh(out var dataDir);
        try
        {
            // 1. Kill during POST /ingest, once a few batches are committed.
            long committedBeforeKill;
            using (var server = await ServerProcess.StartAsync(dataDir, store))
            {
                using var ingest = server.Client(dataDir, Permissions.Ingest);
                var import = ingest.PostAsync($"/ingest/cof?name=crash.cof&batchSize={BatchSize}", new ByteArrayContent(body));
                committedBeforeKill = await WaitForCommittedAsync(store, import, atLeast: 3);
                server.Kill();
                await Assert.ThrowsAnyAsync<Exception>(() => import); // the connection died with the server
            }

            // 2. Restart on the same data: it serves, and holds exactly the batches committed before the kill.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools(); // the restarted server, not this process, recovers the WAL
            int committedBatches;
            using (var server = await ServerProcess.StartAsync(dataDir, store))
            {
                using var read = server.Client(dataDir);
                Assert.Equal(HttpStatusCode.OK, (await read.GetAsync($"{Graph.Root}/hosts/{CrashInput.Name(0)}")).StatusCode);
                await StoreState.AssertIntegrityAsync(store);
                await using (var db = store.CreateContext())
                {
                    var ledger = await db.ImportedBatches.Select(b => b.Records).ToListAsync();
                    committedBatches = ledger.Count;
                    Assert.True(committedBatches is >= 3 and < Batches, $"{committedBatches} of {Batches} batches in the ledger: the import was not killed part-way");
                    Assert.All(ledger, records => Assert.Equal(BatchSize, records));
                    Assert.True(await db.PassiveDnsRecords.CountAsync() >= committedBeforeKill, "records committed before the kill are missing");
                }
                await StoreState.AssertConsistentAsync(store);
                // Whole batches only: the store is what a clean import of exactly the committed batches' lines makes.
                Assert.Equal(await StoreState.CleanImportAsync(lines[..(committedBatches * BatchSize)], BatchSize, score: false),
                    await StoreState.FingerprintAsync(store, reputations: false));

                // 3. Sending the file again skips the committed batches and completes the import: the same store as one clean import.
                using var ingest = server.Client(dataDir, Permissions.Ingest);
                using var rerun = await ingest.PostAsync($"/ingest/cof?name=crash.cof&batchSize={BatchSize}", new ByteArrayContent(body));
                var report = JsonDocument.Parse(await rerun.Content.ReadAsStringAsync()).RootElement;
                Assert.True(rerun.StatusCode == HttpStatusCode.OK, report.ToString());
                Assert.Equal(committedBatches * BatchSize, report.GetProperty("alreadyImported").GetInt64());
                Assert.Equal(Total - (committedBatches * BatchSize), report.GetProperty("accepted").GetInt64());
            }
            var complete = await StoreState.FingerprintAsync(store);
            Assert.Equal(await StoreState.CleanImportAsync(lines, BatchSize, score: true), complete);
            await StoreState.AssertConsistentAsync(store);

            // 4. Kill while many reads are in flight; after a restart the data is as it was and the store takes writes.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            using (var server = await ServerProcess.StartAsync(dataDir, store))
            {
                using var read = server.Client(dataDir);
                using var stop = new CancellationTokenSource();
                var answered = new int[1];
                var readers = Enumerable.Range(0, 24).Select(w => ReadAsync(read, w, answered, stop.Token)).ToList();
                var clock = Stopwatch.StartNew();
                while (Volatile.Read(ref answered[0]) < 60 && clock.Elapsed < TimeSpan.FromSeconds(60) && readers.All(r => !r.IsCompleted))
                {
                    await Task.Delay(20);
                }
                Assert.All(readers.Where(r => r.IsCompleted), r => Assert.Fail($"a reader stopped before the kill: {r.Exception}"));
                Assert.True(Volatile.Read(ref answered[0]) >= 60, "the readers got too few answers before the kill");
                server.Kill();
                stop.Cancel();
                await Task.WhenAll(readers);
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            using (var server = await ServerProcess.StartAsync(dataDir, store))
            {
                await StoreState.AssertIntegrityAsync(store);
                Assert.Equal(complete, await StoreState.FingerprintAsync(store));
                using var ingest = server.Client(dataDir, Permissions.Ingest);
                using var write = await ingest.PostAsync("/ingest/cof?name=after.cof",
                    new StringContent(Import.CofFiles.Line("after-crash.example", "A", "203.0.113.99")));
                Assert.True(write.StatusCode == HttpStatusCode.OK, await write.Content.ReadAsStringAsync());
                using var read = server.Client(dataDir);
                var page = await read.GetJsonAsync($"{Graph.Root}/hosts/after-crash.example/passiveDns");
                Assert.Equal("203.0.113.99", Assert.Single(page.Values()).GetProperty("artifact").GetProperty("id").GetString());
            }
        }
        finally
        {
            await TestStores.DeleteAsync(store, dataDir);
        }
    }

    /// <summary>Polls the store until <paramref name="atLeast"/> batches are committed; returns the records stored at that moment.</summary>
    private static async Task<long> WaitForCommittedAsync(StoreOptions store, Task<HttpResponseMessage> import, int atLeast)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(120))
        {
            Assert.False(import.IsCompleted, $"the import ended before it could be killed ({(import.IsCompletedSuccessfully ? import.Result.StatusCode : import.Exception?.GetBaseException().Message)}): make the input larger");
            try
            {
                await using var db = store.CreateContext();
                if (await db.ImportedBatches.CountAsync() >= atLeast)
                {
                    return await db.PassiveDnsRecords.LongCountAsync();
                }
            }
            catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or Npgsql.NpgsqlException or InvalidOperationException)
            {
                // The schema is not there yet or the file is busy: look again.
            }
            await Task.Delay(25);
        }
        throw new TimeoutException($"fewer than {atLeast} batches were committed within 120 s");
    }

    /// <summary>One reader: host, reputation, paged passive DNS (following next links), reverse, subdomains and a pivot, round and round.</summary>
    private static async Task ReadAsync(HttpClient http, int worker, int[] answered, CancellationToken stop)
    {
        await Task.Yield();
        var round = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var j = (worker * 131 + round++ * 17) % CrashInput.Names;
                var a = j - (j % 10); // an index whose lines are A records, so its address is a stored host

                string[] urls =
                [
                    $"{Graph.Root}/hosts/{CrashInput.Name(j)}",
                    $"{Graph.Root}/hosts/{CrashInput.Name(j)}/reputation",
                    $"{Graph.Root}/hosts/{CrashInput.Address(a)}/passiveDnsReverse",
                    $"{Graph.Root}/hosts/d{j % 300}.example/subdomains?$top=5",
                    $"{Graph.Root}/passiveDnsRecords?$filter=artifact/id eq '{CrashInput.Address(a)}'",
                ];
                foreach (var url in urls)
                {
                    await GetAsync(http, url, answered, stop);
                }
                string? next = $"{Graph.Root}/hosts/{CrashInput.Name(j)}/passiveDns?$top=1";
                for (var page = 0; page < 3 && next is not null; page++)
                {
                    next = (await GetAsync(http, next, answered, stop)).TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
                }
            }
        }
        catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
        {
            // The server was killed under this reader (mid-request or mid-body). Before the kill, the test sees the reader end and fails.
        }
    }

    private static async Task<JsonElement> GetAsync(HttpClient http, string url, int[] answered, CancellationToken stop)
    {
        using var response = await http.GetAsync(url, stop);
        var body = await response.Content.ReadAsStringAsync(stop);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url}: {(int)response.StatusCode} {body}");
        Interlocked.Increment(ref answered[0]);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
