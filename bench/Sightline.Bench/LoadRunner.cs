using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Sightline.Bench;

/// <summary>
/// A closed loop: <c>concurrency</c> workers share one counter and each sends its next request as soon as the
/// previous one's body is read, until the batch's requests are used up (or its time bound passes).
/// </summary>
internal static class LoadRunner
{
    private const int _keptErrorSamples = 5;

    public static async Task<BatchResult> RunAsync(
        HttpClient http, BenchRoute route, string url, int concurrency, BenchSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Warmup > 0)
        {
            // The warm-up has its own, shorter bound so that a slow machine still leaves the measured batch its time.
            await RunBatchAsync(http, url, concurrency, settings.Warmup, Deadline(settings.MaxSecondsPerBatch / 4), cancellationToken);
        }
        var batch = await RunBatchAsync(http, url, concurrency, settings.Requests, Deadline(settings.MaxSecondsPerBatch), cancellationToken);

        var latencies = batch.Latencies.Take(batch.Completed).ToArray();
        Array.Sort(latencies);
        return new BatchResult
        {
            Route = route,
            Concurrency = concurrency,
            Planned = settings.Requests,
            Completed = batch.Completed,
            Errors = batch.Errors,
            ErrorSamples = [.. batch.ErrorSamples.Keys.Order(StringComparer.Ordinal)],
            Elapsed = batch.Elapsed,
            Median = Percentile(latencies, 0.50),
            P90 = Percentile(latencies, 0.90),
            P99 = Percentile(latencies, 0.99),
            Max = latencies.Length > 0 ? ToMilliseconds(latencies[^1]) : double.NaN,
            BytesPerResponse = batch.Completed > 0 ? batch.Bytes / batch.Completed : 0,
        };
    }

    private static async Task<RawBatch> RunBatchAsync(
        HttpClient http, string url, int concurrency, int requests, long deadline, CancellationToken cancellationToken)
    {
        var raw = new RawBatch(requests);
        var next = -1;
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while (Stopwatch.GetTimestamp() < deadline && (index = Interlocked.Increment(ref next)) < requests)
            {
                var (ticks, bytes, error) = await SendAsync(http, url, cancellationToken);
                raw.Latencies[index] = ticks;
                Interlocked.Add(ref raw.Bytes, bytes);
                Interlocked.Increment(ref raw.Done);
                if (error is not null)
                {
                    Interlocked.Increment(ref raw.ErrorCount);
                    if (raw.ErrorSamples.Count < _keptErrorSamples)
                    {
                        raw.ErrorSamples.TryAdd(error, 0);
                    }
                }
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers);
        raw.Elapsed = Stopwatch.GetElapsedTime(started);
        // Every number taken below `requests` is sent, so the finished requests are exactly the first Done numbers.
        return raw;
    }

    private static async Task<(long Ticks, long Bytes, string? Error)> SendAsync(HttpClient http, string url, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var ticks = Stopwatch.GetTimestamp() - start;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                var excerpt = System.Text.Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 200));
                return (ticks, body.Length, string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode}: {excerpt}"));
            }
            return (ticks, body.Length, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return (Stopwatch.GetTimestamp() - start, 0, e.GetType().Name + ": " + e.Message);
        }
    }

    private static double Percentile(long[] sorted, double fraction)
    {
        if (sorted.Length == 0)
        {
            return double.NaN;
        }
        // Nearest rank: the smallest value with at least this fraction of the samples at or below it.
        var rank = (int)Math.Ceiling(fraction * sorted.Length);
        return ToMilliseconds(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)]);
    }

    private static long Deadline(double seconds) => Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);

    private static double ToMilliseconds(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private sealed class RawBatch(int requests)
    {
        public readonly long[] Latencies = new long[requests];
        public readonly ConcurrentDictionary<string, byte> ErrorSamples = new(StringComparer.Ordinal);
        public long Bytes;
        public int Done;
        public int ErrorCount;

        public TimeSpan Elapsed { get; set; }
        public int Completed => Volatile.Read(ref Done);
        public int Errors => Volatile.Read(ref ErrorCount);
    }
}

internal sealed class BatchResult
{
    public required BenchRoute Route { get; init; }
    public required int Concurrency { get; init; }
    public required int Planned { get; init; }
    public required int Completed { get; init; }
    public required int Errors { get; init; }
    public required IReadOnlyList<string> ErrorSamples { get; init; }
    public required TimeSpan Elapsed { get; init; }
    public required double Median { get; init; }
    public required double P90 { get; init; }
    public required double P99 { get; init; }
    public required double Max { get; init; }
    public required long BytesPerResponse { get; init; }

    public double RequestsPerSecond => Elapsed > TimeSpan.Zero ? Completed / Elapsed.TotalSeconds : 0;
    public bool StoppedEarly => Completed < Planned;
}
