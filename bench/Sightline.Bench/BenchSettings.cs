using System.Globalization;

namespace Sightline.Bench;

internal sealed class BenchSettings
{
    public required string ServerDll { get; init; }
    public required int Requests { get; init; }
    public required int Warmup { get; init; }
    public required IReadOnlyList<int> Concurrency { get; init; }
    public string? Postgres { get; init; }
    public required double MaxSecondsPerBatch { get; init; }
    public required TimeSpan StartTimeout { get; init; }
    public required string Dotnet { get; init; }

    /// <summary>Also measure each route's floor (the server's <c>--bench-floor</c> endpoints) right after it.</summary>
    public bool Floor { get; init; }

    /// <summary>An existing data folder (a store filled beforehand, see docs/benchmarks.md), used as it is and kept.</summary>
    public string? DataDir { get; init; }

    /// <summary>The host whose passive DNS is paged, the address read in reverse, and the deep page's <c>$skip</c>.</summary>
    public string HeavyHost { get; init; } = "northwind-flux.net";
    public string HeavyAddress { get; init; } = "40.83.183.71";
    public int DeepSkip { get; init; } = 300;

    public string StoreName => Postgres is null ? "SQLite" : "PostgreSQL";

    /// <summary>The routes measured, relative to <c>/v1.0/security/threatIntelligence/</c>; those with a floor say so.</summary>
    public IReadOnlyList<BenchRoute> Routes =>
    [
        new("host", "hosts/contoso-login.com", HasFloor: true),
        new("reputation", "hosts/contoso-login.com/reputation", HasFloor: true),
        new("passiveDns first page", $"hosts/{HeavyHost}/passiveDns?$top=100", HasFloor: true),
        new("passiveDns deep page", string.Create(CultureInfo.InvariantCulture, $"hosts/{HeavyHost}/passiveDns?$top=100&$skip={DeepSkip}"), HasFloor: true),
        new("passiveDnsReverse", $"hosts/{HeavyAddress}/passiveDnsReverse", HasFloor: true),
        new("whois", "hosts/contoso-login.com/whois", HasFloor: true),
        new("articles $search", "articles?$search=ransomware&$top=10", HasFloor: true),
        new("intelProfiles", "intelProfiles?$top=20"),
        new("vulnerability", "vulnerabilities/CVE-2024-3273"),
    ];

    public static IReadOnlyList<int> ParseLevels(string text)
    {
        var levels = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var level) || level < 1 || level > 1024)
            {
                throw new ArgumentException($"--concurrency: '{part}' is not a number from 1 to 1024.");
            }
            levels.Add(level);
        }
        return levels.Count > 0 ? levels : throw new ArgumentException("--concurrency: give at least one level.");
    }

    public static string ResolveServerDll(string path)
    {
        var candidates = new List<string> { Path.GetFullPath(path) };
        if (!Path.IsPathRooted(path) && FindRepositoryRoot() is { } repo)
        {
            candidates.Add(Path.GetFullPath(Path.Combine(repo, path)));
        }
        return candidates.FirstOrDefault(File.Exists) ?? throw new ArgumentException(
            $"The server is not built: {string.Join(" or ", candidates.Distinct(StringComparer.Ordinal))} does not exist. " +
            "Run 'dotnet build -c Release src/Sightline' first, or pass --server-dll.");
    }

    private static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Sightline.slnx")))
                {
                    return dir.FullName;
                }
            }
        }
        return null;
    }
}

internal sealed record BenchRoute(string Name, string Path, bool HasFloor = false, bool IsFloor = false)
{
    /// <summary>The same request to the floor endpoint (<c>/floor/v1.0/...</c>).</summary>
    public BenchRoute AsFloor() => this with { Name = Name + " (floor)", IsFloor = true };
}
