using Sightline.OData;

namespace Sightline.Limits;

/// <summary>The bounds on what one client and one request may cost; 0 switches a limit off.</summary>
public sealed record LimitSettings
{
    /// <summary>Requests per client (token subject, else app id, else address) per <see cref="RateWindow"/>.</summary>
    public int RateLimit { get; init; } = 1200;

    public TimeSpan RateWindow { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The request target (path and query string), in characters.</summary>
    public int MaxUrlLength { get; init; } = 8192;

    /// <summary>The body of one <c>POST /ingest</c>, in bytes.</summary>
    public long MaxIngestBytes { get; init; } = 1L << 30;

    /// <summary>How long a Graph read or an operations request may run before it is cancelled (504).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long one <c>POST /ingest</c> may run; zero means no limit (its size is bounded instead).</summary>
    public TimeSpan IngestTimeout { get; init; } = TimeSpan.Zero;

    public QueryLimits Query { get; init; } = new();
}
