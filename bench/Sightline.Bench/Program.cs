using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using Sightline.Bench;

var serverDll = new Option<string>("--server-dll")
{
    Description = "The built server (dotnet build -c Release src/Sightline). Relative paths are tried from the current folder, then from the repository root.",
    DefaultValueFactory = _ => Path.Combine("src", "Sightline", "bin", "Release", "net10.0", "Sightline.dll"),
};
var requests = new Option<int>("--requests")
{
    Description = "Measured requests per route and concurrency level.",
    DefaultValueFactory = _ => 2000,
};
var warmup = new Option<int>("--warmup")
{
    Description = "Unmeasured requests sent before each measured batch, at the same concurrency.",
    DefaultValueFactory = _ => 200,
};
var concurrency = new Option<string>("--concurrency")
{
    Description = "Comma separated concurrency levels (requests in flight at once).",
    DefaultValueFactory = _ => "1,8,32",
};
var postgres = new Option<string?>("--postgres")
{
    Description = "Passed to the server's --postgres: run it on PostgreSQL instead of a SQLite file in the temp data folder.",
};
var output = new Option<string?>("--out") { Description = "Also write the Markdown report to this file." };
var maxSeconds = new Option<double>("--max-seconds")
{
    Description = "Upper bound in seconds for one measured batch (the warm-up before it gets a quarter of this); a batch that hits it stops early and the table says so.",
    DefaultValueFactory = _ => 60,
};
var startTimeout = new Option<double>("--start-timeout")
{
    Description = "Seconds to wait for the server's first answer.",
    DefaultValueFactory = _ => 180,
};
var floor = new Option<bool>("--floor")
{
    Description = "Start the server with --bench-floor and measure, after each route that has one, its floor: the same SQL through a plain ADO.NET reader and the same JSON.",
};
var dataDir = new Option<string?>("--data-dir")
{
    Description = "Serve this existing data folder (a store filled beforehand) instead of a fresh temp folder with the demo; it is kept.",
};
var heavyHost = new Option<string>("--heavy-host") { Description = "The host whose passiveDns pages are measured.", DefaultValueFactory = _ => "northwind-flux.net" };
var heavyAddress = new Option<string>("--heavy-address") { Description = "The address whose passiveDnsReverse is measured.", DefaultValueFactory = _ => "40.83.183.71" };
var deepSkip = new Option<int>("--deep-skip") { Description = "The $skip of the deep passiveDns page.", DefaultValueFactory = _ => 300 };
var dotnet = new Option<string>("--dotnet")
{
    Description = "The dotnet host used to run the server.",
    DefaultValueFactory = _ => "dotnet",
};

var root = new RootCommand("HTTP benchmark of the Sightline Graph threat intelligence API against the real server process.")
{
    serverDll, requests, warmup, concurrency, postgres, output, maxSeconds, startTimeout, dotnet, floor, dataDir, heavyHost, heavyAddress, deepSkip,
};
root.SetAction(async (parse, _) =>
{
    // Our own handling of Ctrl+C, SIGTERM and SIGHUP: cancel the run, and let it stop the server and delete the
    // temp folder before the process ends.
    using var stop = new CancellationTokenSource();
    var cancellationToken = stop.Token;
    void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        stop.Cancel();
    }
    using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
    using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
    using var onHangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, OnSignal);

    BenchSettings settings;
    try
    {
        settings = new BenchSettings
        {
            ServerDll = BenchSettings.ResolveServerDll(parse.GetValue(serverDll)!),
            Requests = Positive(parse.GetValue(requests), "--requests"),
            Warmup = Math.Max(0, parse.GetValue(warmup)),
            Concurrency = BenchSettings.ParseLevels(parse.GetValue(concurrency)!),
            Postgres = parse.GetValue(postgres),
            MaxSecondsPerBatch = parse.GetValue(maxSeconds),
            StartTimeout = TimeSpan.FromSeconds(parse.GetValue(startTimeout)),
            Dotnet = parse.GetValue(dotnet)!,
            Floor = parse.GetValue(floor),
            DataDir = parse.GetValue(dataDir) is { Length: > 0 } dir ? Path.GetFullPath(dir) : null,
            HeavyHost = parse.GetValue(heavyHost)!,
            HeavyAddress = parse.GetValue(heavyAddress)!,
            DeepSkip = Math.Max(0, parse.GetValue(deepSkip)),
        };
    }
    catch (ArgumentException e)
    {
        await Console.Error.WriteLineAsync(e.Message);
        return 2;
    }

    var result = await Benchmark.RunAsync(settings, cancellationToken);
    var markdown = Report.ToMarkdown(settings, result);
    Console.WriteLine(markdown);
    if (parse.GetValue(output) is { Length: > 0 } file)
    {
        await File.WriteAllTextAsync(file, markdown, cancellationToken);
        await Console.Error.WriteLineAsync($"Report written to {Path.GetFullPath(file)}");
    }
    if (!result.Succeeded)
    {
        await Console.Error.WriteLineAsync(result.Failure ?? string.Create(CultureInfo.InvariantCulture,
            $"FAILED: {result.Batches.Sum(b => b.Errors)} request(s) did not answer 200."));
        return 1;
    }
    return 0;
});
foreach (var command in ImportCommands.Create(serverDll, dotnet, postgres, output))
{
    root.Subcommands.Add(command);
}
root.Subcommands.Add(Sightline.Bench.Load.LoadCommand.Create(serverDll, dotnet, postgres, output, startTimeout));
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });

static int Positive(int value, string name) =>
    value > 0 ? value : throw new ArgumentException($"{name} must be a positive number.");
