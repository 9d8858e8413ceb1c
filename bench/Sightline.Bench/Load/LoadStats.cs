using System.Collections.Concurrent;
using System.Diagnostics;

namespace Sightline.Bench.Load;

/// <summary>What one route answered during the run, for the well-behaved clients or the throttled one.</summary>
internal sealed class RouteStats(BenchRoute route)
{
    private readonly List<float> _milliseconds = [];
    private readonly Lock _lock = new();

    public BenchRoute Route { get; } = route;
    public ConcurrentDictionary<string, long> Statuses { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<string, byte> ErrorSamples { get; } = new(StringComparer.Ordinal);
    public long Errors;

    public void Add(string status, long startTimestamp, string? error)
    {
        var ms = (float)Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;
        Statuses.AddOrUpdate(status, 1, (_, n) => n + 1);
        if (status == "200")
        {
            lock (_lock)
            {
                _milliseconds.Add(ms);
            }
        }
        if (error is not null)
        {
            Interlocked.Increment(ref Errors);
            if (ErrorSamples.Count < 5)
            {
                ErrorSamples.TryAdd(error, 0);
            }
        }
    }

    public long Count => Statuses.Values.Sum();

    /// <summary>Nearest-rank percentile of the 200 answers' latencies, in ms.</summary>
    public double Percentile(double fraction)
    {
        float[] sorted;
        lock (_lock)
        {
            sorted = [.. _milliseconds];
        }
        if (sorted.Length == 0)
        {
            return double.NaN;
        }
        Array.Sort(sorted);
        return sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}

/// <summary>One memory sample of the server process.</summary>
internal sealed record MemorySample(TimeSpan At, long? RssKib, long? ManagedHeapBytes, long Requests);
