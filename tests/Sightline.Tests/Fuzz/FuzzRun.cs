namespace Sightline.Tests.Fuzz;

/// <summary>
/// The seed and size of a fuzz run: fixed by default so every run (and CI) tries the same cases;
/// <c>SIGHTLINE_FUZZ_SEED</c> and <c>SIGHTLINE_FUZZ_CASES</c> change them, <c>SIGHTLINE_FUZZ_CASE</c> replays one case.
/// </summary>
public static class FuzzRun
{
    public const int DefaultSeed = 20_251_126;

    public static int Seed => Integer("SIGHTLINE_FUZZ_SEED") ?? DefaultSeed;

    /// <summary>The API fuzz's number of requests.</summary>
    public static int ApiCases => Integer("SIGHTLINE_FUZZ_CASES") ?? 10_000;

    /// <summary>The importer fuzz's number of mutations per format (a tenth of the API's, at least 1).</summary>
    public static int ImportCasesPerFormat => Integer("SIGHTLINE_FUZZ_CASES") is { } n ? Math.Max(1, n / 40) : 250;

    /// <summary>Only this case index, to reproduce a failure.</summary>
    public static int? OnlyCase => Integer("SIGHTLINE_FUZZ_CASE");

    /// <summary>The case indices this run tries.</summary>
    public static IEnumerable<int> Indices(int count) => OnlyCase is { } only ? [only] : Enumerable.Range(0, count);

    /// <summary>A generator for one case: the same seed and index give the same case, whatever ran before it.</summary>
    public static Random Random(int seed, int index, int stream = 0) =>
        new(unchecked((int)((uint)seed * 2_654_435_761u ^ (uint)index * 40_503u ^ (uint)stream * 2_246_822_519u)));

    private static int? Integer(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), System.Globalization.NumberStyles.AllowLeadingSign,
            System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
}
