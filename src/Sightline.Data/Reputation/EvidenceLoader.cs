using Microsoft.EntityFrameworkCore;
using Sightline.Data.Entities;

namespace Sightline.Data.Reputation;

/// <summary>
/// Reads the evidence for every host with one untracked query per table. Only what a rule can use is read: passive
/// DNS only towards indicator hosts, list entries only for hosts in the store, components only with tooling names.
/// </summary>
internal static class EvidenceLoader
{
    public static async Task<ReputationEvidence> LoadAsync(SightlineDb db, ReputationRuleSet rules, CancellationToken cancellationToken)
    {
        var hosts = await db.Hosts.AsNoTracking()
            .Select(h => new HostRow(h.Id, h.Kind, h.FirstSeenDateTime, h.Registrar, h.Netblock)).ToListAsync(cancellationToken);
        hosts.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));

        var profiles = await (from i in db.IntelProfileIndicators.AsNoTracking()
                              where i.ArtifactType != ArtifactType.Unclassified
                              join p in db.IntelProfiles.AsNoTracking() on i.ProfileId equals p.Id
                              select new { i.ArtifactId, p.Id, p.Title, p.Kind }).Distinct().ToListAsync(cancellationToken);
        var articles = await (from i in db.ArticleIndicators.AsNoTracking()
                              where i.ArtifactType != ArtifactType.Unclassified
                              join a in db.Articles.AsNoTracking() on i.ArticleId equals a.Id
                              select new { i.ArtifactId, a.Id, a.Title }).Distinct().ToListAsync(cancellationToken);
        var byId = Comparer<IntelHit>.Create((a, b) => string.CompareOrdinal(a.Id, b.Id));
        var indicatorHosts = profiles.Select(p => p.ArtifactId).Concat(articles.Select(a => a.ArtifactId)).Distinct(StringComparer.Ordinal).ToList();

        return new ReputationEvidence
        {
            Hosts = hosts,
            Profiles = ReputationEvidence.Group(profiles.Select(p => (p.ArtifactId, new IntelHit(p.Id, p.Title, p.Kind == ProfileKind.Actor ? "actor" : "tool"))), byId),
            Articles = ReputationEvidence.Group(articles.Select(a => (a.ArtifactId, new IntelHit(a.Id, a.Title, null))), byId),
            Resolutions = await ResolutionsAsync(db, indicatorHosts, cancellationToken),
            Lists = await ListsAsync(db, cancellationToken),
            ListDates = (await db.ListEntries.AsNoTracking().Where(e => e.ListDateTime != null)
                .GroupBy(e => e.List).Select(g => new { g.Key, Newest = g.Max(e => e.ListDateTime) }).ToListAsync(cancellationToken))
                .ToDictionary(g => g.Key, g => g.Newest!.Value, StringComparer.Ordinal),
            Whois = (await db.WhoisRecords.AsNoTracking().Where(w => w.IsCurrent)
                .Select(w => new { w.HostId, w.Id, w.RegistrationDateTime, w.Nameservers }).ToListAsync(cancellationToken))
                .GroupBy(w => w.HostId, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.OrderBy(w => w.Id, StringComparer.Ordinal).Select(w => new WhoisFacts(w.Id, w.RegistrationDateTime,
                    [.. w.Nameservers.Select(n => n.HostId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)])).First(), StringComparer.Ordinal),
            Certificates = await CertificatesAsync(db, cancellationToken),
            Trackers = ReputationEvidence.Group(
                (await db.HostTrackers.AsNoTracking().Select(t => new { t.HostId, t.Id, t.Kind, t.Value }).ToListAsync(cancellationToken))
                    .Select(t => (t.HostId, new TrackerRow(t.Id, t.Kind, t.Value))),
                Comparer<TrackerRow>.Create((a, b) => string.CompareOrdinal(a.Id, b.Id))),
            Tooling = await ToolingLoader.LoadAsync(db, rules.Rule(RuleKeys.AttackTooling).Names, cancellationToken),
            Overrides = await db.ReputationOverrides.AsNoTracking().ToDictionaryAsync(o => o.HostId, StringComparer.Ordinal, cancellationToken),
        };
    }

    private static async Task<Dictionary<string, List<Resolution>>> ResolutionsAsync(SightlineDb db, List<string> indicatorHosts, CancellationToken cancellationToken)
    {
        var rows = new List<(string, Resolution)>();
        foreach (var chunk in indicatorHosts.Chunk(5_000))
        {
            var found = await db.PassiveDnsRecords.AsNoTracking()
                .Where(p => chunk.Contains(p.ArtifactId) && p.ParentHostId != p.ArtifactId)
                .Select(p => new { p.ParentHostId, p.ArtifactId, p.RecordType, p.LastSeenDateTime }).ToListAsync(cancellationToken);
            rows.AddRange(found.Select(p => (p.ParentHostId, new Resolution(p.ArtifactId, p.RecordType, p.LastSeenDateTime))));
        }
        return ReputationEvidence.Group(rows, Comparer<Resolution>.Create((a, b) =>
            string.CompareOrdinal(a.Artifact, b.Artifact) is var c and not 0 ? c : string.CompareOrdinal(a.RecordType, b.RecordType)));
    }

    private static async Task<Dictionary<string, List<ListHit>>> ListsAsync(SightlineDb db, CancellationToken cancellationToken)
    {
        var rows = await db.ListEntries.AsNoTracking()
            .Where(e => db.Hosts.Any(h => h.Id == e.Host))
            .Select(e => new { e.Host, e.List, e.Value, e.Kind, e.Count, e.Reference, e.ListDateTime }).ToListAsync(cancellationToken);
        return ReputationEvidence.Group(rows.Select(e => (e.Host, new ListHit(e.List, e.Value, e.Kind, e.Count, e.Reference, e.ListDateTime))),
            Comparer<ListHit>.Create((a, b) => string.CompareOrdinal(a.List, b.List) is var c and not 0 ? c : string.CompareOrdinal(a.Value, b.Value)));
    }

    private static async Task<Dictionary<string, List<CertificateSighting>>> CertificatesAsync(SightlineDb db, CancellationToken cancellationToken)
    {
        var rows = await db.HostSslCertificates.AsNoTracking()
            .Select(h => new { h.HostId, h.LastSeenDateTime, Certificate = h.SslCertificate! }).ToListAsync(cancellationToken);
        return ReputationEvidence.Group(
            rows.Select(r => (r.HostId, new CertificateSighting(r.Certificate.Id, r.Certificate.Sha1, r.Certificate.Issuer, r.Certificate.Subject,
                r.Certificate.IssueDateTime, r.Certificate.ExpirationDateTime, r.LastSeenDateTime))),
            Comparer<CertificateSighting>.Create((a, b) => string.CompareOrdinal(a.CertificateId, b.CertificateId)));
    }
}
