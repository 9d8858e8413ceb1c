using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Sightline.Bench;

internal static class Report
{
    public static string ToMarkdown(BenchSettings settings, BenchResult result)
    {
        var md = new StringBuilder();
        Line(md, I($"### Sightline HTTP benchmark: {settings.StoreName}"));
        Line(md);
        Line(md, I($"- Run at {result.StartedAt:yyyy-MM-dd HH:mm} UTC, {result.TotalDuration.TotalSeconds:F0} s in all; server `{settings.ServerDll}`."));
        Line(md, I($"- Machine: {Environment.ProcessorCount} logical CPUs ({MachineInfo.CpuModel()}), {MachineInfo.MemTotal()} memory, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}."));
        Line(md, I($"- Load average (1, 5, 15 min) before the run: {result.LoadAverageBefore}; at its end: {result.LoadAverageAfter}."));
        Line(md, I($"- Load: {settings.Requests} measured requests per route and concurrency level after {settings.Warmup} warm-up requests; ") +
            I($"concurrency {string.Join(", ", settings.Concurrency)} (closed loop, one HttpClient over loopback, keep-alive); ") +
            I($"at most {settings.MaxSecondsPerBatch:F0} s per measured batch and a quarter of that per warm-up."));
        Line(md, I($"- Server start to first `$metadata` answer (migration and demo load included): **{result.TimeToFirstAnswer.TotalSeconds:F2} s**."));
        Line(md, I($"- Server memory: VmRSS {Mib(result.RssAfterStartKib)} after start, {Mib(result.RssAfterRunKib)} after the run; ") +
            I($"peak (VmHWM) {Mib(result.PeakAfterStartKib)} at first answer, **{Mib(result.PeakKib)}** at the end."));
        var errors = result.Batches.Sum(b => b.Errors);
        Line(md, I($"- Errors (any answer but 200, or no answer): **{errors}** of {result.Batches.Sum(b => b.Completed)} measured requests.") +
            (result.ServerStderrLines > 0 ? I($" The server wrote {result.ServerStderrLines} line(s) to stderr.") : ""));
        if (result.Failure is not null)
        {
            Line(md);
            Line(md, I($"**The run failed:** {result.Failure.Split('\n')[0].Trim()}"));
        }
        Line(md);

        if (result.Batches.Count == 0)
        {
            return md.ToString();
        }

        Line(md, "| route | path | concurrency | requests | errors | req/s | median ms | p90 ms | p99 ms | max ms | bytes |");
        Line(md, "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var b in result.Batches)
        {
            var requests = b.StoppedEarly
                ? I($"{b.Completed} (time bound)")
                : b.Completed.ToString(CultureInfo.InvariantCulture);
            Line(md, I($"| {b.Route.Name} | `{b.Route.Path}` | {b.Concurrency} | {requests} | {b.Errors} | {b.RequestsPerSecond:F0} | ") +
                I($"{Ms(b.Median)} | {Ms(b.P90)} | {Ms(b.P99)} | {Ms(b.Max)} | {b.BytesPerResponse} |"));
        }
        Line(md);

        var levels = result.Batches.Select(b => b.Concurrency).Distinct().ToList();
        Line(md, "Requests per second (median ms in parentheses):");
        Line(md);
        Line(md, "| route | " + string.Join(" | ", levels.Select(l => I($"c={l}"))) + " |");
        Line(md, "|---|" + string.Concat(levels.Select(_ => "--:|")));
        foreach (var route in result.Batches.Select(b => b.Route).Distinct())
        {
            var cells = levels.Select(l => result.Batches.FirstOrDefault(b => b.Route == route && b.Concurrency == l) is { } b
                ? I($"{b.RequestsPerSecond:F0} ({Ms(b.Median)})")
                : "");
            Line(md, I($"| {route.Name} | ") + string.Join(" | ", cells) + " |");
        }
        Line(md);

        var failing = result.Batches.Where(b => b.ErrorSamples.Count > 0).ToList();
        if (failing.Count > 0)
        {
            Line(md, "Error samples:");
            Line(md);
            foreach (var b in failing)
            {
                foreach (var sample in b.ErrorSamples)
                {
                    Line(md, I($"- {b.Route.Name}, c={b.Concurrency}: `{sample.Replace('`', '\'').ReplaceLineEndings(" ")}`"));
                }
            }
            Line(md);
        }
        return md.ToString();
    }

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder md, string text) => md.Append(text).Append('\n');

    private static void Line(StringBuilder md) => md.Append('\n');

    private static string Ms(double value) => double.IsNaN(value) ? "-" : I($"{value:F2}");

    private static string Mib(long? kib) =>
        kib is { } k ? I($"{k / 1024.0:F0} MiB") : "n/a";
}
