using Sightline.Data.Entities;

namespace Sightline.Data.Reputation.Rules;

/// <summary>One piece of evidence a rule found: what Graph shows as a reputation rule, and what it adds to the score.</summary>
internal sealed record Finding(string Rule, string Name, string Description, RuleSeverity Severity, string? Url, int Weight);

/// <summary>
/// A reputation rule. Rules of the first pass read direct evidence; rules that compare a host with hosts "already
/// classified malicious" run in a second pass, after <see cref="Prepare"/> has seen the first pass's verdicts.
/// </summary>
internal interface IReputationRule
{
    string Key { get; }

    bool SecondPass => false;

    void Prepare(ReputationEvidence evidence, RuleSettings settings)
    {
    }

    IEnumerable<Finding> Evaluate(HostRow host, ReputationEvidence evidence, RuleSettings settings);
}
