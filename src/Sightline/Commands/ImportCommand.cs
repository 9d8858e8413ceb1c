using System.CommandLine;
using System.Diagnostics;
using Sightline.Data;
using Sightline.Data.Ingestion;
using Sightline.Data.Reputation;

namespace Sightline.Commands;

/// <summary>
/// <c>import --data-dir DIR [--format F] PATH...</c>: reads files in standard formats into the store that
/// <c>serve --data-dir DIR</c> uses (also while it runs). Exit code 0 when every record was stored, 1 when any was
/// rejected or an import stopped, 2 when an input could not be read at all.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(Option<string> dataDir)
    {
        var paths = new Argument<string[]>("paths") { Description = "Files to import (a folder imports every file in it).", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string?>("--format") { Description = "The format, when it cannot be recognised: " + string.Join(", ", Importers.Names) + "." };
        var postgres = new Option<string?>("--postgres") { Description = "Import into PostgreSQL (connection string) instead of the SQLite file in the data folder." };
        var maxErrors = new Option<long>("--max-errors") { Description = "Store the good records of batches with rejects, until more than this many records were rejected (default 0: a batch with a reject stores nothing)." };
        var batchSize = new Option<int>("--batch-size") { Description = "Records per atomic batch.", DefaultValueFactory = _ => 20_000 };
        var settings = new Option<string[]>("--set") { Description = "Format settings as name=value, e.g. domain=contoso.com, seen=2026-10-01T00:00:00Z, host=, port=.", AllowMultipleArgumentsPerToken = true };
        var rules = ReputationCommand.RulesOption();
        var noReputation = new Option<bool>("--no-reputation") { Description = "Do not recompute reputations after the import (for a bulk load of many imports; run 'reputation recompute' once at the end)." };
        var command = new Command("import", "Import intelligence from files in standard formats.") { dataDir, paths, format, postgres, maxErrors, batchSize, settings, rules, noReputation };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var folder = Path.GetFullPath(parse.GetValue(dataDir)!);
            Directory.CreateDirectory(folder);
            var store = StoreOptions.For(folder, parse.GetValue(postgres));
            var options = new ImportOptions(Math.Max(1, parse.GetValue(batchSize)), Math.Max(0, parse.GetValue(maxErrors)));
            var formatSettings = ParseSettings(parse.GetValue(settings) ?? []);
            await using var db = store.CreateContext();
            await StoreSetup.PrepareAsync(db, cancellationToken);
            var engine = new ReputationEngine(ReputationRuleSet.Resolve(parse.GetValue(rules), folder));
            var exit = 0;
            var stored = 0L;
            foreach (var file in Expand(parse.GetValue(paths)!))
            {
                var (code, accepted) = await ImportFileAsync(db, file, parse.GetValue(format), options, formatSettings, cancellationToken);
                exit = Math.Max(exit, code);
                stored += accepted;
            }
            // New evidence: every host's reputation is recomputed once, after all the files.
            if (stored > 0 && !parse.GetValue(noReputation))
            {
                Console.WriteLine(await engine.RecomputeAsync(db, cancellationToken));
            }
            return exit;
        });
        return command;
    }

    private static async Task<(int Exit, long Accepted)> ImportFileAsync(SightlineDb db, string file, string? format, ImportOptions options, Dictionary<string, string> settings, CancellationToken cancellationToken)
    {
        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"{file}: no such file");
            return (2, 0);
        }
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var head = new byte[4096];
        var length = await stream.ReadAsync(head, cancellationToken);
        stream.Position = 0;
        var name = format ?? Importers.Detect(file, head.AsSpan(0, length));
        if (name is null || Importers.Find(name) is not { } importer)
        {
            await Console.Error.WriteLineAsync($"{file}: " + (name is null
                ? "the format was not recognised; name it with --format (" + string.Join(", ", Importers.Names) + ")"
                : $"unknown format '{name}' (known: {string.Join(", ", Importers.Names)})"));
            return (2, 0);
        }
        if (string.Equals(name, "whois", StringComparison.OrdinalIgnoreCase) && !settings.ContainsKey("seen"))
        {
            // A WHOIS response was collected when its file was written, unless the command line says otherwise.
            settings = new Dictionary<string, string>(settings, StringComparer.Ordinal)
            {
                ["seen"] = File.GetLastWriteTimeUtc(file).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            };
        }
        using var progress = new ProgressLine(file, stream);
        var report = await importer.ImportAsync(db, stream, new ImportContext(file, options, progress) { Settings = settings }, cancellationToken);
        progress.Done();
        Console.WriteLine(report);
        foreach (var error in report.Errors.Take(20))
        {
            await Console.Error.WriteLineAsync("  rejected " + error);
        }
        if (report.Rejected > 20)
        {
            await Console.Error.WriteLineAsync($"  ... and {report.Rejected - 20:N0} more rejected");
        }
        return (report.Succeeded ? 0 : 1, report.Accepted);
    }

    private static IEnumerable<string> Expand(IEnumerable<string> paths) => paths.SelectMany<string, string>(p =>
        Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [p]);

    private static Dictionary<string, string> ParseSettings(IEnumerable<string> pairs) => pairs
        .Select(p => p.Split('=', 2))
        .Where(p => p.Length == 2)
        .ToDictionary(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim(), StringComparer.Ordinal);

    /// <summary>Records per second and, for files, the share read; only on a terminal, so redirected output stays clean.</summary>
    private sealed class ProgressLine(string file, Stream stream) : IProgress<ImportProgress>, IDisposable
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly bool _enabled = !Console.IsErrorRedirected;
        private long _lastDraw;

        public void Report(ImportProgress value)
        {
            if (!_enabled || _clock.ElapsedMilliseconds - _lastDraw < 500)
            {
                return;
            }
            _lastDraw = _clock.ElapsedMilliseconds;
            var rate = value.Records / Math.Max(0.001, _clock.Elapsed.TotalSeconds);
            var share = stream.CanSeek && stream.Length > 0 ? $" {100.0 * stream.Position / stream.Length:N0}%" : "";
            Console.Error.Write($"\r{Path.GetFileName(file)}: {value.Records:N0} records, {rate:N0}/s{share}   ");
        }

        public void Done()
        {
            if (_enabled && _lastDraw > 0)
            {
                Console.Error.WriteLine();
            }
        }

        public void Dispose() => _clock.Stop();
    }
}
