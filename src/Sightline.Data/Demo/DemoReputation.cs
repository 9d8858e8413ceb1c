using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sightline.Data.Entities;

namespace Sightline.Data.Demo;

/// <summary>
/// Reputations for the demo's hosts, read from what was imported: malicious for indicators of profiles and articles,
/// suspicious for a self-signed certificate or a domain first seen within 30 days of its registration, neutral or
/// unknown for the rest.
/// </summary>
internal static class DemoReputation
{
    private const string ProfilePath = "/v1.0/security/threatIntelligence/intelProfiles/";
    private const string ArticlePath = "/v1.0/security/threatIntelligence/articles/";

    public static async Task ApplyAsync(SightlineDb db, CancellationToken cancellationToken)
    {
        var malicious = await MaliciousAsync(db, cancellationToken);
        var suspicious = await SuspiciousAsync(db, cancellationToken);
        var hosts = await db.Hosts.Select(h => h.Id).ToListAsync(cancellationToken);
        var stored = (await db.HostReputations.Select(r => r.HostId).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var computed = DateTimeOffset.UtcNow;
        foreach (var host in hosts.Where(h => !stored.Contains(h)).Order(StringComparer.Ordinal))
        {
            var reputation = new HostReputation { HostId = host, Id = GraphIds.Guid("reputation:" + host), ComputedDateTime = computed };
            if (malicious.TryGetValue(host, out var rules))
            {
                reputation.Classification = ReputationClass.Malicious;
                reputation.Score = Math.Min(100, 75 + (5 * (rules.Count - 1)) + DemoHash.Int(host + "score", 15));
                reputation.Rules = rules;
            }
            else if (suspicious.TryGetValue(host, out var rule))
            {
                reputation.Classification = ReputationClass.Suspicious;
                reputation.Score = DemoHash.Range(host + "score", 40, 70);
                reputation.Rules = [rule];
            }
            else if (DemoHash.Chance(host + "known", 75))
            {
                reputation.Classification = ReputationClass.Neutral;
                reputation.Score = DemoHash.Range(host + "score", 0, 20);
            }
            db.HostReputations.Add(reputation);
        }
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static async Task<Dictionary<string, List<ReputationRule>>> MaliciousAsync(SightlineDb db, CancellationToken cancellationToken)
    {
        var rules = new Dictionary<string, List<ReputationRule>>(StringComparer.Ordinal);
        List<ReputationRule> For(string host) => rules.TryGetValue(host, out var list) ? list : rules[host] = [];
        var profiles = await db.IntelProfileIndicators.Where(i => i.ArtifactType != ArtifactType.Unclassified)
            .Join(db.IntelProfiles, i => i.ProfileId, p => p.Id, (i, p) => new { i.ArtifactId, p.Id, p.Title, p.Kind })
            .ToListAsync(cancellationToken);
        foreach (var i in profiles.OrderBy(i => i.ArtifactId, StringComparer.Ordinal).ThenBy(i => i.Id, StringComparer.Ordinal))
        {
            For(i.ArtifactId).Add(new ReputationRule
            {
                Name = "Intel profile indicator",
                Description = $"{i.ArtifactId} is an indicator of the {(i.Kind == ProfileKind.Actor ? "actor" : "tool")} {i.Title}.",
                Severity = RuleSeverity.High,
                RelatedDetailsUrl = ProfilePath + i.Id,
            });
        }
        var articles = await db.ArticleIndicators.Where(i => i.ArtifactType != ArtifactType.Unclassified)
            .Join(db.Articles, i => i.ArticleId, a => a.Id, (i, a) => new { i.ArtifactId, a.Id, a.Title })
            .ToListAsync(cancellationToken);
        foreach (var i in articles.OrderBy(i => i.ArtifactId, StringComparer.Ordinal).ThenBy(i => i.Id, StringComparer.Ordinal))
        {
            For(i.ArtifactId).Add(new ReputationRule
            {
                Name = "Article indicator",
                Description = $"{i.ArtifactId} is listed in the article \"{i.Title}\".",
                Severity = RuleSeverity.High,
                RelatedDetailsUrl = ArticlePath + i.Id,
            });
        }
        return rules;
    }

    private static async Task<Dictionary<string, ReputationRule>> SuspiciousAsync(SightlineDb db, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, ReputationRule>(StringComparer.Ordinal);
        var certificates = await db.SslCertificates.ToDictionaryAsync(c => c.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var link in (await db.HostSslCertificates.ToListAsync(cancellationToken)).OrderBy(l => l.HostId, StringComparer.Ordinal))
        {
            var c = certificates[link.SslCertificateId];
            if (c.Issuer.CommonName == c.Subject.CommonName && c.Issuer.OrganizationName == c.Subject.OrganizationName)
            {
                found.TryAdd(link.HostId, new ReputationRule
                {
                    Name = "Self-signed certificate",
                    Description = $"{link.HostId} presents a self-signed TLS certificate (SHA-1 {c.Sha1}).",
                    Severity = RuleSeverity.Medium,
                    RelatedDetailsUrl = "/v1.0/security/threatIntelligence/sslCertificates/" + c.Id,
                });
            }
        }
        var registrations = await db.WhoisRecords.Where(w => w.IsCurrent)
            .Join(db.Hosts, w => w.HostId, h => h.Id, (w, h) => new { h.Id, w.RegistrationDateTime, h.FirstSeenDateTime })
            .ToListAsync(cancellationToken);
        foreach (var r in registrations.Where(r => r.RegistrationDateTime is not null && r.FirstSeenDateTime is not null))
        {
            var days = (r.FirstSeenDateTime!.Value - r.RegistrationDateTime!.Value).TotalDays;
            if (days is >= 0 and < 30)
            {
                found.TryAdd(r.Id, new ReputationRule
                {
                    Name = "Recently registered domain",
                    Description = string.Create(CultureInfo.InvariantCulture, $"{r.Id} was first observed {days:N0} days after its registration."),
                    Severity = RuleSeverity.Medium,
                    RelatedDetailsUrl = $"/v1.0/security/threatIntelligence/hosts/{r.Id}/whois",
                });
            }
        }
        return found;
    }
}
