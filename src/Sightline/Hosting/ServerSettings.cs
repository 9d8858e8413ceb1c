using Sightline.Auth;
using Sightline.Data;
using Sightline.Limits;
using Sightline.OData;

namespace Sightline.Hosting;

/// <summary>What <c>serve</c> is told: where the data folder and the store are, how to page, authenticate and encrypt.</summary>
public sealed record ServerSettings
{
    public required string DataDir { get; init; }

    /// <summary>The store; by default a SQLite file in the data folder.</summary>
    public StoreOptions? Store { get; init; }

    /// <summary>Load the demo dataset into an empty store on start.</summary>
    public bool LoadDemo { get; init; } = true;

    public PagingOptions Paging { get; init; } = new();

    /// <summary>How callers are authenticated; <c>local</c> by default.</summary>
    public AuthSettings Auth { get; init; } = new();

    /// <summary>The certificate for <c>https://</c> listen addresses; null when the server speaks only HTTP.</summary>
    public HttpsSettings? Https { get; init; }

    /// <summary>An operator's reputation rule set; by default <c>reputation-rules.json</c> in the data folder, else the built-in one.</summary>
    public string? ReputationRules { get; init; }

    /// <summary>Throttling and the bounds on one request's work.</summary>
    public LimitSettings Limits { get; init; } = new();

    /// <summary>The audit log of who asked what.</summary>
    public AuditSettings Audit { get; init; } = new();

    /// <summary>Maps the benchmark's floor endpoints (<c>/floor/v1.0/...</c>); off except in benchmark runs.</summary>
    public bool BenchFloor { get; init; }

    public StoreOptions ResolveStore() => Store ?? StoreOptions.For(DataDir, null);
}
