using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Sightline.Bench.Load;

internal static class LoadReport
{
    public static string ToMarkdown(LoadSettings settings, LoadResult result, string command)
    {
        var md = new StringBuilder();
        var all = result.Main.Concat(result.Throttled).ToList();
        var total = all.Sum(r => r.Count);
        var throttled429 = result.Throttled.Sum(r => r.Statuses.GetValueOrDefault("429"));
        Line(md, I($"### Sightline load check: {settings.Server.StoreName}"));
        Line(md);
        Line(md, I($"- Command: `{command}`"));
        Line(md, I($"- Run at {result.StartedAt:yyyy-MM-dd HH:mm} UTC; load for **{result.LoadElapsed.TotalMinutes:F1} min** after the server's first answer ({result.TimeToFirstAnswer.TotalSeconds:F0} s: migration and demo load); server `{settings.Server.ServerDll}`."));
        Line(md, I($"- Machine: {Environment.ProcessorCount} logical CPUs ({MachineInfo.CpuModel()}), {MachineInfo.MemTotal()} memory, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}."));
        Line(md, I($"- Load average (1, 5, 15 min) before: {result.LoadAverageBefore}; at the end: {result.LoadAverageAfter} (the machine is shared: other work skews latency and throughput, not the error count)."));
        Line(md, I($"- Clients: {settings.Concurrency} workers over {settings.Clients} token subjects, each subject paced to at most {settings.PacedLimit} requests per {settings.RateWindowSeconds} s ") +
            I($"(paced {result.PacedWaits} times), and {settings.ThrottledWorkers} workers on one more subject with no pacing, retrying 200 ms after a 429. ") +
            I($"Server throttling: `--rate-limit {settings.RateLimit} --rate-window {settings.RateWindowSeconds}`. {LoadSettings.Routes.Count} routes round-robin, closed loop over loopback keep-alive."));
        Line(md, I($"- Requests: **{total:N0}** ({total / Math.Max(1, result.LoadElapsed.TotalSeconds):F0} req/s); paced clients {result.Main.Sum(r => r.Count):N0}, ") +
            I($"throttled client {result.Throttled.Sum(r => r.Count):N0} of which **{throttled429:N0} intended 429s**."));
        Line(md, I($"- **Errors** (a paced client's answer other than 200, a throttled client's other than 200 or Graph's 429 with Retry-After, or no answer): **{result.Errors}**.") +
            (result.ServerStderrLines > 0 ? I($" The server wrote {result.ServerStderrLines} line(s) to stderr.") : " The server wrote nothing to stderr."));
        if (result.Failure is not null)
        {
            Line(md);
            Line(md, I($"**The run failed:** {result.Failure.Split('\n')[0].Trim()}"));
        }
        Line(md);

        Line(md, "| route | path | paced requests | throttled 200 | throttled 429 | errors | median ms | p99 ms |");
        Line(md, "|---|---|--:|--:|--:|--:|--:|--:|");
        foreach (var (main, slow) in result.Main.Zip(result.Throttled))
        {
            Line(md, I($"| {main.Route.Name} | `{main.Route.Path}` | {main.Count:N0} | {slow.Statuses.GetValueOrDefault("200"):N0} | {slow.Statuses.GetValueOrDefault("429"):N0} | ") +
                I($"{main.Errors + slow.Errors} | {Ms(main.Percentile(0.5))} | {Ms(main.Percentile(0.99))} |"));
        }
        Line(md);
        Line(md, "Latency columns are the paced clients' 200 answers. Status histogram (paced / throttled):");
        Line(md);
        foreach (var status in all.SelectMany(r => r.Statuses.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            Line(md, I($"- `{status}`: {result.Main.Sum(r => r.Statuses.GetValueOrDefault(status)):N0} / {result.Throttled.Sum(r => r.Statuses.GetValueOrDefault(status)):N0}"));
        }
        Line(md);
        Memory(md, result);

        var samples = all.SelectMany(r => r.ErrorSamples.Keys.Select(k => (r.Route.Name, k))).Take(20).ToList();
        if (samples.Count > 0)
        {
            Line(md, "Error samples:");
            Line(md);
            foreach (var (route, sample) in samples)
            {
                Line(md, I($"- {route}: `{sample.Replace('`', '\'')}`"));
            }
            Line(md);
        }
        return md.ToString();
    }

    private static void Memory(StringBuilder md, LoadResult result)
    {
        var rss = result.Samples.Where(s => s.RssKib is not null).ToList();
        if (rss.Count == 0)
        {
            Line(md, "No memory samples.");
            return;
        }
        Line(md, I($"Server memory, sampled every {SampleSpacing(result)} s (VmRSS from `/proc/{result.ServerPid}/status`; managed heap from `/healthz/details`, the GC heap after its last collection), per minute of load:"));
        Line(md);
        Line(md, "| minute | samples | RSS first MiB | RSS median MiB | RSS last MiB | RSS max MiB | heap last MiB | req/s |");
        Line(md, "|--:|--:|--:|--:|--:|--:|--:|--:|");
        MemorySample? previous = null;
        foreach (var minute in rss.GroupBy(s => (int)s.At.TotalMinutes))
        {
            var values = minute.Select(s => s.RssKib!.Value).ToList();
            var sorted = values.Order().ToList();
            var last = minute.Last();
            var rate = previous is null ? double.NaN : (last.Requests - previous.Requests) / Math.Max(0.001, (last.At - previous.At).TotalSeconds);
            Line(md, I($"| {minute.Key + 1} | {values.Count} | {Mib(values[0])} | {Mib(sorted[sorted.Count / 2])} | {Mib(values[^1])} | {Mib(sorted[^1])} | ") +
                I($"{(last.ManagedHeapBytes is { } h ? (h / 1048576.0).ToString("F1", CultureInfo.InvariantCulture) : "-")} | {(double.IsNaN(rate) ? "-" : rate.ToString("F0", CultureInfo.InvariantCulture))} |"));
            previous = last;
        }
        Line(md);
        // Warm-up: the first minute (JIT, connection pools, SQLite page cache, the GC finding its budget).
        var steady = rss.Where(s => s.At >= TimeSpan.FromMinutes(1)).Select(s => s.RssKib!.Value).ToList();
        if (steady.Count > 1)
        {
            var sorted = steady.Order().ToList();
            var median = sorted[sorted.Count / 2];
            Line(md, I($"After the first minute: RSS between **{Mib(sorted[0])} and {Mib(sorted[^1])} MiB** (band {Mib(sorted[^1] - sorted[0])} MiB, ") +
                I($"{100.0 * (sorted[^1] - sorted[0]) / median:F0}% of the median {Mib(median)} MiB); last sample {Mib(steady[^1])} MiB; peak (VmHWM) {(result.PeakKib is { } p ? Mib(p) : "n/a")} MiB."));
            Line(md);
        }
        Line(md, "RSS series (MiB): " + string.Join(", ", rss.Select(s => Mib(s.RssKib!.Value))));
        Line(md);
    }

    private static string SampleSpacing(LoadResult result) =>
        result.Samples.Count > 1 ? (result.Samples[1].At - result.Samples[0].At).TotalSeconds.ToString("F0", CultureInfo.InvariantCulture) : "-";

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder md, string text) => md.Append(text).Append('\n');

    private static void Line(StringBuilder md) => md.Append('\n');

    private static string Ms(double value) => double.IsNaN(value) ? "-" : I($"{value:F1}");

    private static string Mib(long kib) => I($"{kib / 1024.0:F0}");
}
