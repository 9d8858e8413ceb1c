using System.Globalization;
using Sightline.Data.Entities;

namespace Sightline.Data.Reputation.Rules;

/// <summary>
/// The domain was first seen at most <c>maxDays</c> days after its WHOIS creation date: infrastructure registered for
/// a campaign is used at once. Both dates come from the data (the current WHOIS record, the host's first sighting), so
/// the verdict does not change with the day the score is computed.
/// </summary>
internal sealed class RecentlyRegisteredRule : IReputationRule
{
    public string Key => RuleKeys.RecentlyRegistered;

    public IEnumerable<Finding> Evaluate(HostRow host, ReputationEvidence evidence, RuleSettings settings)
    {
        if (host.Kind != HostKind.Hostname || host.FirstSeen is not { } first
            || !evidence.Whois.TryGetValue(host.Id, out var whois) || whois.Registered is not { } created)
        {
            yield break;
        }
        var days = (first - created).TotalDays;
        var max = settings.Threshold("maxDays");
        if (days < 0 || days > max)
        {
            yield break;
        }
        yield return new Finding(Key, "Recently registered domain",
            $"WHOIS gives {Date(created)} as the domain's creation date and it was first seen on {Date(first)}, "
            + $"{Math.Floor(days).ToString(CultureInfo.InvariantCulture)} days later (the rule fires within {max.ToString(CultureInfo.InvariantCulture)} days).",
            RuleSeverity.Medium, ReputationLinks.Whois(host.Id), settings.Weight);
    }

    private static string Date(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
