using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Sightline.Tests.Support;
using Xunit.Abstractions;

namespace Sightline.Tests.Fuzz;

/// <summary>
/// Thousands of generated requests (see <see cref="ApiFuzzCases"/>) against a real Kestrel server on loopback, sent
/// over raw sockets; every answer is judged by <see cref="ApiFuzzOracle"/>, and the server must be healthy and serve
/// the right data afterwards.
/// </summary>
public sealed class ApiFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private SightlineServer _server = null!;
    private int _port;

    public async Task InitializeAsync()
    {
        _server = await SightlineServer.StartAsync(loadDemo: false, host: b => b.WebHost.UseUrls("http://127.0.0.1:0"));
        await using (var db = _server.CreateDb())
        {
            await TestData.SeedAsync(db);
        }
        _port = new Uri(_server.Urls.Single()).Port;
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Generated_requests_never_fail_the_server_and_every_error_is_a_Graph_envelope()
    {
        var seed = FuzzRun.Seed;
        var token = _server.Token();
        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var families = new ConcurrentDictionary<string, int>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(FuzzRun.Indices(FuzzRun.ApiCases), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (index, _) =>
        {
            var request = ApiFuzzCases.Generate(seed, index, token);
            if (FuzzRun.OnlyCase is not null)
            {
                output.WriteLine($"{request.Method} {request.Target}");
            }
            families.AddOrUpdate(request.Family, 1, (_, n) => n + 1);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            string? problem;
            RawResponse? response = null;
            try
            {
                response = await RawHttp.SendAsync(_port, request.Method, request.Target, request.Headers, request.Body, timeout.Token);
                statuses.AddOrUpdate(response.Status, 1, (_, n) => n + 1);
                problem = ApiFuzzOracle.Check(request, response);
            }
            catch (Exception e) when (e is IOException or InvalidDataException or OperationCanceledException or System.Net.Sockets.SocketException)
            {
                problem = "no complete answer: " + e.Message;
            }
            if (problem is not null)
            {
                var body = response?.Body is { } b ? (b.Length > 600 ? b[..600] + "..." : b) : "";
                failures.Add($"seed {seed} {request}\n    -> {problem}; status {response?.Status}; body: {body}");
            }
        });
        clock.Stop();

        var count = FuzzRun.OnlyCase is null ? FuzzRun.ApiCases : 1;
        output.WriteLine($"API fuzz: seed {seed}, {count} cases in {clock.Elapsed.TotalSeconds:N1} s, {failures.Count} failures");
        output.WriteLine("families: " + string.Join(", ", families.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key} {f.Value}")));
        output.WriteLine("statuses: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")));
        // Up to three examples of each kind of failure, so one noisy kind does not hide the others.
        var shown = failures.GroupBy(f => f.Split("\n    -> ")[1].Split("; body:")[0], StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .SelectMany(g => g.Order(StringComparer.Ordinal).Take(3).Prepend($"== {g.Count()} x {g.Key}"))
            .Take(60);
        Assert.True(failures.IsEmpty, $"{failures.Count} of {count} fuzz cases failed (replay one with SIGHTLINE_FUZZ_SEED={seed} SIGHTLINE_FUZZ_CASE=<index>):\n" + string.Join("\n", shown));
        if (FuzzRun.OnlyCase is null)
        {
            // The fuzz reached real data (not only early refusals): a share of its answers are successes.
            Assert.True(statuses.GetValueOrDefault(200) > count / 20, $"only {statuses.GetValueOrDefault(200)} answers were 200");
        }
        await AssertHealthyAsync();
    }

    private async Task AssertHealthyAsync()
    {
        var health = await RawHttp.SendAsync(_port, "GET", "/healthz", [], null, CancellationToken.None);
        Assert.Equal(200, health.Status);
        Assert.Equal("healthy", JsonDocument.Parse(health.Body).RootElement.GetProperty("status").GetString());
        var page = await RawHttp.SendAsync(_port, "GET", $"{Graph.Root}/hosts/{TestData.Domain}/passiveDns?$count=true&$top=1000",
            [new("Authorization", "Bearer " + _server.Token())], null, CancellationToken.None);
        Assert.Equal(200, page.Status);
        var json = JsonDocument.Parse(page.Body).RootElement;
        Assert.Equal(TestData.PassiveDnsCount, json.GetProperty("@odata.count").GetInt32());
        Assert.Equal(TestData.PassiveDnsCount, json.GetProperty("value").GetArrayLength());
    }
}
