namespace Sightline.Bench.Load;

internal sealed class LoadSettings
{
    public required BenchSettings Server { get; init; }
    public required TimeSpan Duration { get; init; }
    public required int Concurrency { get; init; }
    public required int Clients { get; init; }
    public required int ThrottledWorkers { get; init; }
    public required int RateLimit { get; init; }
    public required int RateWindowSeconds { get; init; }
    public required TimeSpan SampleEvery { get; init; }

    /// <summary>The server's options: throttling on at the configured limit, so a client over it gets 429s.</summary>
    public IReadOnlyList<string> ServeArgs => ["--rate-limit", Invariant(RateLimit), "--rate-window", Invariant(RateWindowSeconds), "--audit", "off"];

    /// <summary>
    /// A well-behaved client keeps below the limit with this margin (requests per window), so that the server's
    /// fixed window, which starts at the client's first request, never sees it over the limit.
    /// </summary>
    public int PacedLimit => Math.Max(1, RateLimit * 9 / 10);

    /// <summary>The routes driven round-robin, relative to <c>/v1.0/security/threatIntelligence/</c> (the demo's data).</summary>
    public static IReadOnlyList<BenchRoute> Routes { get; } =
    [
        new("host", "hosts/contoso-login.com"),
        new("reputation", "hosts/contoso-login.com/reputation"),
        new("passiveDns first page", "hosts/northwind-flux.net/passiveDns?$top=100"),
        new("passiveDns deep page", "hosts/northwind-flux.net/passiveDns?$top=100&$skip=300"),
        new("passiveDnsReverse", "hosts/40.83.183.71/passiveDnsReverse"),
        new("whois", "hosts/contoso-login.com/whois"),
        new("articles $search", "articles?$search=ransomware&$top=10"),
        new("intelProfiles", "intelProfiles?$top=20"),
        new("vulnerability", "vulnerabilities/CVE-2024-3273"),
        new("vulnerabilities list", "vulnerabilities?$top=20&$orderby=priorityScore desc"),
        new("pivot hostPorts", "hostPorts?$filter=port eq 443&$top=50"),
        new("pivot passiveDnsRecords", "passiveDnsRecords?$filter=artifact/id eq '40.83.183.71'&$top=50"),
    ];

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
