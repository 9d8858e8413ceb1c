using System.Globalization;
using Sightline.Data.Entities;
using Sightline.Data.Ingestion;
using Sightline.Parsers.Dns;

namespace Sightline.Data.Reputation.Rules;

/// <summary>
/// The IP address is on at least <c>minLists</c> of the blocklists the ipsum feed aggregates. The weight is
/// <c>weight</c> per list, at most <c>maxWeight</c>; high severity from <c>highSeverityLists</c>. Only the feed's newest
/// imported snapshot counts, so an address that left the feed stops counting when a newer snapshot is imported.
/// </summary>
internal sealed class IpsumRule : IReputationRule
{
    public string Key => RuleKeys.IpsumBlocklists;

    public IEnumerable<Finding> Evaluate(HostRow host, ReputationEvidence evidence, RuleSettings settings)
    {
        if (host.Kind != HostKind.IpAddress)
        {
            yield break;
        }
        evidence.ListDates.TryGetValue(IpsumImporter.List, out var newest);
        foreach (var hit in ReputationEvidence.Of(evidence.Lists, host.Id))
        {
            if (hit.List != IpsumImporter.List || hit.Count is not { } lists || lists < settings.Threshold("minLists")
                || (hit.ListDate is { } date && date != newest))
            {
                continue;
            }
            var snapshot = hit.ListDate is { } d ? $" (snapshot of {d.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})" : "";
            var weight = (int)Math.Min(settings.Threshold("maxWeight"), (double)settings.Weight * lists);
            yield return new Finding(Key, "IPsum blocklists",
                $"This IP address is on {lists} blocklists according to the ipsum feed{snapshot}, list '{hit.List}' in this store.",
                lists >= settings.Threshold("highSeverityLists") ? RuleSeverity.High : RuleSeverity.Medium, hit.Reference ?? IpsumImporter.Home, weight);
        }
    }
}

/// <summary>
/// The host, or the registrable domain of a host name, is a trail of a maltrail APT list (a domain or an address the
/// trail attributes to the group). A trail that is a path on the host (a URL) weighs <c>urlWeight</c> instead: the
/// host served the group's file but may be a compromised third party. The link is the report the trail cites.
/// </summary>
internal sealed class MaltrailRule : IReputationRule
{
    private const string Home = "https://github.com/stamparm/maltrail";

    public string Key => RuleKeys.MaltrailTrail;

    public IEnumerable<Finding> Evaluate(HostRow host, ReputationEvidence evidence, RuleSettings settings)
    {
        var hits = ReputationEvidence.Of(evidence.Lists, host.Id).Select(h => (Hit: h, Via: (string?)null));
        if (host.Kind == HostKind.Hostname && evidence.Lists.Count > 0 && PublicSuffixList.Default.RegistrableDomain(host.Id) is { } domain && domain != host.Id)
        {
            hits = hits.Concat(ReputationEvidence.Of(evidence.Lists, domain).Where(h => h.Kind == ListEntryKind.Domain).Select(h => (h, (string?)domain)));
        }
        foreach (var (hit, via) in hits)
        {
            if (!hit.List.StartsWith(MaltrailImporter.Prefix, StringComparison.Ordinal) && hit.List != "maltrail")
            {
                continue;
            }
            var trail = hit.List.StartsWith(MaltrailImporter.Prefix, StringComparison.Ordinal) ? hit.List[MaltrailImporter.Prefix.Length..] : hit.List;
            var reference = hit.Reference is { } r ? $" The trail cites {r}." : "";
            var subject = via is null ? "This host" : $"This host's domain {via}";
            var (text, weight, severity) = hit.Kind == ListEntryKind.Url
                ? ($"The maltrail trail {trail} names '{hit.Value}', served from this host.", (int)settings.Threshold("urlWeight"), RuleSeverity.Medium)
                : ($"{subject} is in the maltrail APT trail {trail} (list '{hit.List}', entry '{hit.Value}').", settings.Weight, RuleSeverity.High);
            yield return new Finding(Key, "Maltrail APT trail", text + reference, severity, hit.Reference ?? Home, weight);
        }
    }
}
