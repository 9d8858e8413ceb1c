using Microsoft.EntityFrameworkCore;
using ArtifactType = Sightline.Data.Entities.ArtifactType;
using HostReputation = Sightline.Data.Entities.HostReputation;
using ReputationClass = Sightline.Data.Entities.ReputationClass;
using Sightline.OData;
using static Sightline.OData.GraphResponses;
using static Sightline.ThreatIntelligence.CertificateTypes;
using static Sightline.ThreatIntelligence.HostTypes;
using static Sightline.ThreatIntelligence.IntelTypes;
using static Sightline.ThreatIntelligence.WhoisTypes;

namespace Sightline.ThreatIntelligence;

/// <summary>
/// Every route of the threat intelligence API. The top-level sets Graph calls "not yet supported" for listing
/// are served as pivots: indexed filters and key-ordered pages (see <see cref="Pivots"/> and the README).
/// </summary>
public static class ThreatIntelligenceRoutes
{
    public static GraphRoutes Build()
    {
        var routes = new GraphRoutes();
        MapIntel(routes);
        MapHosts(routes);
        MapObservations(routes);
        MapWhois(routes);
        MapVulnerabilities(routes);
        return routes;
    }

    /// <summary>
    /// The host key of the path. Routes read it into a local before building their query: EF Core evaluates a method
    /// call inside the expression tree anew on every request, while a captured local is read as it is.
    /// </summary>
    private static string HostKey(GraphRequest r) => HostKinds.Normalize(r.Key(0));

    private static Func<Task> HostMustExist(GraphRequest r) => async () =>
    {
        var id = HostKey(r);
        if (!await r.Db.Hosts.AnyAsync(h => h.Id == id, r.Aborted))
        {
            throw GraphException.NotFound($"Host '{r.Key(0)}' was not found.");
        }
    };

    private static void MapIntel(GraphRoutes routes)
    {
        routes.Collection("articles", r => r.Db.Articles,
            _ => new(Article, a => a.Id, q => q.OrderByDescending(a => a.CreatedDateTime), Searches.Articles));
        routes.Collection("articles/{key}/indicators", r => r.Db.ArticleIndicators.Where(i => i.ArticleId == r.Key(0)),
            r => new(ArticleIndicator, i => i.Id, EnsureParentExists: () => MustExist(r, r.Db.Articles.AnyAsync(a => a.Id == r.Key(0), r.Aborted), "article")));
        routes.Collection("articleIndicators", r => r.Db.ArticleIndicators, _ => new(ArticleIndicator, i => i.Id));
        routes.Custom("articleIndicators/{key}/artifact", r => ArtifactAsync(r,
            r.Db.ArticleIndicators.Where(i => i.Id == r.Key(0)).Select(i => new ArtifactRef(i.ArtifactType, i.ArtifactId, i.ArtifactKind, i.ArtifactValue))));

        routes.Collection("intelProfiles", r => r.Db.IntelProfiles,
            _ => new(Profile, p => p.Id, q => q.OrderBy(p => p.Title), Searches.Profiles));
        routes.Collection("intelProfiles/{key}/indicators", r => r.Db.IntelProfileIndicators.Where(i => i.ProfileId == r.Key(0)),
            r => new(ProfileIndicator, i => i.Id, q => q.OrderByDescending(i => i.FirstSeenDateTime),
                EnsureParentExists: () => MustExist(r, r.Db.IntelProfiles.AnyAsync(p => p.Id == r.Key(0), r.Aborted), "intelligence profile")));
        routes.Collection("intelligenceProfileIndicators", r => r.Db.IntelProfileIndicators, _ => new(ProfileIndicator, i => i.Id));
        routes.Custom("intelligenceProfileIndicators/{key}/artifact", r => ArtifactAsync(r,
            r.Db.IntelProfileIndicators.Where(i => i.Id == r.Key(0)).Select(i => new ArtifactRef(i.ArtifactType, i.ArtifactId, i.ArtifactKind, i.ArtifactValue))));
    }

    private static void MapHosts(GraphRoutes routes)
    {
        routes.Collection("hosts", r => r.Db.Hosts, _ => new(AnyHost, h => h.Id, Pivot: Pivots.Hosts), withItems: false);
        routes.Entity("hosts/{key}", AnyHost, r => { var id = HostKey(r); return r.Db.Hosts.FirstOrDefaultAsync(h => h.Id == id, r.Aborted); },
            r => $"Host '{r.Key(0)}' was not found.");
        routes.Collection("hosts/{key}/passiveDns", r => { var id = HostKey(r); return r.Db.PassiveDnsRecords.Where(p => p.ParentHostId == id); },
            r => new(PassiveDns, p => p.Id, q => q.OrderByDescending(p => p.LastSeenDateTime), EnsureParentExists: HostMustExist(r)));
        routes.Collection("hosts/{key}/passiveDnsReverse", r => { var id = HostKey(r); return r.Db.PassiveDnsRecords.Where(p => p.ArtifactId == id); },
            r => new(PassiveDns, p => p.Id, q => q.OrderByDescending(p => p.LastSeenDateTime), EnsureParentExists: HostMustExist(r)));
        routes.Collection("hosts/{key}/subdomains", r => { var id = HostKey(r); return r.Db.Subdomains.Where(s => s.ParentHostId == id); },
            r => new(Subdomain, s => s.Id, q => q.OrderByDescending(s => s.FirstSeenDateTime), EnsureParentExists: HostMustExist(r)));
        routes.Collection("hosts/{key}/components", r => { var id = HostKey(r); return r.Db.HostComponents.Where(c => c.HostId == id); },
            r => new(Component, c => c.Id, q => q.OrderByDescending(c => c.LastSeenDateTime), EnsureParentExists: HostMustExist(r)));
        routes.Collection("hosts/{key}/cookies", r => { var id = HostKey(r); return r.Db.HostCookies.Where(c => c.HostId == id); },
            r => new(Cookie, c => c.Id, q => q.OrderByDescending(c => c.LastSeenDateTime), EnsureParentExists: HostMustExist(r)));
        routes.Collection("hosts/{key}/trackers", r => { var id = HostKey(r); return r.Db.HostTrackers.Where(c => c.HostId == id); },
            r => new(Tracker, c => c.Id, q => q.OrderByDescending(c => c.LastSeenDateTime), EnsureParentExists: HostMustExist(r)));
        routes.Collection("hosts/{key}/hostPairs", r => { var id = HostKey(r); return r.Db.HostPairs.Where(p => p.ParentHostId == id || p.ChildHostId == id); },
            r => new(Pair, p => p.Id, q => q.OrderByDescending(p => p.LastSeenDateTime), EnsureParentExists: HostMustExist(r)));
        routes.Collection("hosts/{key}/childHostPairs", r => { var id = HostKey(r); return r.Db.HostPairs.Where(p => p.ParentHostId == id); },
            r => new(Pair, p => p.Id, q => q.OrderByDescending(p => p.LastSeenDateTime), EnsureParentExists: HostMustExist(r)));
        routes.Collection("hosts/{key}/parentHostPairs", r => { var id = HostKey(r); return r.Db.HostPairs.Where(p => p.ChildHostId == id); },
            r => new(Pair, p => p.Id, q => q.OrderByDescending(p => p.LastSeenDateTime), EnsureParentExists: HostMustExist(r)));
        routes.Collection("hosts/{key}/ports", r => { var id = HostKey(r); return r.Db.HostPorts.Where(p => p.HostId == id); },
            r => new(Port, p => p.Id, q => q.OrderBy(p => p.Port), EnsureParentExists: HostMustExist(r)));
        routes.Collection("hosts/{key}/sslCertificates", r => { var id = HostKey(r); return r.Db.HostSslCertificates.Include(c => c.SslCertificate).Where(c => c.HostId == id); },
            r => new(HostCertificate, c => c.Id, q => q.OrderByDescending(c => c.LastSeenDateTime), EnsureParentExists: HostMustExist(r)));
        routes.Entity("hosts/{key}/reputation", Reputation, ReputationAsync, r => $"Host '{r.Key(0)}' was not found.");
        routes.Entity("hosts/{key}/whois", Record,
            r => { var id = HostKey(r); return r.Db.WhoisRecords.FirstOrDefaultAsync(w => w.HostId == id && w.IsCurrent, r.Aborted); },
            r => $"No WHOIS record is known for host '{r.Key(0)}'.");
        routes.Collection("hosts/{key}/whois/history", r => { var id = HostKey(r); return r.Db.WhoisRecords.Where(w => w.HostId == id); },
            r => new(HistoryRecord, w => w.Id, q => q.OrderByDescending(w => w.LastUpdateDateTime), EnsureParentExists: HostMustExist(r)));
    }

    private static async Task<HostReputation?> ReputationAsync(GraphRequest r)
    {
        var id = HostKey(r);
        var stored = await r.Db.HostReputations.AsNoTracking().FirstOrDefaultAsync(x => x.HostId == id, r.Aborted);
        if (stored is not null)
        {
            return WithAbsoluteLinks(stored, r.ServiceRoot);
        }
        // A known host with no evidence either way.
        return await r.Db.Hosts.AnyAsync(h => h.Id == id, r.Aborted)
            ? new HostReputation { HostId = id, Id = Data.GraphIds.Guid("reputation:" + id), Classification = ReputationClass.Unknown }
            : null;
    }

    /// <summary>Evidence links are stored as paths on this server; like @odata.nextLink they are served absolute, on the request's base URL.</summary>
    private static HostReputation WithAbsoluteLinks(HostReputation stored, string serviceRoot)
    {
        var baseUrl = serviceRoot[..serviceRoot.LastIndexOf('/')];
        foreach (var rule in stored.Rules)
        {
            if (rule.RelatedDetailsUrl is { Length: > 0 } url && url[0] == '/')
            {
                rule.RelatedDetailsUrl = baseUrl + url;
            }
        }
        return stored;
    }

    private static void MapObservations(GraphRoutes routes)
    {
        routes.Collection("passiveDnsRecords", r => r.Db.PassiveDnsRecords, _ => new(PassiveDns, p => p.Id, Pivot: Pivots.PassiveDns));
        HostNavigation(routes, "passiveDnsRecords/{key}/parentHost", r => r.Db.PassiveDnsRecords.Where(p => p.Id == r.Key(0)).Select(p => p.ParentHostId));
        HostNavigation(routes, "passiveDnsRecords/{key}/artifact", r => r.Db.PassiveDnsRecords.Where(p => p.Id == r.Key(0)).Select(p => p.ArtifactId));
        routes.Collection("subdomains", r => r.Db.Subdomains, _ => new(Subdomain, s => s.Id, Pivot: Pivots.Subdomains));
        HostNavigation(routes, "subdomains/{key}/host", r => r.Db.Subdomains.Where(s => s.Id == r.Key(0)).Select(s => s.HostId));
        routes.Collection("hostComponents", r => r.Db.HostComponents, _ => new(Component, c => c.Id, Pivot: Pivots.Components));
        HostNavigation(routes, "hostComponents/{key}/host", r => r.Db.HostComponents.Where(c => c.Id == r.Key(0)).Select(c => c.HostId));
        routes.Collection("hostCookies", r => r.Db.HostCookies, _ => new(Cookie, c => c.Id, Pivot: Pivots.Cookies));
        HostNavigation(routes, "hostCookies/{key}/host", r => r.Db.HostCookies.Where(c => c.Id == r.Key(0)).Select(c => c.HostId));
        routes.Collection("hostTrackers", r => r.Db.HostTrackers, _ => new(Tracker, c => c.Id, Pivot: Pivots.Trackers));
        HostNavigation(routes, "hostTrackers/{key}/host", r => r.Db.HostTrackers.Where(c => c.Id == r.Key(0)).Select(c => c.HostId));
        routes.Collection("hostPairs", r => r.Db.HostPairs, _ => new(Pair, p => p.Id, Pivot: Pivots.Pairs));
        HostNavigation(routes, "hostPairs/{key}/parentHost", r => r.Db.HostPairs.Where(p => p.Id == r.Key(0)).Select(p => p.ParentHostId));
        HostNavigation(routes, "hostPairs/{key}/childHost", r => r.Db.HostPairs.Where(p => p.Id == r.Key(0)).Select(p => p.ChildHostId));
        routes.Collection("hostPorts", r => r.Db.HostPorts, _ => new(Port, p => p.Id, Pivot: Pivots.Ports));
        HostNavigation(routes, "hostPorts/{key}/host", r => r.Db.HostPorts.Where(p => p.Id == r.Key(0)).Select(p => p.HostId));
        routes.Entity("hostPorts/{key}/mostRecentSslCertificate", Certificate, r => r.Db.SslCertificates.FirstOrDefaultAsync(
            c => c.Id == r.Db.HostPorts.Where(p => p.Id == r.Key(0)).Select(p => p.MostRecentSslCertificateId).FirstOrDefault(), r.Aborted));
        routes.Collection("hostSslCertificates", r => r.Db.HostSslCertificates.Include(c => c.SslCertificate), _ => new(HostCertificate, c => c.Id, Pivot: Pivots.HostCertificates));
        HostNavigation(routes, "hostSslCertificates/{key}/host", r => r.Db.HostSslCertificates.Where(c => c.Id == r.Key(0)).Select(c => c.HostId));
        routes.Entity("hostSslCertificates/{key}/sslCertificate", Certificate, r => r.Db.SslCertificates.FirstOrDefaultAsync(
            c => c.Id == r.Db.HostSslCertificates.Where(h => h.Id == r.Key(0)).Select(h => h.SslCertificateId).FirstOrDefault(), r.Aborted));
        routes.Collection("sslCertificates", r => r.Db.SslCertificates,
            _ => new(Certificate, c => c.Id, q => q.OrderByDescending(c => c.LastSeenDateTime), Searches.Certificates));
        routes.Collection("sslCertificates/{key}/relatedHosts",
            r => r.Db.Hosts.Where(h => r.Db.HostSslCertificates.Any(x => x.SslCertificateId == r.Key(0) && x.HostId == h.Id)),
            r => new(AnyHost, h => h.Id, EnsureParentExists: () => MustExist(r, r.Db.SslCertificates.AnyAsync(c => c.Id == r.Key(0), r.Aborted), "sslCertificate")));
    }

    private static void MapWhois(GraphRoutes routes)
    {
        routes.Collection("whoisRecords", r => r.Db.WhoisRecords.Where(w => w.IsCurrent),
            r => new(Record, w => w.Id, q => q.OrderBy(w => w.HostId), (q, s) => Searches.Whois(r.Db, q, s), Pivot: Pivots.WhoisRecords));
        routes.Collection("whoisRecords/{key}/history",
            r => r.Db.WhoisRecords.Where(w => w.HostId == r.Db.WhoisRecords.Where(x => x.Id == r.Key(0) && x.IsCurrent).Select(x => x.HostId).FirstOrDefault()),
            r => new(HistoryRecord, w => w.Id, q => q.OrderByDescending(w => w.LastUpdateDateTime),
                EnsureParentExists: () => MustExist(r, r.Db.WhoisRecords.AnyAsync(w => w.Id == r.Key(0) && w.IsCurrent, r.Aborted), "whoisRecord")));
        HostNavigation(routes, "whoisRecords/{key}/host", r => r.Db.WhoisRecords.Where(w => w.Id == r.Key(0) && w.IsCurrent).Select(w => w.HostId));
        routes.Collection("whoisHistoryRecords", r => r.Db.WhoisRecords, _ => new(HistoryRecord, w => w.Id, Pivot: Pivots.WhoisHistory));
        HostNavigation(routes, "whoisHistoryRecords/{key}/host", r => r.Db.WhoisRecords.Where(w => w.Id == r.Key(0)).Select(w => w.HostId));
    }

    private static string CveKey(GraphRequest r) => r.Key(0).Trim().ToUpperInvariant();

    private static void MapVulnerabilities(GraphRoutes routes)
    {
        routes.Collection("vulnerabilities", r => r.Db.Vulnerabilities,
            _ => new(Vulnerability, v => v.Id, q => q.OrderByDescending(v => v.PublishedDateTime)), withItems: false);
        routes.Entity("vulnerabilities/{key}", Vulnerability, r => r.Db.Vulnerabilities.FirstOrDefaultAsync(v => v.Id == CveKey(r), r.Aborted),
            r => $"Vulnerability '{r.Key(0)}' was not found.");
        routes.Collection("vulnerabilities/{key}/components", r => r.Db.VulnerabilityComponents.Where(c => c.VulnerabilityId == CveKey(r)),
            r => new(VulnerabilityComponent, c => c.Id, q => q.OrderBy(c => c.Name),
                EnsureParentExists: () => MustExist(r, r.Db.Vulnerabilities.AnyAsync(v => v.Id == CveKey(r), r.Aborted), "vulnerability")));
        routes.Collection("vulnerabilities/{key}/articles",
            r => r.Db.Articles.Where(a => r.Db.VulnerabilityArticles.Any(l => l.VulnerabilityId == CveKey(r) && l.ArticleId == a.Id)),
            r => new(Article, a => a.Id, q => q.OrderByDescending(a => a.CreatedDateTime),
                EnsureParentExists: () => MustExist(r, r.Db.Vulnerabilities.AnyAsync(v => v.Id == CveKey(r), r.Aborted), "vulnerability")));
    }

    private static async Task MustExist(GraphRequest r, Task<bool> exists, string what)
    {
        if (!await exists)
        {
            throw GraphException.NotFound($"No {what} with id '{r.Key(0)}' was found.");
        }
    }

    private static void HostNavigation(GraphRoutes routes, string pattern, Func<GraphRequest, IQueryable<string>> hostId) =>
        routes.Entity(pattern, AnyHost, r => r.Db.Hosts.FirstOrDefaultAsync(h => h.Id == hostId(r).FirstOrDefault(), r.Aborted),
            r => $"No entity with id '{r.Key(0)}' was found.");

    private sealed record ArtifactRef(ArtifactType Type, string Id, string? Kind, string? Value);

    private static async Task ArtifactAsync(GraphRequest r, IQueryable<ArtifactRef> artifact)
    {
        var found = await artifact.FirstOrDefaultAsync(r.Aborted) ?? throw GraphException.NotFound($"No indicator with id '{r.Key(0)}' was found.");
        if (found.Type == ArtifactType.Unclassified)
        {
            await WriteJsonAsync(r.Http, json =>
            {
                json.WriteStartObject();
                json.WriteString("@odata.context", r.ContextUrl(singleEntity: true));
                json.WriteString("@odata.type", "#microsoft.graph.security.unclassifiedArtifact");
                json.WriteString("id", found.Id);
                json.WriteString("kind", found.Kind ?? "");
                json.WriteString("value", found.Value ?? "");
                json.WriteEndObject();
            });
            return;
        }
        var host = await r.Db.Hosts.FirstOrDefaultAsync(h => h.Id == found.Id, r.Aborted);
        await EntityAsync(r, host, AnyHost, $"The artifact '{found.Id}' is not stored.");
    }
}
