using System.CommandLine;
using System.Globalization;

namespace Sightline.Bench.Load;

/// <summary>The <c>load</c> subcommand: the main routes at high concurrency for minutes, with throttling on.</summary>
internal static class LoadCommand
{
    public static Command Create(Option<string> serverDll, Option<string> dotnet, Option<string?> postgres, Option<string?> output, Option<double> startTimeout)
    {
        var minutes = new Option<double>("--minutes") { Description = "How long to drive the server.", DefaultValueFactory = _ => 10 };
        var concurrency = new Option<int>("--concurrency") { Description = "Workers of the well-behaved clients (requests in flight at once).", DefaultValueFactory = _ => 64 };
        var clients = new Option<int>("--clients") { Description = "Token subjects the workers are spread over; each is paced under the rate limit.", DefaultValueFactory = _ => 32 };
        var throttledWorkers = new Option<int>("--throttled-workers") { Description = "Workers of the one client that ignores the limit (its 429s are intended); it must get a larger share of the server than a paced client for its 429s to happen.", DefaultValueFactory = _ => 32 };
        var rateLimit = new Option<int>("--rate-limit") { Description = "The server's --rate-limit (requests per client per window).", DefaultValueFactory = _ => 100 };
        var rateWindow = new Option<int>("--rate-window") { Description = "The server's --rate-window in seconds.", DefaultValueFactory = _ => 10 };
        var sampleEvery = new Option<double>("--sample-seconds") { Description = "Seconds between memory samples.", DefaultValueFactory = _ => 15 };

        var command = new Command("load", "Drives the main Graph routes of the real server (demo data, throttling on) at high concurrency for minutes; reports statuses, latency and the server's memory over time; exit 1 on any error.")
        {
            serverDll, dotnet, postgres, output, startTimeout, minutes, concurrency, clients, throttledWorkers, rateLimit, rateWindow, sampleEvery,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            LoadSettings settings;
            try
            {
                settings = new LoadSettings
                {
                    Server = new BenchSettings
                    {
                        ServerDll = BenchSettings.ResolveServerDll(parse.GetValue(serverDll)!),
                        Requests = 1, Warmup = 0, Concurrency = [1], MaxSecondsPerBatch = 0,
                        Postgres = parse.GetValue(postgres),
                        StartTimeout = TimeSpan.FromSeconds(parse.GetValue(startTimeout)),
                        Dotnet = parse.GetValue(dotnet)!,
                    },
                    Duration = TimeSpan.FromMinutes(Positive(parse.GetValue(minutes), "--minutes")),
                    Concurrency = Positive(parse.GetValue(concurrency), "--concurrency"),
                    Clients = Positive(parse.GetValue(clients), "--clients"),
                    ThrottledWorkers = Positive(parse.GetValue(throttledWorkers), "--throttled-workers"),
                    RateLimit = Positive(parse.GetValue(rateLimit), "--rate-limit"),
                    RateWindowSeconds = Positive(parse.GetValue(rateWindow), "--rate-window"),
                    SampleEvery = TimeSpan.FromSeconds(Positive(parse.GetValue(sampleEvery), "--sample-seconds")),
                };
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync(e.Message);
                return 2;
            }
            var result = await LoadTest.RunAsync(settings, cancellationToken);
            var line = "dotnet run -c Release --project bench/Sightline.Bench -- " + string.Join(' ', parse.Tokens.Select(t => Quote(t.Value)));
            // The report is meant for docs/: a connection string's password stays out of it.
            line = System.Text.RegularExpressions.Regex.Replace(line, "(?i)(password=)[^;\"]*", "$1***");
            var markdown = LoadReport.ToMarkdown(settings, result, line);
            Console.WriteLine(markdown);
            if (parse.GetValue(output) is { Length: > 0 } file)
            {
                await File.WriteAllTextAsync(file, markdown, CancellationToken.None);
                await Console.Error.WriteLineAsync($"Report written to {Path.GetFullPath(file)}");
            }
            if (!result.Succeeded)
            {
                await Console.Error.WriteLineAsync(result.Failure ?? string.Create(CultureInfo.InvariantCulture, $"FAILED: {result.Errors} error(s)."));
                return 1;
            }
            return 0;
        });
        return command;
    }

    private static T Positive<T>(T value, string name) where T : System.Numerics.INumber<T> =>
        value > T.Zero ? value : throw new ArgumentException($"{name} must be a positive number.");

    private static string Quote(string arg) => arg.Contains(' ', StringComparison.Ordinal) || arg.Contains(';', StringComparison.Ordinal) ? "\"" + arg + "\"" : arg;
}
