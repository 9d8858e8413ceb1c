using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Sightline.Bench.Imports;

/// <summary>The counts the import command printed, summed over the files of one run.</summary>
/// <param name="Seconds">The import times the command printed per file: the work inside the importer, without process start and migration.</param>
internal readonly record struct ImportCounts(long Accepted, long Merged, long Rejected, long NotStored, long Ignored, long AlreadyImported, int Files, double Seconds)
{
    public static ImportCounts operator +(ImportCounts a, ImportCounts b) => new(
        a.Accepted + b.Accepted, a.Merged + b.Merged, a.Rejected + b.Rejected, a.NotStored + b.NotStored,
        a.Ignored + b.Ignored, a.AlreadyImported + b.AlreadyImported, a.Files + b.Files, a.Seconds + b.Seconds);
}

/// <summary>One run of the real import command: wall and CPU time, peak resident memory, exit code and counts.</summary>
internal sealed record ImportRun(TimeSpan Elapsed, double? CpuSeconds, long PeakKib, int ExitCode, ImportCounts Counts, string Errors);

/// <summary>
/// Runs <c>dotnet Sightline.dll import ...</c> as a child process. Under <c>/usr/bin/time</c> when it exists (its
/// maximum resident set and user+system CPU are exact); otherwise the child's <c>VmHWM</c> is sampled from
/// <c>/proc</c> every 100 ms and the CPU time is not known.
/// </summary>
internal static partial class ImportRunner
{
    private const string Time = "/usr/bin/time";

    public static async Task<ImportRun> RunAsync(string dotnet, string dll, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var timed = File.Exists(Time);
        var timeFile = Path.GetTempFileName();
        try
        {
            var info = new ProcessStartInfo(timed ? Time : dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            if (timed)
            {
                foreach (var arg in (string[])["-f", "%e %U %S %M", "-o", timeFile, dotnet])
                {
                    info.ArgumentList.Add(arg);
                }
            }
            info.ArgumentList.Add(dll);
            foreach (var arg in args)
            {
                info.ArgumentList.Add(arg);
            }
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(info) ?? throw new BenchException("the import process did not start");
            var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            var peak = 0L;
            while (!process.HasExited)
            {
                peak = timed ? 0 : Math.Max(peak, ProcStatus.Kib(process.Id, "VmHWM") ?? 0);
                await Task.Delay(100, cancellationToken);
            }
            await process.WaitForExitAsync(cancellationToken);
            clock.Stop();
            double? cpu = null;
            if (timed && (await File.ReadAllLinesAsync(timeFile, cancellationToken)).LastOrDefault(l => l.Length > 0)?.Split(' ') is [_, var user, var system, var maxKib])
            {
                cpu = Number(user) + Number(system);
                peak = (long)Number(maxKib);
            }
            return new ImportRun(clock.Elapsed, cpu, peak, process.ExitCode, Count(await stdout), FirstLines(await stderr, 12));
        }
        finally
        {
            File.Delete(timeFile);
        }
    }

    /// <summary>Sums the per-file lines "SOURCE (FORMAT): N accepted (M merged into existing), R rejected[, ...] in S s".</summary>
    public static ImportCounts Count(string output)
    {
        var total = default(ImportCounts);
        foreach (Match m in Summary().Matches(output))
        {
            total += new ImportCounts(Long(m, "accepted"), Long(m, "merged"), Long(m, "rejected"), Long(m, "notstored"), Long(m, "ignored"), Long(m, "already"), 1,
                double.Parse(m.Groups["seconds"].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture));
        }
        return total;
    }

    private static long Long(Match m, string group) =>
        m.Groups[group].Success ? long.Parse(m.Groups[group].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : 0;

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static string FirstLines(string text, int count) =>
        string.Join('\n', text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0).Take(count));

    [GeneratedRegex(@"\): (?<accepted>[\d,]+) accepted \((?<merged>[\d,]+) merged into existing\), (?<rejected>[\d,]+) rejected(?:, (?<notstored>[\d,]+) not stored with their batch)?(?:, (?<ignored>[\d,]+) ignored)?(?:, (?<already>[\d,]+) already imported)?(?:, stopped after too many errors)? in (?<seconds>[\d,.]+) s")]
    private static partial Regex Summary();
}

/// <summary>Fields of <c>/proc/PID/status</c>.</summary>
internal static class ProcStatus
{
    public static long? Kib(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field + ":", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
    }
}
