using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Sightline.Bench.Imports;

/// <summary>The Markdown report of an import benchmark run: one row per format, then what each import printed.</summary>
internal static class ImportTable
{
    public static string ToMarkdown(ImportBenchmarkSettings settings, IReadOnlyList<FormatResult> results, DateTimeOffset started)
    {
        var d = settings.Dataset;
        var md = new StringBuilder();
        md.Append(I($"### Import throughput per format: {(settings.Postgres is null ? "SQLite" : "PostgreSQL")}\n\n"));
        md.Append(I($"- Run at {started:yyyy-MM-dd HH:mm} UTC, {(DateTimeOffset.UtcNow - started).TotalMinutes:N0} min in all (generation included); server `{settings.ServerDll}`.\n"));
        md.Append(I($"- Machine: {Environment.ProcessorCount} logical CPUs ({MachineInfo.CpuModel()}), {MachineInfo.MemTotal()} memory, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}.\n"));
        md.Append(I($"- Input: seed {d.Seed}; batch size {settings.BatchSize:N0}; each format imported into a fresh store"))
            .Append(settings.KeepStore is null ? "" : " holding only the demo")
            .Append(settings.NoReputation ? "; `--no-reputation` (the reputation recompute after an import is not measured here).\n" : ", reputation recompute included.\n");
        md.Append(I($"- Load average (1, 5, 15 min) at the start of each format and at its end: "))
            .Append(string.Join("; ", results.Select(r => I($"{r.Input.Format} {r.LoadBefore} -> {r.LoadAfter}")))).Append(".\n\n");
        md.Append("| format | input | records | merged | rejected | seconds | importer s | CPU s | records/s | peak RSS MiB | store MiB |\n");
        md.Append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|\n");
        foreach (var r in results)
        {
            var c = r.Counts;
            var seconds = r.Elapsed.TotalSeconds;
            md.Append(I($"| {r.Input.Format} | {r.Input.Input} ({r.Input.Bytes / 1048576.0:N1} MiB) | {c.Accepted:N0} | {c.Merged:N0} | {c.Rejected:N0} | "))
                .Append(I($"{seconds:N1} | {ImporterSeconds(c)} | {(r.CpuSeconds is { } cpu ? I($"{cpu:N1}") : "n/a")} | {c.Accepted / seconds:N0} | {r.PeakKib / 1024.0:N0} | "))
                .Append(r.StoreBytes is { } bytes ? I($"{bytes / 1048576.0:N1}") : "n/a").Append(" |\n");
        }
        md.Append('\n');
        if (results.Any(r => r.Floor is not null))
        {
            md.Append("Floor: the rows the import stored, written again into the same tables of a fresh store by a plain bulk insert ")
                .Append(settings.Postgres is null ? "(SQLite: one prepared INSERT per table, one transaction)" : "(PostgreSQL: one binary COPY per table, one transaction)")
                .Append("; `floor records/s` is the import's records over the floor's time; `ratio` is the floor's time over the import's (the importer's own time, or the wall time when it printed none), i.e. import throughput as a fraction of the floor's; `floor CPU s` is the benchmark process's CPU time during the floor (all of it on SQLite, the client's share on PostgreSQL).\n\n");
            md.Append("| format | rows written (per table) | floor s | floor CPU s | floor rows/s | floor records/s | import s | ratio |\n");
            md.Append("|---|---|--:|--:|--:|--:|--:|--:|\n");
            foreach (var r in results.Where(r => r.Floor is not null))
            {
                var f = r.Floor!;
                var import = ImportTime(r);
                var seconds = f.Elapsed.TotalSeconds;
                md.Append(I($"| {r.Input.Format} | {f.Rows:N0} ({string.Join(", ", f.Tables.Select(t => I($"{t.Name} {t.Rows:N0}")))}) | {seconds:N1} | {f.CpuSeconds:N1} | {f.Rows / seconds:N0} | "))
                    .Append(I($"{r.Counts.Accepted / seconds:N0} | {import:N1} | {seconds / import:N2} |\n"));
            }
            md.Append('\n');
        }
        foreach (var r in results)
        {
            var c = r.Counts;
            md.Append(I($"- `{r.Input.Format}`: {r.Runs.Count} import run(s), exit code(s) {string.Join(", ", r.Runs.Select(x => x.ExitCode))}; "))
                .Append(I($"{c.Files:N0} file report(s); {c.Accepted:N0} accepted ({c.Merged:N0} merged), {c.Rejected:N0} rejected"))
                .Append(c.NotStored > 0 ? I($", {c.NotStored:N0} not stored") : "")
                .Append(c.Ignored > 0 ? I($", {c.Ignored:N0} ignored") : "")
                .Append(c.AlreadyImported > 0 ? I($", {c.AlreadyImported:N0} already imported") : "")
                .Append(I($"; input generated in {r.Input.Generated.TotalSeconds:N1} s"))
                .Append(r.Kept is null ? ".\n" : $"; store kept (demo loaded first): {r.Kept}.\n");
            foreach (var errors in r.Runs.Select(x => x.Errors).Where(e => e.Length > 0))
            {
                md.Append("  stderr: `").Append(errors.Replace('`', '\'').ReplaceLineEndings(" | ")).Append("`\n");
            }
        }
        return md.ToString();
    }

    /// <summary>
    /// The sum of the per-file times the command printed, which it rounds to 0.1 s: meaningless for many small files
    /// (2,000 WHOIS responses of about 10 ms each print 0.0 s each), so shown only when files take a second on average.
    /// </summary>
    private static string ImporterSeconds(ImportCounts c) => c.Files > 0 && c.Seconds / c.Files >= 1 ? I($"{c.Seconds:N1}") : "-";

    /// <summary>The import's own time (the sum the command printed per file) when meaningful, else the wall time.</summary>
    private static double ImportTime(FormatResult r) =>
        r.Counts.Files > 0 && r.Counts.Seconds / r.Counts.Files >= 1 ? r.Counts.Seconds : r.Elapsed.TotalSeconds;

    public static bool Succeeded(IReadOnlyList<FormatResult> results) => results.Count > 0 && results.All(r => r.Succeeded);

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
