using System.Globalization;
using Sightline.Data.Entities;

namespace Sightline.Data.Reputation.Rules;

/// <summary>
/// Second pass: the host name's top-level domain holds at least <c>minHosts</c> host names in the store, and at least
/// <c>minShare</c> of the others were classified malicious by the first pass. Too small a sample says nothing. The
/// evidence is a statistic of the store, given in the description: no bounded Graph query lists a TLD's hosts (the
/// hosts pivot needs an indexed equality), so the rule has no link.
/// </summary>
internal sealed class RiskyTldRule : IReputationRule
{
    private readonly Dictionary<string, (int Hosts, int Malicious)> _tlds = new(StringComparer.Ordinal);

    public string Key => RuleKeys.RiskyTld;

    public bool SecondPass => true;

    public void Prepare(ReputationEvidence evidence, RuleSettings settings)
    {
        _tlds.Clear();
        foreach (var host in evidence.Hosts.Where(h => h.Kind == HostKind.Hostname))
        {
            var tld = Tld(host.Id);
            var (hosts, malicious) = _tlds.GetValueOrDefault(tld);
            _tlds[tld] = (hosts + 1, malicious + (evidence.Malicious.Contains(host.Id) ? 1 : 0));
        }
    }

    public IEnumerable<Finding> Evaluate(HostRow host, ReputationEvidence evidence, RuleSettings settings)
    {
        if (host.Kind != HostKind.Hostname)
        {
            yield break;
        }
        var tld = Tld(host.Id);
        var (hosts, malicious) = _tlds[tld];
        var others = hosts - 1;
        var bad = malicious - (evidence.Malicious.Contains(host.Id) ? 1 : 0);
        if (hosts < settings.Threshold("minHosts") || others <= 0 || (double)bad / others < settings.Threshold("minShare"))
        {
            yield break;
        }
        var share = ((double)bad * 100 / others).ToString("0", CultureInfo.InvariantCulture) + "%";
        yield return new Finding(Key, "Top-level domain with many malicious hosts",
            $"{bad} of the {others} other host names under .{tld} in the store ({share}) are classified malicious (the rule needs at least {settings.Threshold("minHosts").ToString(CultureInfo.InvariantCulture)} names under the domain).",
            RuleSeverity.Low, null, settings.Weight);
    }

    private static string Tld(string host) => host[(host.LastIndexOf('.') + 1)..];
}
