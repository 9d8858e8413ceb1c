using System.Globalization;
using Sightline.Bench.Generate;
using Sightline.Data;

namespace Sightline.Bench.Imports;

/// <summary>What the benchmark of one format measured.</summary>
internal sealed record FormatResult(GeneratedFormat Input, IReadOnlyList<ImportRun> Runs, long? StoreBytes, string LoadBefore, string LoadAfter, FloorResult? Floor = null, string? Kept = null)
{
    public ImportCounts Counts => Runs.Aggregate(default(ImportCounts), (sum, r) => sum + r.Counts);
    public TimeSpan Elapsed => TimeSpan.FromTicks(Runs.Sum(r => r.Elapsed.Ticks));
    public double? CpuSeconds => Runs.All(r => r.CpuSeconds is not null) ? Runs.Sum(r => r.CpuSeconds!.Value) : null;
    public long PeakKib => Runs.Max(r => r.PeakKib);
    public bool Succeeded => Runs.All(r => r.ExitCode == 0) && Counts.Rejected == 0 && Counts.NotStored == 0;
}

internal sealed record ImportBenchmarkSettings(string ServerDll, string Dotnet, string? Postgres, int BatchSize, IReadOnlyList<string> Formats, DatasetOptions Dataset, bool Floor = false, string? KeepStore = null, bool NoReputation = false);

/// <summary>
/// Import throughput per format: generates each format's input (deterministic by seed), runs the real
/// <c>import</c> command on it into a fresh store (a SQLite file in a temp folder, or a fresh PostgreSQL database),
/// and measures wall time, CPU time and peak memory of the import process and the store's size on disk.
/// </summary>
internal static class ImportBenchmark
{
    public static async Task<(IReadOnlyList<FormatResult> Results, DateTimeOffset Started)> RunAsync(ImportBenchmarkSettings settings, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        var root = Path.Combine(Path.GetTempPath(), "sightline-import-bench-" + Guid.NewGuid().ToString("N"));
        var postgres = settings.Postgres is null ? null : new PostgresAdmin(settings.Postgres);
        var results = new List<FormatResult>();
        try
        {
            MachineInfo.Log($"generating {string.Join(", ", settings.Formats)} (seed {settings.Dataset.Seed}) in {root}");
            var inputs = await Dataset.GenerateAsync(Path.Combine(root, "input"), settings.Formats, settings.Dataset, cancellationToken);
            foreach (var input in inputs)
            {
                MachineInfo.Log($"{input.Format}: {input.Input}, {input.Bytes / 1048576.0:N1} MiB, generated in {input.Generated.TotalSeconds:N1} s; importing");
                var dataDir = settings.KeepStore is { } keep ? Path.Combine(keep, input.Format) : Path.Combine(root, "store-" + input.Format);
                var result = await MeasureAsync(settings, input, dataDir, postgres, started, cancellationToken);
                results.Add(result);
                MachineInfo.Log($"{input.Format}: {result.Counts.Accepted:N0} accepted, {result.Counts.Rejected:N0} rejected in {result.Elapsed.TotalSeconds:N1} s, peak {result.PeakKib / 1024.0:N0} MiB");
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
        return (results, started);
    }

    private static async Task<FormatResult> MeasureAsync(ImportBenchmarkSettings settings, GeneratedFormat input, string dataDir, PostgresAdmin? postgres, DateTimeOffset started, CancellationToken cancellationToken)
    {
        var keep = settings.KeepStore is not null;
        var database = string.Create(CultureInfo.InvariantCulture, $"sightline_{(keep ? "kept" : "bench")}_{input.Format}_{started:yyyyMMddHHmmss}");
        var loadBefore = MachineInfo.LoadAverage();
        var floorDatabase = string.Create(CultureInfo.InvariantCulture, $"sightline_floor_{input.Format}_{started:yyyyMMddHHmmss}");
        var runs = new List<ImportRun>();
        long? size = null;
        FloorResult? floor = null;
        try
        {
            if (keep)
            {
                await LoadDemoAsync(settings, dataDir, postgres?.For(database), cancellationToken);
                loadBefore = MachineInfo.LoadAverage();
            }
            foreach (var step in input.Steps)
            {
                var args = Arguments(step, dataDir, settings.BatchSize, postgres?.For(database));
                if (settings.NoReputation)
                {
                    args.Add("--no-reputation");
                }
                runs.Add(await ImportRunner.RunAsync(settings.Dotnet, settings.ServerDll, args, cancellationToken));
            }
            size = postgres is null
                ? Directory.EnumerateFiles(dataDir, "sightline.db*").Sum(f => new FileInfo(f).Length)
                : await postgres.SizeAsync(database, cancellationToken);
            if (settings.Floor && ImportFloor.Tables.TryGetValue(input.Format, out var tables))
            {
                MachineInfo.Log($"{input.Format}: floor (plain bulk insert of the imported rows into a fresh store)");
                var floorDir = dataDir + "-floor";
                Directory.CreateDirectory(floorDir);
                floor = postgres is null
                    ? await ImportFloor.RunAsync(StoreOptions.For(dataDir, null), StoreOptions.For(floorDir, null), tables, cancellationToken)
                    : await ImportFloor.RunAsync(StoreOptions.Postgres(postgres.For(database)), StoreOptions.Postgres(postgres.For(floorDatabase)), tables, cancellationToken);
                MachineInfo.Log($"{input.Format}: floor wrote {floor.Rows:N0} rows in {floor.Elapsed.TotalSeconds:N1} s");
                if (postgres is null)
                {
                    Directory.Delete(floorDir, recursive: true);
                }
            }
        }
        finally
        {
            if (postgres is not null && settings.Floor && await postgres.DropAsync(floorDatabase, CancellationToken.None) is { } floorError)
            {
                MachineInfo.Log($"{input.Format}: the database {floorDatabase} could not be dropped; drop it by hand. {floorError}");
            }
            if (keep)
            {
                MachineInfo.Log($"{input.Format}: store kept: " + (postgres is null ? dataDir : $"--data-dir {dataDir} --postgres \"{postgres.For(database)}\""));
            }
            else if (postgres is not null && await postgres.DropAsync(database, CancellationToken.None) is { } error)
            {
                MachineInfo.Log($"{input.Format}: the database {database} could not be dropped; drop it by hand. {error}");
            }
        }
        return new FormatResult(input, runs, size, loadBefore, MachineInfo.LoadAverage(), floor,
            keep ? (postgres is null ? dataDir : $"{dataDir} with the database {database}") : null);
    }

    /// <summary>A kept store gets the demo first, as a server's first start loads it, so that it can be served with its showcase hosts.</summary>
    private static async Task LoadDemoAsync(ImportBenchmarkSettings settings, string dataDir, string? postgres, CancellationToken cancellationToken)
    {
        MachineInfo.Log($"loading the demo into {dataDir} (a server's first start)");
        var serve = new BenchSettings
        {
            ServerDll = settings.ServerDll, Dotnet = settings.Dotnet, Postgres = postgres, DataDir = dataDir,
            Requests = 0, Warmup = 0, Concurrency = [1], MaxSecondsPerBatch = 1, StartTimeout = TimeSpan.FromMinutes(10),
        };
        await using var server = ServerProcess.Start(serve);
        await server.WaitUntilAnsweringAsync(serve.StartTimeout, cancellationToken);
    }

    /// <summary>The import command's arguments; the settings go last, since <c>--set</c> takes every value that follows it.</summary>
    public static List<string> Arguments(ImportStep step, string dataDir, int batchSize, string? postgres)
    {
        List<string> args = ["import", "--data-dir", dataDir, "--batch-size", batchSize.ToString(CultureInfo.InvariantCulture), "--format", step.Format];
        if (postgres is not null)
        {
            args.AddRange(["--postgres", postgres]);
        }
        args.AddRange(step.Paths);
        foreach (var setting in step.Settings)
        {
            args.AddRange(["--set", setting]);
        }
        return args;
    }
}
