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
        if (result.StoreBytes is { } bytes)
        {
            var perMillion = result.PassiveDnsRecords is > 0 and var n ? I($", {bytes / 1048576.0 / (n / 1e6):F0} MiB per million passive DNS records") : "";
            Line(md, I($"- Store: {settings.DataDir ?? "fresh temp folder with the demo"}; **{result.PassiveDnsRecords:N0}** passive DNS records; size on disk **{bytes / 1048576.0:F0} MiB**{perMillion}."));
        }
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

        WriteFloorRatios(md, result);

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

    /// <summary>Each route beside its floor, measured in the same run right after it: the ratios are route / floor.</summary>
    private static void WriteFloorRatios(StringBuilder md, BenchResult result)
    {
        var pairs = result.Batches.Where(b => b.Route.IsFloor).Select(f => (Api: result.Batches.First(b => !b.Route.IsFloor && b.Concurrency == f.Concurrency
            && f.Route.Name == b.Route.Name + " (floor)"), Floor: f)).ToList();
        if (pairs.Count == 0)
        {
            return;
        }
        Line(md, "The API beside its floor (same SQL through a plain ADO.NET reader, same JSON; ratio = API / floor for latency, floor / API for throughput):");
        Line(md);
        Line(md, "| route | c | API median ms | floor median ms | median ratio | API p99 ms | floor p99 ms | p99 ratio | API req/s | floor req/s | throughput ratio |");
        Line(md, "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var (api, floor) in pairs)
        {
            Line(md, I($"| {api.Route.Name} | {api.Concurrency} | {Ms(api.Median)} | {Ms(floor.Median)} | {Ratio(api.Median, floor.Median)} | ") +
                I($"{Ms(api.P99)} | {Ms(floor.P99)} | {Ratio(api.P99, floor.P99)} | {api.RequestsPerSecond:F0} | {floor.RequestsPerSecond:F0} | {Ratio(floor.RequestsPerSecond, api.RequestsPerSecond)} |"));
        }
        Line(md);
    }

    private static string Ratio(double a, double b) => double.IsNaN(a) || double.IsNaN(b) || b <= 0 ? "-" : I($"{a / b:F2}");

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Line(StringBuilder md, string text) => md.Append(text).Append('\n');

    private static void Line(StringBuilder md) => md.Append('\n');

    private static string Ms(double value) => double.IsNaN(value) ? "-" : I($"{value:F2}");

    private static string Mib(long? kib) =>
        kib is { } k ? I($"{k / 1024.0:F0} MiB") : "n/a";
}
