using Sightline.Data.Entities;

namespace Sightline.Data.Reputation;

/// <summary>What a recompute did: hosts scored, how many of each class, how many stored verdicts changed, and how long it took.</summary>
public sealed record ReputationRunReport(string RuleSetVersion, int HostsScored, IReadOnlyDictionary<ReputationClass, int> Classes, int Changed, TimeSpan Elapsed)
{
    public int Count(ReputationClass c) => Classes.GetValueOrDefault(c);

    public override string ToString() =>
        $"reputation ({RuleSetVersion}): {HostsScored:N0} hosts scored, {Count(ReputationClass.Malicious):N0} malicious, "
        + $"{Count(ReputationClass.Suspicious):N0} suspicious, {Count(ReputationClass.Neutral):N0} neutral, {Count(ReputationClass.Unknown):N0} unknown; "
        + $"{Changed:N0} changed, in {Elapsed.TotalSeconds:N1} s";
}
