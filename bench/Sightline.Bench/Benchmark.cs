using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Sightline.Bench;

internal static class Benchmark
{
    private const string _graphRoot = "/v1.0/security/threatIntelligence/";

    public static async Task<BenchResult> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var result = new BenchResult { StartedAt = DateTimeOffset.UtcNow, LoadAverageBefore = MachineInfo.LoadAverage() };
        MachineInfo.Log($"Starting {settings.ServerDll} on {settings.StoreName}...");
        var clock = Stopwatch.StartNew();
        ServerProcess? server = null;
        try
        {
            server = ServerProcess.Start(settings);
            result.ServerPid = server.Pid;
            await server.WaitUntilAnsweringAsync(settings.StartTimeout, cancellationToken);
            result.TimeToFirstAnswer = clock.Elapsed;
            result.RssAfterStartKib = server.ReadStatusKib("VmRSS");
            result.PeakAfterStartKib = server.ReadStatusKib("VmHWM");
            MachineInfo.Log(string.Create(CultureInfo.InvariantCulture,
                $"Server pid {server.Pid} answered $metadata after {result.TimeToFirstAnswer.TotalSeconds:F2} s at {server.BaseUri}; data folder {server.DataDir}"));

            var token = await server.MintTokenAsync(settings, cancellationToken);
            using var http = CreateClient(server.BaseUri, token, settings.Concurrency.Max());
            (result.PassiveDnsRecords, result.StoreBytes) = await StoreSize.MeasureAsync(http, settings, server.DataDir, cancellationToken);

            foreach (var level in settings.Concurrency)
            {
                foreach (var route in settings.Routes.SelectMany(r => settings.Floor && r.HasFloor ? new[] { r, r.AsFloor() } : [r]))
                {
                    var url = (route.IsFloor ? "/floor" : "") + _graphRoot + route.Path;
                    var batch = await LoadRunner.RunAsync(http, route, url, level, settings, cancellationToken);
                    result.Batches.Add(batch);
                    MachineInfo.Log(string.Create(CultureInfo.InvariantCulture,
                        $"c={level,-3} {route.Name,-22} {batch.Completed,5} req {batch.RequestsPerSecond,8:F0} req/s  p50 {batch.Median,7:F2} ms  p99 {batch.P99,7:F2} ms  errors {batch.Errors}"));
                    if (server.HasExited)
                    {
                        throw new BenchException($"The server exited during the run.{Environment.NewLine}{server.RecentOutput}");
                    }
                }
            }

            result.LoadAverageAfter = MachineInfo.LoadAverage();
            result.RssAfterRunKib = server.ReadStatusKib("VmRSS");
            result.PeakKib = server.ReadStatusKib("VmHWM");
            result.ServerStderrLines = server.StderrLines;
            result.ServerRecentOutput = server.RecentOutput;
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
                MachineInfo.Log(settings.DataDir is null ? "Server stopped and its data folder deleted." : "Server stopped; its data folder is kept.");
            }
        }
        result.TotalDuration = clock.Elapsed;
        return result;
    }

    private static HttpClient CreateClient(Uri baseUri, string token, int maxConcurrency)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = Math.Max(maxConcurrency * 2, 16),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
            UseCookies = false,
            AllowAutoRedirect = false,
        };
        var http = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return http;
    }
}

internal sealed class BenchResult
{
    public DateTimeOffset StartedAt { get; init; }
    public string LoadAverageBefore { get; init; } = "n/a";
    public string LoadAverageAfter { get; set; } = "n/a";
    public int? ServerPid { get; set; }
    public TimeSpan TimeToFirstAnswer { get; set; }
    public long? RssAfterStartKib { get; set; }
    public long? PeakAfterStartKib { get; set; }
    public long? RssAfterRunKib { get; set; }
    public long? PeakKib { get; set; }
    public int ServerStderrLines { get; set; }
    public string ServerRecentOutput { get; set; } = "";
    public List<BatchResult> Batches { get; } = [];
    public long? PassiveDnsRecords { get; set; }
    public long? StoreBytes { get; set; }
    public string? Failure { get; set; }
    public TimeSpan TotalDuration { get; set; }

    public bool Succeeded => Failure is null && Batches.All(b => b.Errors == 0);
}
