using System.Globalization;
using Sightline.Data.Entities;

namespace Sightline.Data.Reputation.Rules;

/// <summary>A value a host has (a registrar, a name server, a certificate...), its label in text, and where to see who shares it.</summary>
internal readonly record struct Attribute(string Key, string Label, string Url);

/// <summary>
/// Second pass: the host shares an attribute with other hosts of the store, and at least <c>minMalicious</c> of those
/// others, making up at least <c>minShare</c> of them, were classified malicious by the first pass (direct evidence and
/// overrides). The share is over the other hosts only, so a host never counts towards its own verdict; examples are
/// the first malicious hosts in ordinal order, so the text is the same whatever order the data came in.
/// </summary>
internal sealed class SharedAttributeRule(string key, string name, string what, Func<HostRow, ReputationEvidence, IEnumerable<Attribute>> attributes) : IReputationRule
{
    private const int Examples = 3;
    private readonly Dictionary<string, Tally> _tallies = new(StringComparer.Ordinal);

    public string Key => key;

    public bool SecondPass => true;

    public void Prepare(ReputationEvidence evidence, RuleSettings settings)
    {
        _tallies.Clear();
        foreach (var host in evidence.Hosts)
        {
            var malicious = evidence.Malicious.Contains(host.Id);
            foreach (var attribute in Distinct(host, evidence))
            {
                if (!_tallies.TryGetValue(attribute.Key, out var tally))
                {
                    _tallies[attribute.Key] = tally = new Tally();
                }
                tally.Hosts++;
                if (malicious)
                {
                    tally.Malicious.Add(host.Id);
                }
            }
        }
    }

    public IEnumerable<Finding> Evaluate(HostRow host, ReputationEvidence evidence, RuleSettings settings)
    {
        var self = evidence.Malicious.Contains(host.Id);
        foreach (var attribute in Distinct(host, evidence))
        {
            var tally = _tallies[attribute.Key];
            var others = tally.Hosts - 1;
            var bad = tally.Malicious.Count - (self ? 1 : 0);
            if (others <= 0 || bad < settings.Threshold("minMalicious") || (double)bad / others < settings.Threshold("minShare"))
            {
                continue;
            }
            var examples = string.Join(", ", tally.Malicious.Where(h => h != host.Id).Take(Examples));
            var share = ((double)bad * 100 / others).ToString("0", CultureInfo.InvariantCulture) + "%";
            yield return new Finding(Key, name,
                $"{what} {attribute.Label} is shared with {bad} of the {others} other hosts in the store that have it ({share}), classified malicious: {examples}{(bad > Examples ? ", ..." : "")}.",
                RuleSeverity.Medium, attribute.Url, settings.Weight);
        }
    }

    private IEnumerable<Attribute> Distinct(HostRow host, ReputationEvidence evidence) =>
        attributes(host, evidence).DistinctBy(a => a.Key, StringComparer.Ordinal);

    private sealed class Tally
    {
        public int Hosts { get; set; }

        /// <summary>Malicious hosts with the attribute, in ordinal order (hosts are visited in that order).</summary>
        public List<string> Malicious { get; } = [];
    }
}

/// <summary>The attributes the sharing rules compare.</summary>
internal static class SharedAttributes
{
    public static IEnumerable<IReputationRule> Rules() =>
    [
        new SharedAttributeRule(RuleKeys.SharedRegistrar, "Registrar shared with malicious hosts", "The registrar",
            (h, _) => h.Kind == HostKind.Hostname && h.Registrar is { Length: > 0 } r
                ? [new Attribute(r.ToLowerInvariant(), $"'{r}'", ReputationLinks.WhoisSearch("registrar/name", r))] : []),
        new SharedAttributeRule(RuleKeys.SharedNameServer, "Name server shared with malicious hosts", "The name server",
            (h, e) => e.Whois.TryGetValue(h.Id, out var w) ? w.Nameservers.Select(n => new Attribute(n, n, ReputationLinks.NameServerSearch(n))) : []),
        new SharedAttributeRule(RuleKeys.SharedCertificate, "Certificate shared with malicious hosts", "The certificate",
            (h, e) => ReputationEvidence.Of(e.Certificates, h.Id).Select(c => new Attribute(c.CertificateId, c.Sha1, ReputationLinks.CertificateHosts(c.CertificateId)))),
        new SharedAttributeRule(RuleKeys.SharedTracker, "Tracker shared with malicious hosts", "The tracker",
            (h, e) => ReputationEvidence.Of(e.Trackers, h.Id).Select(t => new Attribute(t.Kind + "\n" + t.Value, $"{t.Kind} {t.Value}", ReputationLinks.TrackersWith(t.Value)))),
        new SharedAttributeRule(RuleKeys.SharedNetblock, "Netblock shared with malicious hosts", "The netblock",
            (h, _) => h.Kind == HostKind.IpAddress && h.Netblock is { Length: > 0 } n
                ? [new Attribute(n, n, ReputationLinks.Host(h.Id))] : []),
    ];
}
