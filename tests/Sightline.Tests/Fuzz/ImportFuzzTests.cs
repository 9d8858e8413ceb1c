using System.Diagnostics;
using Sightline.Data.Ingestion;
using Sightline.Tests.Support;
using Xunit.Abstractions;

namespace Sightline.Tests.Fuzz;

/// <summary>
/// Mutated COF, STIX, HAR, nmap XML, PEM and WHOIS inputs through the importers the CLI and <c>/ingest</c> use, on a
/// real store that already holds <see cref="TestData"/> and the valid input. Each import either succeeds, or is
/// rejected with reasons that name the input and the line or record, and then the store is exactly as before.
/// Nothing throws, and no row that existed before the run is ever lost.
/// </summary>
public sealed class ImportFuzzTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("cof")]
    [InlineData("stix")]
    [InlineData("har")]
    [InlineData("nmap")]
    [InlineData("x509")]
    [InlineData("whois")]
    public async Task Mutated_inputs_are_imported_or_rejected_whole_with_a_reason_and_never_crash(string format)
    {
        var seed = ImportFuzzSeeds.For(format);
        await using var server = await SightlineServer.StartAsync(loadDemo: false);
        await using (var db = server.CreateDb())
        {
            await TestData.SeedAsync(db);
        }
        // Rows the fuzz must never lose: the known data. (Rows the valid input made may change: a mutated STIX object
        // with the same id is a new version of it, and replaces what its old version derived.)
        var initial = await SnapshotAsync(server);
        var valid = await ImportAsync(server, format, "valid." + format, System.Text.Encoding.UTF8.GetBytes(seed.Content), seed.Settings);
        Assert.True(valid.Succeeded && valid.Accepted > 0, $"the valid {format} seed did not import: {valid} {string.Join("; ", valid.Errors)}");
        var current = await SnapshotAsync(server);
        var failures = new List<string>();
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        foreach (var index in FuzzRun.Indices(FuzzRun.ImportCasesPerFormat))
        {
            var input = InputMutator.Mutate(FuzzRun.Random(FuzzRun.Seed, index, stream: Stream(format)), seed.Kind, seed.Content);
            var source = $"fuzz-{index}.{format}";
            var where = $"seed {FuzzRun.Seed} {format} case {index} ({input.Mutation}, {input.Content.Length} bytes)";
            ImportReport? report = null;
            try
            {
                report = await ImportAsync(server, format, source, input.Content, seed.Settings);
            }
            catch (Exception e)
            {
                failures.Add($"{where}: the import crashed: {e.GetType().Name}: {e.Message}");
            }
            var after = await SnapshotAsync(server);
            var outcome = report is null ? "crashed" : report.Succeeded ? (after.Differences(current).Count > 0 ? "stored" : "nothing new") : "rejected";
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            if (report is not null && !report.Succeeded)
            {
                failures.AddRange(RejectProblems(report, source).Select(p => $"{where}: {p}"));
            }
            if ((report is null || !report.Succeeded) && after.Differences(current) is { Count: > 0 } changed)
            {
                failures.Add($"{where}: a rejected or failed import changed {string.Join(", ", changed)}");
            }
            if (after.Lost(initial) is { Count: > 0 } lost)
            {
                failures.Add($"{where}: rows that existed before were lost: {string.Join(", ", lost.Take(5))}");
            }
            current = after;
        }
        output.WriteLine($"{format} import fuzz: seed {FuzzRun.Seed}, {FuzzRun.ImportCasesPerFormat} mutations in {clock.Elapsed.TotalSeconds:N1} s: "
            + string.Join(", ", outcomes.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key} {o.Value}")));
        Assert.True(failures.Count == 0, $"{failures.Count} problems (replay one with SIGHTLINE_FUZZ_SEED={FuzzRun.Seed} SIGHTLINE_FUZZ_CASE=<case>):\n"
            + string.Join("\n", failures.Take(25)));
    }

    /// <summary>A different stream of mutations per format from the same seed.</summary>
    private static int Stream(string format) => format.Aggregate(17, (h, c) => unchecked(h * 31 + c));

    private static async Task<ImportReport> ImportAsync(SightlineServer server, string format, string source, byte[] content, IReadOnlyDictionary<string, string> settings)
    {
        await using var db = server.CreateDb();
        var importer = Importers.Find(format) ?? throw new InvalidOperationException("no importer " + format);
        using var input = new MemoryStream(content, writable: false);
        // A parser that loops forever on some input is a failure too, not a hung test run.
        return await importer.ImportAsync(db, input, new ImportContext(source, new ImportOptions()) { Settings = settings })
            .WaitAsync(TimeSpan.FromSeconds(60));
    }

    private static async Task<StoreSnapshot> SnapshotAsync(SightlineServer server)
    {
        await using var db = server.CreateDb();
        return await StoreSnapshot.TakeAsync(db);
    }

    /// <summary>A reject must say where (this input, a line or record number) and why, in words rather than a stack trace.</summary>
    private static IEnumerable<string> RejectProblems(ImportReport report, string source)
    {
        if (report.Errors.Count == 0)
        {
            yield return $"rejected without a reason: {report}";
        }
        if (report.Accepted != 0)
        {
            yield return $"rejected yet reports {report.Accepted} accepted";
        }
        foreach (var error in report.Errors)
        {
            if (error.Source != source || error.Position < 0 || string.IsNullOrWhiteSpace(error.Reason))
            {
                yield return $"a reject without its place or reason: '{error}'";
            }
            if (error.Reason.Contains("   at ", StringComparison.Ordinal) || error.Reason.Contains("Exception", StringComparison.Ordinal))
            {
                yield return $"a reject that shows internals: '{error}'";
            }
        }
    }
}
