using System.CommandLine;
using Sightline.Limits;
using Sightline.OData;

namespace Sightline.Commands;

/// <summary><c>serve</c>'s throttling, bounds and audit options; 0 switches a limit off.</summary>
internal sealed class LimitOptions
{
    private static readonly LimitSettings _defaults = new();
    private static readonly QueryLimits _query = new();

    public Option<int> RateLimit { get; } = Int("--rate-limit", _defaults.RateLimit, "Requests one client (token subject or app id; without a token, its address) may send per --rate-window; over it: 429 with Retry-After. 0: no throttling.");
    public Option<int> RateWindow { get; } = Int("--rate-window", (int)_defaults.RateWindow.TotalSeconds, "The throttling window, in seconds.");
    public Option<int> MaxUrlLength { get; } = Int("--max-url-length", _defaults.MaxUrlLength, "The longest request URL (path and query), in characters (414 beyond).");
    public Option<int> MaxFilterLength { get; } = Int("--max-filter-length", _query.MaxFilterLength, "The longest $filter, in characters.");
    public Option<int> MaxFilterNodes { get; } = Int("--max-filter-nodes", _query.MaxFilterNodes, "The most terms (operators, functions, properties, constants) in one $filter.");
    public Option<int> MaxSearchLength { get; } = Int("--max-search-length", _query.MaxSearchLength, "The longest $search, in characters.");
    public Option<int> MaxExpandDepth { get; } = Int("--max-expand-depth", _query.MaxExpandDepth, "How deep $expand may nest.");
    public Option<long> MaxIngestBytes { get; } = new("--max-ingest-bytes") { Description = "The largest POST /ingest body, in bytes (413 beyond). 0: no limit.", DefaultValueFactory = _ => _defaults.MaxIngestBytes };
    public Option<int> RequestTimeout { get; } = Int("--request-timeout", (int)_defaults.RequestTimeout.TotalSeconds, "Seconds a Graph or operations request may run before it is cancelled (504). 0: no limit.");
    public Option<int> IngestTimeout { get; } = Int("--ingest-timeout", (int)_defaults.IngestTimeout.TotalSeconds, "Seconds a POST /ingest may run before it is cancelled (504). 0: no limit.");
    public Option<string> Audit { get; } = new("--audit") { Description = "The audit log in <data-dir>/audit: on (paths and query option names), full (whole query strings too) or off.", DefaultValueFactory = _ => "on" };
    public Option<int> AuditRetention { get; } = Int("--audit-retention", new AuditSettings().RetentionDays, "Days of audit files to keep. 0: keep all.");

    public LimitOptions() => Audit.AcceptOnlyFromAmong("on", "full", "off");

    public IEnumerable<Option> All => [RateLimit, RateWindow, MaxUrlLength, MaxFilterLength, MaxFilterNodes, MaxSearchLength, MaxExpandDepth,
        MaxIngestBytes, RequestTimeout, IngestTimeout, Audit, AuditRetention];

    public LimitSettings LimitSettings(ParseResult parse) => new()
    {
        RateLimit = NonNegative(parse, RateLimit),
        RateWindow = TimeSpan.FromSeconds(NonNegative(parse, RateWindow)),
        MaxUrlLength = NonNegative(parse, MaxUrlLength),
        MaxIngestBytes = Math.Max(0, parse.GetValue(MaxIngestBytes)),
        RequestTimeout = TimeSpan.FromSeconds(NonNegative(parse, RequestTimeout)),
        IngestTimeout = TimeSpan.FromSeconds(NonNegative(parse, IngestTimeout)),
        Query = new QueryLimits
        {
            MaxFilterLength = Unbounded(NonNegative(parse, MaxFilterLength)),
            MaxFilterNodes = Unbounded(NonNegative(parse, MaxFilterNodes)),
            MaxSearchLength = Unbounded(NonNegative(parse, MaxSearchLength)),
            MaxExpandDepth = Unbounded(NonNegative(parse, MaxExpandDepth)),
        },
    };

    public AuditSettings AuditSettings(ParseResult parse) => new()
    {
        Mode = Enum.Parse<AuditMode>(parse.GetValue(Audit)!, ignoreCase: true),
        RetentionDays = NonNegative(parse, AuditRetention),
    };

    private static Option<int> Int(string name, int value, string description) => new(name) { Description = description, DefaultValueFactory = _ => value };

    private static int NonNegative(ParseResult parse, Option<int> option) =>
        parse.GetValue(option) is var n and >= 0 ? n : throw new ArgumentException($"{option.Name} must be 0 or more.");

    private static int Unbounded(int n) => n == 0 ? int.MaxValue : n;
}
