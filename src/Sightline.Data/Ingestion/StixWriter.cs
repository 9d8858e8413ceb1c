using Microsoft.EntityFrameworkCore;
using Sightline.Data.Entities;

namespace Sightline.Data.Ingestion;

/// <summary>
/// Merges what one bundle built into the store, with one query per table. A profile is rewritten from the bundle
/// (the store keeps no STIX version for profiles, so the last import wins). An article is rewritten, and its
/// indicators replaced, unless the stored one was updated later than this report's <c>modified</c>: an older
/// version of a report never overwrites a newer one. A profile indicator seen again widens its window.
/// </summary>
internal sealed class StixWriter(SightlineDb db, HostUpserter hosts)
{
    /// <summary>Adds or rewrites the profiles; returns how many existed.</summary>
    public async Task<int> SaveProfilesAsync(IReadOnlyList<IntelProfile> profiles, CancellationToken cancellationToken)
    {
        var ids = profiles.Select(p => p.Id).ToList();
        var stored = await db.IntelProfiles.AsTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var profile in profiles)
        {
            if (stored.TryGetValue(profile.Id, out var existing))
            {
                db.Entry(existing).CurrentValues.SetValues(profile);
                // SetValues copies scalars only; the lists are assigned so their change is saved.
                existing.Aliases = profile.Aliases;
                existing.Targets = profile.Targets;
                existing.CountryCodes = profile.CountryCodes;
                existing.CountryLabels = profile.CountryLabels;
            }
            else
            {
                db.IntelProfiles.Add(profile);
            }
        }
        return stored.Count;
    }

    /// <summary>Adds or updates the articles; returns the ids of those updated and of those skipped as older.</summary>
    public async Task<(HashSet<string> Updated, HashSet<string> Older)> SaveArticlesAsync(IReadOnlyList<StixArticle> articles, CancellationToken cancellationToken)
    {
        var ids = articles.Select(a => a.Article.Id).ToList();
        var stored = await db.Articles.AsTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, StringComparer.Ordinal, cancellationToken);
        var older = articles.Where(a => stored.TryGetValue(a.Article.Id, out var s) && s.LastUpdatedDateTime > a.Article.LastUpdatedDateTime)
            .Select(a => a.Article.Id).ToHashSet(StringComparer.Ordinal);
        var updating = stored.Keys.Where(id => !older.Contains(id)).ToList();
        var storedIndicators = (await db.ArticleIndicators.AsTracking().Where(i => updating.Contains(i.ArticleId)).ToListAsync(cancellationToken))
            .ToLookup(i => i.ArticleId, StringComparer.Ordinal);
        foreach (var built in articles.Where(a => !older.Contains(a.Article.Id)))
        {
            if (stored.TryGetValue(built.Article.Id, out var existing))
            {
                Update(existing, built.Article);
                ReplaceIndicators(storedIndicators[existing.Id].ToList(), built.Indicators);
            }
            else
            {
                db.Articles.Add(built.Article);
                db.ArticleIndicators.AddRange(built.Indicators);
            }
            foreach (var (host, first, last) in built.Hosts)
            {
                hosts.See(host, first, last);
            }
        }
        await LinkVulnerabilitiesAsync(articles.Where(a => !older.Contains(a.Article.Id)).ToList(), cancellationToken);
        return (updating.ToHashSet(StringComparer.Ordinal), older);
    }

    /// <summary>
    /// Links each article to the stored vulnerabilities its report names; a linked vulnerability has chatter, which
    /// adds to its priority score. Links are only added: another source may still support an older one.
    /// </summary>
    private async Task LinkVulnerabilitiesAsync(IReadOnlyList<StixArticle> articles, CancellationToken cancellationToken)
    {
        var cves = articles.SelectMany(a => a.Cves).Distinct(StringComparer.Ordinal).ToList();
        if (cves.Count == 0)
        {
            return;
        }
        var vulnerabilities = await VulnerabilityRules.LoadAsync(db, cves, cancellationToken);
        var ids = articles.Select(a => a.Article.Id).ToList();
        var stored = (await db.VulnerabilityArticles.Where(l => ids.Contains(l.ArticleId)).Select(l => l.ArticleId + "|" + l.VulnerabilityId).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            foreach (var cve in article.Cves.Where(vulnerabilities.ContainsKey).Where(c => stored.Add(article.Article.Id + "|" + c)))
            {
                db.VulnerabilityArticles.Add(new VulnerabilityArticle { VulnerabilityId = cve, ArticleId = article.Article.Id });
                var v = vulnerabilities[cve];
                v.HasChatter = true;
                VulnerabilityRules.Rescore(v);
            }
        }
    }

    /// <summary>Adds the rows or widens the stored ones; returns the STIX indicators that widened a stored row.</summary>
    public async Task<HashSet<string>> SaveProfileIndicatorsAsync(Dictionary<string, StixProfileIndicator> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Keys.ToList();
        var stored = await db.IntelProfileIndicators.AsTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, StringComparer.Ordinal, cancellationToken);
        var merged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (id, (row, sources)) in rows)
        {
            if (stored.TryGetValue(id, out var existing))
            {
                existing.FirstSeenDateTime = row.FirstSeenDateTime < existing.FirstSeenDateTime ? row.FirstSeenDateTime : existing.FirstSeenDateTime;
                existing.LastSeenDateTime = HostUpserter.Max(existing.LastSeenDateTime, row.LastSeenDateTime);
                merged.UnionWith(sources);
            }
            else
            {
                db.IntelProfileIndicators.Add(row);
            }
            if (row.ArtifactType != ArtifactType.Unclassified)
            {
                hosts.See(row.ArtifactId, row.FirstSeenDateTime, row.LastSeenDateTime);
            }
        }
        return merged;
    }

    /// <summary>The ids, among these profile ids, of profiles already in the store.</summary>
    public async Task<List<string>> StoredProfilesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        ids.Count == 0 ? [] : await db.IntelProfiles.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);

    private static void Update(Article existing, Article built)
    {
        // IsFeatured and ImageUrl are editorial choices made in the store, not in the report.
        existing.Title = built.Title;
        existing.SummaryContent = built.SummaryContent;
        existing.SummaryFormat = built.SummaryFormat;
        existing.BodyContent = built.BodyContent;
        existing.BodyFormat = built.BodyFormat;
        existing.CreatedDateTime = built.CreatedDateTime;
        existing.LastUpdatedDateTime = built.LastUpdatedDateTime;
        existing.Tags = built.Tags;
    }

    private void ReplaceIndicators(List<ArticleIndicator> stored, IReadOnlyList<ArticleIndicator> built)
    {
        var wanted = built.ToDictionary(i => i.Id, StringComparer.Ordinal);
        foreach (var old in stored)
        {
            if (wanted.Remove(old.Id, out var current))
            {
                db.Entry(old).CurrentValues.SetValues(current);
            }
            else
            {
                db.ArticleIndicators.Remove(old);
            }
        }
        db.ArticleIndicators.AddRange(wanted.Values);
    }
}
