using System.Text;
using Microsoft.EntityFrameworkCore;
using Sightline.Data.Entities;
using Sightline.Parsers.Articles;
using Sightline.Parsers.Common;

namespace Sightline.Data.Ingestion;

/// <summary>
/// One Markdown article (front matter and body) per input into an <see cref="Article"/>, its indicators and its
/// links to the vulnerabilities it names. An article is a document, not an observation: importing an edited
/// version (same id) replaces its fields, its indicator set and its vulnerability links. Hosts it names become
/// hosts seen from its creation to its last update.
/// </summary>
/// <remarks>Setting <c>seen</c>: the created date of an article whose front matter has none.</remarks>
internal sealed class MarkdownArticleImporter : BatchImporter<ArticleInput>
{
    public override string Format => "markdown";

    public override bool Recognises(string extension, string head) =>
        extension is ".md" or ".markdown" || HasTitledFrontMatter(head);

    protected override IEnumerable<Parsed<ArticleInput>> Parse(Stream input, ImportContext context)
    {
        var reader = new StreamReader(input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return [ArticleInputs.Settle(ArticleParser.Parse(reader), context.Settings)];
    }

    protected override string Fingerprint(ArticleInput record) => ArticleInputs.Fingerprint(record);

    protected override async Task<BatchResult> StoreAsync(SightlineDb db, IReadOnlyList<ArticleInput> batch, CancellationToken cancellationToken)
    {
        // Two inputs with one id in a batch: the later one is the edit that stands.
        var inputs = batch.GroupBy(a => a.Id, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        var ids = inputs.Select(a => a.Id).ToList();
        var articles = await db.Articles.AsTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, StringComparer.Ordinal, cancellationToken);
        var indicators = (await db.ArticleIndicators.AsTracking().Where(i => ids.Contains(i.ArticleId)).ToListAsync(cancellationToken))
            .ToLookup(i => i.ArticleId, StringComparer.Ordinal);
        var cves = inputs.SelectMany(ArticleInputs.Cves).Distinct(StringComparer.Ordinal).ToList();
        var vulnerabilities = await db.Vulnerabilities.AsTracking().Where(v => cves.Contains(v.Id)).ToDictionaryAsync(v => v.Id, StringComparer.Ordinal, cancellationToken);
        var links = (await db.VulnerabilityArticles.AsTracking().Where(l => ids.Contains(l.ArticleId)).ToListAsync(cancellationToken))
            .ToLookup(l => l.ArticleId, StringComparer.Ordinal);
        var hosts = new HostUpserter();
        long merged = 0;
        foreach (var input in inputs)
        {
            if (articles.TryGetValue(input.Id, out var article))
            {
                merged++;
            }
            else
            {
                article = new Article { Id = input.Id, Title = input.Document.Title };
                db.Articles.Add(article);
            }
            ArticleInputs.Fill(article, input);
            var wanted = ArticleInputs.Indicators(input);
            ReplaceIndicators(db, indicators[input.Id], wanted);
            ReplaceLinks(db, input, links[input.Id], vulnerabilities);
            foreach (var host in wanted.Where(i => i.ArtifactType != ArtifactType.Unclassified))
            {
                hosts.See(host.ArtifactId, input.Created, input.Updated);
            }
        }
        await hosts.ApplyAsync(db, cancellationToken);
        return new BatchResult(batch.Count, merged + (batch.Count - inputs.Count), 0);
    }

    private static void ReplaceIndicators(SightlineDb db, IEnumerable<ArticleIndicator> stored, List<ArticleIndicator> wanted)
    {
        var byId = wanted.ToDictionary(i => i.Id, StringComparer.Ordinal);
        foreach (var old in stored)
        {
            if (byId.Remove(old.Id, out var now))
            {
                old.Source = now.Source;
                old.ArtifactType = now.ArtifactType;
                old.ArtifactId = now.ArtifactId;
                old.ArtifactKind = now.ArtifactKind;
                old.ArtifactValue = now.ArtifactValue;
            }
            else
            {
                db.ArticleIndicators.Remove(old);
            }
        }
        db.ArticleIndicators.AddRange(byId.Values);
    }

    /// <summary>
    /// Links the article to the stored vulnerabilities it names: a linked vulnerability has chatter,
    /// which adds to its priority score. A link the edited article no longer supports is removed; the chatter flag
    /// stays, since other articles or sources may still discuss the vulnerability.
    /// </summary>
    private static void ReplaceLinks(SightlineDb db, ArticleInput input, IEnumerable<VulnerabilityArticle> stored, Dictionary<string, Vulnerability> vulnerabilities)
    {
        var wanted = ArticleInputs.Cves(input).Where(vulnerabilities.ContainsKey).ToHashSet(StringComparer.Ordinal);
        foreach (var link in stored)
        {
            if (!wanted.Remove(link.VulnerabilityId))
            {
                db.VulnerabilityArticles.Remove(link);
            }
        }
        foreach (var cve in wanted)
        {
            db.VulnerabilityArticles.Add(new VulnerabilityArticle { VulnerabilityId = cve, ArticleId = input.Id });
            var v = vulnerabilities[cve];
            v.HasChatter = true;
            v.PriorityScore = VulnerabilityRules.PriorityScore(v.Cvss3.Score, v.ActiveExploitsObserved, v.ExploitsAvailable, hasChatter: true);
        }
    }

    /// <summary>A YAML front matter block (a first line "---") that has a "title:" key: how Markdown articles start.</summary>
    private static bool HasTitledFrontMatter(string head)
    {
        var lines = head.Split('\n');
        if (lines.Length < 2 || lines[0].TrimEnd() != "---")
        {
            return false;
        }
        foreach (var line in lines.Skip(1))
        {
            if (line.TrimEnd() == "---")
            {
                return false;
            }
            if (line.StartsWith("title:", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
