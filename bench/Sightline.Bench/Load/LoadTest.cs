using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Sightline.Bench.Load;

/// <summary>
/// The load check: the real server with the demo and throttling on, driven for a fixed time by well-behaved clients
/// (each token subject paced under the rate limit, so any answer but 200 is an error) and one throttled client
/// (no pacing, so its 429s are intended and counted apart), while the server's memory is sampled.
/// </summary>
internal static class LoadTest
{
    private const string _graphRoot = "/v1.0/security/threatIntelligence/";
    private const string _throttledSubject = "load-throttled";

    public static async Task<LoadResult> RunAsync(LoadSettings settings, CancellationToken cancellationToken)
    {
        var result = new LoadResult { StartedAt = DateTimeOffset.UtcNow, LoadAverageBefore = MachineInfo.LoadAverage() };
        result.Main.AddRange(LoadSettings.Routes.Select(r => new RouteStats(r)));
        result.Throttled.AddRange(LoadSettings.Routes.Select(r => new RouteStats(r)));
        MachineInfo.Log($"Starting {settings.Server.ServerDll} on {settings.Server.StoreName} with {string.Join(' ', settings.ServeArgs)}...");
        var clock = Stopwatch.StartNew();
        ServerProcess? server = null;
        try
        {
            server = ServerProcess.Start(settings.Server, settings.ServeArgs);
            result.ServerPid = server.Pid;
            await server.WaitUntilAnsweringAsync(settings.Server.StartTimeout, cancellationToken);
            result.TimeToFirstAnswer = clock.Elapsed;
            MachineInfo.Log(Invariant($"Server pid {server.Pid} answered after {result.TimeToFirstAnswer.TotalSeconds:F1} s; minting {settings.Clients + 1} tokens..."));

            var subjects = Enumerable.Range(0, settings.Clients).Select(i => Invariant($"load-client-{i:D2}")).Append(_throttledSubject).ToList();
            var tokens = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var chunk in subjects.Chunk(4))
            {
                var minted = await Task.WhenAll(chunk.Select(s => server.MintTokenAsync(settings.Server, cancellationToken, s)));
                foreach (var (subject, token) in chunk.Zip(minted))
                {
                    tokens[subject] = token;
                }
            }

            using var http = CreateClient(server.BaseUri, settings.Concurrency + settings.ThrottledWorkers);
            var window = TimeSpan.FromSeconds(settings.RateWindowSeconds);
            var pacers = subjects.Take(settings.Clients).Select(_ => new Pacer(settings.PacedLimit, window)).ToList();
            var deadline = Stopwatch.GetTimestamp() + (long)(settings.Duration.TotalSeconds * Stopwatch.Frequency);
            var mainNext = -1;
            var throttledNext = -1;
            MachineInfo.Log(Invariant($"Driving {LoadSettings.Routes.Count} routes for {settings.Duration.TotalMinutes:F1} min: {settings.Concurrency} workers over {settings.Clients} paced clients, {settings.ThrottledWorkers} on the throttled client."));
            result.LoadStarted = clock.Elapsed;

            var workers = new List<Task>();
            for (var i = 0; i < settings.Concurrency; i++)
            {
                var client = i % settings.Clients;
                workers.Add(Task.Run(() => DriveAsync(http, tokens[subjects[client]], pacers[client], result.Main, () => Interlocked.Increment(ref mainNext), deadline, throttled: false, cancellationToken), cancellationToken));
            }
            for (var i = 0; i < settings.ThrottledWorkers; i++)
            {
                workers.Add(Task.Run(() => DriveAsync(http, tokens[_throttledSubject], null, result.Throttled, () => Interlocked.Increment(ref throttledNext), deadline, throttled: true, cancellationToken), cancellationToken));
            }
            var sampling = SampleAsync(server, result, settings.SampleEvery, deadline, clock, cancellationToken);
            await Task.WhenAll(workers);
            await sampling;
            result.LoadElapsed = clock.Elapsed - result.LoadStarted;
            result.PacedWaits = pacers.Sum(p => Interlocked.Read(ref p.PacedWaits));
            if (server.HasExited)
            {
                throw new BenchException($"The server exited during the run.{Environment.NewLine}{server.RecentOutput}");
            }
            result.LoadAverageAfter = MachineInfo.LoadAverage();
            result.PeakKib = server.ReadStatusKib("VmHWM");
            result.ServerStderrLines = server.StderrLines;
        }
        catch (BenchException e)
        {
            result.Failure = e.Message;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            result.Failure = "Cancelled.";
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
                MachineInfo.Log("Server stopped and its data folder deleted.");
            }
        }
        if (result.Failure is null && result.Throttled.Sum(r => r.Statuses.GetValueOrDefault("429")) == 0)
        {
            result.Failure = "The throttled client never got a 429: lower --rate-limit or raise --throttled-workers so that throttling is exercised.";
        }
        return result;
    }

    private static async Task DriveAsync(HttpClient http, string token, Pacer? pacer, List<RouteStats> stats, Func<int> next,
        long deadline, bool throttled, CancellationToken cancellationToken)
    {
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (pacer is not null)
            {
                await pacer.WaitTurnAsync(cancellationToken);
            }
            var route = stats[(int)((uint)next() % (uint)stats.Count)];
            var start = Stopwatch.GetTimestamp();
            var (status, error) = await SendAsync(http, token, _graphRoot + route.Route.Path, throttled, cancellationToken);
            route.Add(status, start, error);
            if (status == "429")
            {
                // An impatient client: it retries after a fifth of a second instead of honouring Retry-After.
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    private static async Task<(string Status, string? Error)> SendAsync(HttpClient http, string token, string url, bool throttled, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return (status, null);
            }
            var excerpt = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200)).ReplaceLineEndings(" ");
            if (throttled && response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                // Intended, if it is Graph's throttling answer.
                return response.Headers.RetryAfter is not null && excerpt.Contains("\"TooManyRequests\"", StringComparison.Ordinal)
                    ? (status, null)
                    : (status, "429 without Retry-After or Graph's TooManyRequests envelope: " + excerpt);
            }
            return (status, Invariant($"HTTP {status} on {url}: {excerpt}"));
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException && !cancellationToken.IsCancellationRequested)
        {
            return ("no answer", Invariant($"{e.GetType().Name} on {url}: {e.Message}"));
        }
    }

    private static async Task SampleAsync(ServerProcess server, LoadResult result, TimeSpan every, long deadline, Stopwatch clock, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = server.BaseUri, Timeout = TimeSpan.FromSeconds(30) };
        while (true)
        {
            long? heap = null;
            try
            {
                // /healthz/details answers a loopback caller without a token; /healthz is never throttled, nor is this.
                using var response = await http.GetAsync("/healthz/details", cancellationToken);
                using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                heap = json.RootElement.TryGetProperty("managedHeapBytes", out var h) ? h.GetInt64() : null;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException && !cancellationToken.IsCancellationRequested)
            {
                // The sample keeps its RSS; the heap is left out.
            }
            var requests = result.Main.Sum(r => r.Count) + result.Throttled.Sum(r => r.Count);
            var sample = new MemorySample(clock.Elapsed - result.LoadStarted, server.ReadStatusKib("VmRSS"), heap, requests);
            result.Samples.Add(sample);
            MachineInfo.Log(Invariant($"t={sample.At.TotalSeconds,5:F0} s  RSS {sample.RssKib / 1024.0,6:F1} MiB  heap {heap / 1048576.0,6:F1} MiB  requests {requests,8}  errors {result.Main.Sum(r => r.Errors) + result.Throttled.Sum(r => r.Errors)}"));
            if (server.HasExited || Stopwatch.GetTimestamp() >= deadline)
            {
                return;
            }
            var left = TimeSpan.FromSeconds((deadline - Stopwatch.GetTimestamp()) / (double)Stopwatch.Frequency);
            await Task.Delay(left < every ? left + TimeSpan.FromMilliseconds(50) : every, cancellationToken);
        }
    }

    private static HttpClient CreateClient(Uri baseUri, int connections)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(connections * 2, 16),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
        };
        var http = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(90) };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return http;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

internal sealed class LoadResult
{
    public DateTimeOffset StartedAt { get; init; }
    public string LoadAverageBefore { get; init; } = "n/a";
    public string LoadAverageAfter { get; set; } = "n/a";
    public int? ServerPid { get; set; }
    public TimeSpan TimeToFirstAnswer { get; set; }
    public TimeSpan LoadStarted { get; set; }
    public TimeSpan LoadElapsed { get; set; }
    public long? PeakKib { get; set; }
    public long PacedWaits { get; set; }
    public int ServerStderrLines { get; set; }
    public List<RouteStats> Main { get; } = [];
    public List<RouteStats> Throttled { get; } = [];
    public List<MemorySample> Samples { get; } = [];
    public string? Failure { get; set; }

    public long Errors => Main.Sum(r => Interlocked.Read(ref r.Errors)) + Throttled.Sum(r => Interlocked.Read(ref r.Errors));
    public bool Succeeded => Failure is null && Errors == 0;
}
