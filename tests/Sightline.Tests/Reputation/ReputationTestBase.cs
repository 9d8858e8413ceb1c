using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using Sightline.Data.Entities;
using Sightline.Data.Reputation;
using Sightline.Tests.Support;
using Host = Sightline.Data.Entities.Host;

namespace Sightline.Tests.Reputation;

/// <summary>A server on an empty store of its own: tests insert the evidence as entities, recompute, and read the stored verdicts.</summary>
public abstract class ReputationTestBase : IAsyncLifetime
{
    protected const string Root = ReputationLinks.Root;
    protected static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    protected SightlineServer Server { get; private set; } = null!;

    public virtual async Task InitializeAsync() => Server = await SightlineServer.StartAsync(loadDemo: false);

    public async Task DisposeAsync() => await Server.DisposeAsync();

    protected async Task SeedAsync(Action<SightlineDb> add)
    {
        await using var db = Server.CreateDb();
        add(db);
        await db.SaveChangesAsync();
    }

    protected async Task<ReputationRunReport> RecomputeAsync(ReputationRuleSet? rules = null)
    {
        await using var db = Server.CreateDb();
        return await new ReputationEngine(rules ?? ReputationRuleSet.Default).RecomputeAsync(db);
    }

    protected async Task<HostReputation> StoredAsync(string host)
    {
        await using var db = Server.CreateDb();
        return await db.HostReputations.SingleAsync(r => r.HostId == host);
    }

    /// <summary>The one rule of that name in a host's stored reputation.</summary>
    protected async Task<ReputationRule> RuleAsync(string host, string name) => Assert.Single((await StoredAsync(host)).Rules, r => r.Name == name);

    protected async Task AssertNoRuleAsync(string host, string name) => Assert.DoesNotContain((await StoredAsync(host)).Rules, r => r.Name == name);

    protected static Host Name(string id, DateTimeOffset? firstSeen = null, string? registrar = null) =>
        new() { Id = id, Kind = HostKind.Hostname, FirstSeenDateTime = firstSeen ?? T0, LastSeenDateTime = T0.AddDays(30), Registrar = registrar };

    protected static Host Ip(string id, string? netblock = null) =>
        new() { Id = id, Kind = HostKind.IpAddress, FirstSeenDateTime = T0, LastSeenDateTime = T0.AddDays(30), Netblock = netblock };

    protected static IntelProfile Profile(string id, string title, ProfileKind kind = ProfileKind.Actor) =>
        new() { Id = id, Title = title, Kind = kind, FirstActiveDateTime = T0.AddYears(-3) };

    protected static IntelProfileIndicator ProfileIndicator(string profileId, string host, HostKind kind = HostKind.Hostname) => new()
    {
        ProfileId = profileId, Id = GraphIds.Guid("pi:" + profileId + host), ArtifactId = host, FirstSeenDateTime = T0,
        ArtifactType = kind == HostKind.Hostname ? ArtifactType.Hostname : ArtifactType.IpAddress,
    };

    protected static Article Article(string id, string title) => new() { Id = id, Title = title, CreatedDateTime = T0, LastUpdatedDateTime = T0 };

    protected static ArticleIndicator ArticleIndicator(string articleId, string host) => new()
    {
        ArticleId = articleId, Id = GraphIds.Compose(articleId, host), ArtifactId = host, ArtifactType = ArtifactType.Hostname, Source = IndicatorSource.Osint,
    };

    /// <summary>The same host seen as malicious by the first pass: an indicator of <paramref name="profileId"/>.</summary>
    protected static void AddIndicators(SightlineDb db, string profileId, params Host[] hosts)
    {
        db.Hosts.AddRange(hosts);
        db.IntelProfileIndicators.AddRange(hosts.Select(h => ProfileIndicator(profileId, h.Id, h.Kind)));
    }
}
