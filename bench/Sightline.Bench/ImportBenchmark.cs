using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Sightline.Bench;

/// <summary>
/// Import throughput: generates passive DNS (COF), runs the real <c>import</c> command into a fresh store, and
/// samples the importer's peak resident memory from <c>/proc</c>. Then imports the same file again (a no-op).
/// </summary>
internal static class ImportBenchmark
{
    public sealed record Run(string Label, TimeSpan Elapsed, long PeakKib, int ExitCode, string Output);

    public static async Task<string> RunAsync(string serverDll, string dotnet, int records, int batchSize, string? postgres, CancellationToken cancellationToken, string? keep = null)
    {
        var folder = keep is { Length: > 0 } ? Path.GetFullPath(keep) : Path.Combine(Path.GetTempPath(), "sightline-import-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var input = Path.Combine(folder, "pdns.cof");
            var generate = Stopwatch.StartNew();
            await CofGenerator.WriteAsync(input, records, seed: 42, cancellationToken);
            generate.Stop();
            var data = Path.Combine(folder, "data");
            string[] args = ["import", "--data-dir", data, "--batch-size", batchSize.ToString(CultureInfo.InvariantCulture), .. postgres is null ? Array.Empty<string>() : ["--postgres", postgres], input];
            var first = await RunImportAsync("first import", dotnet, serverDll, args, cancellationToken);
            var again = await RunImportAsync("same file again", dotnet, serverDll, args, cancellationToken);
            var size = postgres is null ? Directory.EnumerateFiles(data, "sightline.db*").Sum(f => new FileInfo(f).Length) : (long?)null;
            return Report(records, batchSize, postgres is null ? "SQLite" : "PostgreSQL", new FileInfo(input).Length, generate.Elapsed, [first, again], size);
        }
        finally
        {
            if (keep is not { Length: > 0 })
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static async Task<Run> RunImportAsync(string label, string dotnet, string dll, string[] args, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
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
            peak = Math.Max(peak, ReadKib(process.Id, "VmHWM") ?? 0);
            await Task.Delay(100, cancellationToken);
        }
        await process.WaitForExitAsync(cancellationToken);
        clock.Stop();
        return new Run(label, clock.Elapsed, peak, process.ExitCode, (await stdout + await stderr).Trim());
    }

    private static long? ReadKib(int pid, string field)
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

    private static string Report(int records, int batchSize, string store, long inputBytes, TimeSpan generate, Run[] runs, long? storeBytes)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Passive DNS import, {records:N0} COF records ({inputBytes / 1048576.0:N1} MiB, generated in {generate.TotalSeconds:N1} s), {store}, batch {batchSize:N0}:");
        text.AppendLine();
        text.AppendLine("| run | wall time (s) | records/s | peak RSS (MiB) | exit |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var run in runs)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {run.Label} | {run.Elapsed.TotalSeconds:N1} | {records / run.Elapsed.TotalSeconds:N0} | {run.PeakKib / 1024.0:N0} | {run.ExitCode} |");
        }
        if (storeBytes is { } bytes)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Store size on disk: {bytes / 1048576.0:N0} MiB ({bytes / 1048576.0 / (records / 1e6):N0} MiB per million records).");
        }
        text.AppendLine();
        foreach (var run in runs)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"`{run.Label}` printed: `{run.Output.Replace('\n', ' ')}`");
            text.AppendLine();
        }
        return text.ToString();
    }
}
