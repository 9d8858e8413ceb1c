using System.Globalization;
using Sightline.Data.Entities;
using Sightline.Parsers.Dns;

namespace Sightline.Data.Reputation.Rules;

/// <summary>
/// The label of the registrable domain (<c>xjwqpzkdlmnv</c> in <c>www.xjwqpzkdlmnv.com</c>) looks machine-generated,
/// by <see cref="NameFeatures.Verdict"/>. Internationalised (<c>xn--</c>) labels are not judged.
/// </summary>
internal sealed class GeneratedNameRule : IReputationRule
{
    public string Key => RuleKeys.GeneratedName;

    public IEnumerable<Finding> Evaluate(HostRow host, ReputationEvidence evidence, RuleSettings settings)
    {
        if (host.Kind != HostKind.Hostname || PublicSuffixList.Default.RegistrableDomain(host.Id) is not { } domain)
        {
            yield break;
        }
        var label = domain[..domain.IndexOf('.', StringComparison.Ordinal)];
        if (label.Length < settings.Threshold("minLength") || label.StartsWith("xn--", StringComparison.Ordinal))
        {
            yield break;
        }
        var f = NameFeatures.Of(label);
        if (f.Verdict(settings.Threshold("minLength"), settings.Threshold("minConsonantRun"), settings.Threshold("minEntropy"), settings.Threshold("minDigitShare")) is not { } why)
        {
            yield break;
        }
        yield return new Finding(Key, "Machine-generated name",
            $"The domain label '{label}' looks machine-generated: {why} (length {f.Length}, entropy {f.Entropy.ToString("0.00", CultureInfo.InvariantCulture)} bits per character, longest consonant run {f.ConsonantRun}).",
            RuleSeverity.Low, ReputationLinks.Host(host.Id), settings.Weight);
    }
}

/// <summary>A well-known site from the <c>top-sites</c> list (the name itself or its www. name, not its subdomains): lowers the score.</summary>
internal sealed class TopSiteRule : IReputationRule
{
    public string Key => RuleKeys.TopSite;

    public IEnumerable<Finding> Evaluate(HostRow host, ReputationEvidence evidence, RuleSettings settings)
    {
        if (host.Kind == HostKind.Hostname && TopSites.Rank(host.Id) is { } rank && rank <= settings.Threshold("maxRank"))
        {
            yield return new Finding(Key, "Well-known site",
                $"{host.Id} is ranked {rank} among the 500 most linked-to domains of the top-sites list (npm package top-sites, MIT), which lowers its score.",
                RuleSeverity.Low, TopSites.Source, settings.Weight);
        }
    }
}
