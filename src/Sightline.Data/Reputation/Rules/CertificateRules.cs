using System.Globalization;
using Sightline.Data.Entities;

namespace Sightline.Data.Reputation.Rules;

/// <summary>A certificate the host served names itself as its issuer (issuer and subject are the same name).</summary>
internal sealed class SelfSignedCertificateRule : IReputationRule
{
    public string Key => RuleKeys.SelfSignedCertificate;

    public IEnumerable<Finding> Evaluate(HostRow host, ReputationEvidence evidence, RuleSettings settings) =>
        from c in ReputationEvidence.Of(evidence.Certificates, host.Id)
        let subject = CertificateNames.Distinguished(c.Subject)
        where subject.Length > 0 && subject == CertificateNames.Distinguished(c.Issuer)
        select new Finding(Key, "Self-signed certificate",
            $"The certificate {c.Sha1} this host served is self-signed: its issuer is its subject ({subject}).",
            RuleSeverity.Low, ReputationLinks.Certificate(c.CertificateId), settings.Weight);
}

/// <summary>The host was still serving a certificate after it expired (both dates from the data).</summary>
internal sealed class ExpiredCertificateRule : IReputationRule
{
    public string Key => RuleKeys.ExpiredCertificate;

    public IEnumerable<Finding> Evaluate(HostRow host, ReputationEvidence evidence, RuleSettings settings) =>
        from c in ReputationEvidence.Of(evidence.Certificates, host.Id)
        where c.Expires is { } expires && c.LastSeenOnHost is { } seen && seen > expires
        select new Finding(Key, "Expired certificate",
            $"The certificate {c.Sha1} expired on {CertificateNames.Date(c.Expires!.Value)} but this host still served it on {CertificateNames.Date(c.LastSeenOnHost!.Value)}.",
            RuleSeverity.Low, ReputationLinks.Certificate(c.CertificateId), settings.Weight);
}

/// <summary>A certificate valid for less than <c>maxDays</c> days: throwaway certificates of short-lived infrastructure.</summary>
internal sealed class ShortLivedCertificateRule : IReputationRule
{
    public string Key => RuleKeys.ShortLivedCertificate;

    public IEnumerable<Finding> Evaluate(HostRow host, ReputationEvidence evidence, RuleSettings settings)
    {
        var max = settings.Threshold("maxDays");
        foreach (var c in ReputationEvidence.Of(evidence.Certificates, host.Id))
        {
            if (c.Issued is not { } issued || c.Expires is not { } expires || expires <= issued || (expires - issued).TotalDays >= max)
            {
                continue;
            }
            var hours = Math.Round((expires - issued).TotalHours).ToString(CultureInfo.InvariantCulture);
            yield return new Finding(Key, "Short-lived certificate",
                $"The certificate {c.Sha1} this host served is valid for only {hours} hours ({CertificateNames.Date(issued)} to {CertificateNames.Date(expires)}; the rule fires under {max.ToString(CultureInfo.InvariantCulture)} days).",
                RuleSeverity.Low, ReputationLinks.Certificate(c.CertificateId), settings.Weight);
        }
    }
}

internal static class CertificateNames
{
    /// <summary>The name fields of a certificate party as one string (<c>CN=..., O=..., C=...</c>), empty when it has none.</summary>
    public static string Distinguished(CertificateParty p) => string.Join(", ", new[]
    {
        ("CN", p.CommonName), ("OU", p.OrganizationUnitName), ("O", p.OrganizationName), ("L", p.City), ("ST", p.State), ("C", p.CountryOrRegion), ("E", p.Email),
    }.Where(f => !string.IsNullOrWhiteSpace(f.Item2)).Select(f => $"{f.Item1}={f.Item2!.Trim()}"));

    public static string Date(DateTimeOffset date) => date.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
