using System.CommandLine;
using System.Globalization;
using Sightline.Bench.Generate;
using Sightline.Bench.Imports;

namespace Sightline.Bench;

/// <summary>The <c>generate</c> and <c>import</c> subcommands: deterministic standard-format input, and import throughput per format.</summary>
internal static class ImportCommands
{
    public static IEnumerable<Command> Create(Option<string> serverDll, Option<string> dotnet, Option<string?> postgres, Option<string?> output)
    {
        var seed = new Option<int>("--seed") { Description = "Fixes every generated value (same seed and sizes, same files; certificate keys and signatures aside).", DefaultValueFactory = _ => 42 };
        var records = new Option<long>("--records") { Description = "Passive DNS (COF) records.", DefaultValueFactory = _ => 1_000_000 };
        var whois = new Option<int>("--whois") { Description = "WHOIS responses (files), spread over three collection rounds.", DefaultValueFactory = _ => 6_000 };
        var certificates = new Option<int>("--certificates") { Description = "Certificate sightings (half as many distinct certificates, also written as PEM bundles).", DefaultValueFactory = _ => 20_000 };
        var harPages = new Option<int>("--har-pages") { Description = "Crawled pages in HAR files (a hundred per file).", DefaultValueFactory = _ => 5_000 };
        var nmapHosts = new Option<int>("--nmap-hosts") { Description = "Scanned hosts in nmap XML files (five thousand per file).", DefaultValueFactory = _ => 30_000 };
        var formats = new Option<string>("--formats") { Description = "Comma separated formats: " + string.Join(",", Dataset.Formats) + ".", DefaultValueFactory = _ => string.Join(",", Dataset.Formats) };
        var batchSize = new Option<int>("--batch-size") { Description = "Records per atomic batch, passed to the import command.", DefaultValueFactory = _ => 20_000 };
        var floor = new Option<bool>("--floor") { Description = "Also measures the floor of each format: a plain bulk insert of the imported rows into a fresh store (prepared statements on SQLite, binary COPY on PostgreSQL), and the ratio." };
        var keepStore = new Option<string?>("--keep-store") { Description = "Keep each format's store for serving afterwards (bench --data-dir): a SQLite folder DIR/<format>, or with --postgres a database named sightline_kept_<format>_<time> (printed). The demo is loaded into it first, as on a server's first start." };
        var noReputation = new Option<bool>("--no-reputation") { Description = "Pass --no-reputation to the import command: measure the import alone, without the reputation recompute that follows it." };
        var outDir = new Option<string>("--out-dir") { Description = "The folder to write into (one subfolder per format).", Required = true };

        DatasetOptions Options(ParseResult parse) => new(parse.GetValue(seed), Positive(parse.GetValue(records), "--records"), Positive(parse.GetValue(whois), "--whois"),
            Positive(parse.GetValue(certificates), "--certificates"), Positive(parse.GetValue(harPages), "--har-pages"), Positive(parse.GetValue(nmapHosts), "--nmap-hosts"));

        var generate = new Command("generate", "Writes deterministic input in the standard import formats (COF, WHOIS, PEM and certificate sightings, HAR, nmap XML).")
        {
            seed, records, whois, certificates, harPages, nmapHosts, formats, outDir,
        };
        generate.SetAction(async (parse, cancellationToken) =>
        {
            var folder = Path.GetFullPath(parse.GetValue(outDir)!);
            var made = await Dataset.GenerateAsync(folder, Formats(parse.GetValue(formats)!), Options(parse), cancellationToken);
            foreach (var m in made)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{m.Format}: {m.Input}, {m.Files:N0} files, {m.Bytes / 1048576.0:N1} MiB, {m.Generated.TotalSeconds:N1} s"));
                foreach (var step in m.Steps)
                {
                    Console.WriteLine("  dotnet Sightline.dll " + string.Join(' ', ImportBenchmark.Arguments(step, "DATA", 20_000, null).Select(Quote)));
                }
            }
            return 0;
        });

        var import = new Command("import", "Import throughput per format: generates each format's input, runs the real import command into a fresh store, and measures time, CPU, peak memory and store size.")
        {
            serverDll, dotnet, postgres, output, seed, records, whois, certificates, harPages, nmapHosts, formats, batchSize, floor, keepStore, noReputation,
        };
        import.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new ImportBenchmarkSettings(BenchSettings.ResolveServerDll(parse.GetValue(serverDll)!), parse.GetValue(dotnet)!, parse.GetValue(postgres),
                Positive(parse.GetValue(batchSize), "--batch-size"), Formats(parse.GetValue(formats)!), Options(parse), parse.GetValue(floor),
                parse.GetValue(keepStore) is { Length: > 0 } keep ? Path.GetFullPath(keep) : null, parse.GetValue(noReputation));
            var (results, started) = await ImportBenchmark.RunAsync(settings, cancellationToken);
            var report = ImportTable.ToMarkdown(settings, results, started);
            Console.WriteLine(report);
            if (parse.GetValue(output) is { Length: > 0 } file)
            {
                await File.WriteAllTextAsync(file, report, cancellationToken);
                await Console.Error.WriteLineAsync($"Report written to {Path.GetFullPath(file)}");
            }
            return ImportTable.Succeeded(results) ? 0 : 1;
        });
        return [generate, import];
    }

    private static List<string> Formats(string text)
    {
        var list = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => f.ToLowerInvariant()).Distinct().ToList();
        return list.FirstOrDefault(f => !Dataset.Formats.Contains(f)) is { } unknown
            ? throw new ArgumentException($"--formats: unknown format '{unknown}' (known: {string.Join(", ", Dataset.Formats)})")
            : list;
    }

    private static T Positive<T>(T value, string name) where T : System.Numerics.INumber<T> =>
        value > T.Zero ? value : throw new ArgumentException($"{name} must be a positive number.");

    private static string Quote(string arg) => arg.Contains(' ', StringComparison.Ordinal) ? "\"" + arg + "\"" : arg;
}
