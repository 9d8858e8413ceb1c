using Sightline.Data;
using Sightline.Data.Reputation;

namespace Sightline.Hosting;

/// <summary>
/// The server's reputation engine with the rule set chosen at start, and one recompute at a time: imports over HTTP
/// and override changes both recompute, and two recomputes writing the same rows at once would only contend.
/// </summary>
public sealed class ReputationService(ReputationEngine engine)
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public ReputationEngine Engine => engine;

    public async Task<ReputationRunReport> RecomputeAsync(SightlineDb db, CancellationToken cancellationToken)
    {
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            return await engine.RecomputeAsync(db, cancellationToken);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }
}

public static class ReputationServices
{
    public static IServiceCollection AddReputation(this IServiceCollection services, ServerSettings settings)
    {
        var rules = ReputationRuleSet.Resolve(settings.ReputationRules, settings.DataDir);
        services.AddSingleton(rules);
        services.AddSingleton(new ReputationService(new ReputationEngine(rules)));
        return services;
    }
}
