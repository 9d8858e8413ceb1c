using Sightline.Data.Entities;

namespace Sightline.Data.Reputation.Rules;

/// <summary>
/// A component identified on the host is attack tooling named in the rule set (command-and-control frameworks and
/// phishing kits: Cobalt Strike, Metasploit, Sliver...). Components come from recog on port banners and TLS
/// fingerprints, nmap's service detection, and Wappalyzer on crawls; when a port served it, the link is that port.
/// </summary>
internal sealed class AttackToolingRule : IReputationRule
{
    public string Key => RuleKeys.AttackTooling;

    public IEnumerable<Finding> Evaluate(HostRow host, ReputationEvidence evidence, RuleSettings settings)
    {
        foreach (var hit in ReputationEvidence.Of(evidence.Tooling, host.Id))
        {
            var tool = ToolingLoader.Match(hit.Name, settings.Names) ?? hit.Name;
            var component = (hit.Name + " " + hit.Version).Trim();
            var where = hit.Port is { } port ? $"Port {port} of this host was identified as {component}" : $"This host was identified running {component}";
            yield return new Finding(Key, "Attack tooling",
                $"{where} (host component {hit.ComponentId}), which the rule set lists as attack tooling ({tool}).",
                RuleSeverity.High, hit.PortId is { } id ? ReputationLinks.HostPort(id) : ReputationLinks.Component(hit.ComponentId), settings.Weight);
        }
    }
}
