using System.Diagnostics;
using Sightline.Data.Entities;
using Sightline.Data.Reputation.Rules;

namespace Sightline.Data.Reputation;

/// <summary>
/// Scores every host of the store from what the store knows and stores the verdicts (<see cref="HostReputation"/>),
/// so that reading a reputation is one row lookup. Run after imports, not on reads. Two passes: direct evidence (and
/// analyst overrides) first; then the rules that compare a host with the hosts the first pass found malicious. The
/// result depends only on the data and the rule set: hosts and evidence are visited in ordinal order, and no rule
/// reads the clock.
/// </summary>
public sealed class ReputationEngine(ReputationRuleSet rules)
{
    private static readonly bool _trace = Environment.GetEnvironmentVariable("SIGHTLINE_REPUTATION_TRACE") == "1";

    public ReputationRuleSet Rules => rules;

    public async Task<ReputationRunReport> RecomputeAsync(SightlineDb db, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var evidence = await EvidenceLoader.LoadAsync(db, rules, cancellationToken);
        var loaded = clock.Elapsed;
        var active = RuleCatalog.Create().Where(r => rules.Rule(r.Key).Enabled).ToList();
        var first = active.Where(r => !r.SecondPass).ToList();
        var second = active.Where(r => r.SecondPass).ToList();

        var findings = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
        foreach (var host in evidence.Hosts)
        {
            var found = Evaluate(first, host, evidence);
            findings[host.Id] = found;
            if (ReputationScore.Verdict(found, evidence.Overrides.GetValueOrDefault(host.Id), rules).Class == ReputationClass.Malicious)
            {
                evidence.Malicious.Add(host.Id);
            }
        }
        foreach (var rule in second)
        {
            rule.Prepare(evidence, rules.Rule(rule.Key));
        }

        var order = active.Select((r, i) => (r.Key, i)).ToDictionary(x => x.Key, x => x.i, StringComparer.Ordinal);
        var computed = DateTimeOffset.UtcNow;
        var reputations = new List<HostReputation>(evidence.Hosts.Count);
        var classes = new Dictionary<ReputationClass, int>();
        foreach (var host in evidence.Hosts)
        {
            var found = findings[host.Id];
            found.AddRange(Evaluate(second, host, evidence));
            found = [.. found.OrderBy(f => order[f.Rule])];
            var forced = evidence.Overrides.GetValueOrDefault(host.Id);
            var (score, cls) = ReputationScore.Verdict(found, forced, rules);
            classes[cls] = classes.GetValueOrDefault(cls) + 1;
            reputations.Add(new HostReputation
            {
                HostId = host.Id,
                Id = GraphIds.Guid("reputation:" + host.Id),
                Score = score,
                Classification = cls,
                ComputedDateTime = computed,
                Rules = ReputationScore.Rules(found, forced, rules, score),
            });
            findings.Remove(host.Id);
        }
        var scored = clock.Elapsed;
        var changed = await ReputationWriter.SaveAsync(db, reputations, cancellationToken);
        if (_trace)
        {
            Console.Error.WriteLine($"reputation: load {loaded.TotalMilliseconds:N0} ms, score {(scored - loaded).TotalMilliseconds:N0} ms, compare and save {(clock.Elapsed - scored).TotalMilliseconds:N0} ms");
        }
        return new ReputationRunReport(rules.Version, reputations.Count, classes, changed, clock.Elapsed);
    }

    private List<Finding> Evaluate(List<IReputationRule> pass, HostRow host, ReputationEvidence evidence)
    {
        var found = new List<Finding>();
        foreach (var rule in pass)
        {
            found.AddRange(rule.Evaluate(host, evidence, rules.Rule(rule.Key)));
        }
        return found;
    }
}
