using System.Net;
using Microsoft.EntityFrameworkCore;
using Sightline.Data.Enrichment;
using Sightline.Data.Entities;
using Sightline.Parsers.Dns;

namespace Sightline.Data.Ingestion;

/// <summary>
/// Collects the hosts a batch mentions with the window in which it saw them, then makes sure each exists and
/// widens its first and last seen. A host name below a registrable domain (by the Public Suffix List) also makes
/// that domain a host and records the name as one of its subdomains. One query per table loads what is stored.
/// An IP host gets its AS, country and netblock from <see cref="IpEnrichment"/> when it is new, or when it was stored
/// before enrichment existed (no AS and no country), so older rows fill in on their next sighting.
/// </summary>
public sealed class HostUpserter
{
    private readonly Dictionary<string, (DateTimeOffset? First, DateTimeOffset? Last)> _seen = new(StringComparer.Ordinal);

    public void See(string hostId, DateTimeOffset? first, DateTimeOffset? last)
    {
        if (_seen.TryGetValue(hostId, out var window))
        {
            _seen[hostId] = (Min(window.First, first), Max(window.Last, last));
        }
        else
        {
            _seen[hostId] = (first, last);
        }
    }

    public async Task ApplyAsync(SightlineDb db, CancellationToken cancellationToken)
    {
        if (_seen.Count == 0)
        {
            return;
        }
        var subdomains = DeriveSubdomains();
        var ids = _seen.Keys.ToList();
        var existing = await db.Hosts.AsTracking().Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var (id, (first, last)) in _seen)
        {
            if (existing.TryGetValue(id, out var host))
            {
                host.FirstSeenDateTime = Min(host.FirstSeenDateTime, first);
                host.LastSeenDateTime = Max(host.LastSeenDateTime, last);
                if (host.Kind == HostKind.IpAddress && host.AsNumber is null && host.CountryOrRegion is null)
                {
                    IpEnrichment.Describe(host);
                }
            }
            else
            {
                host = new Host
                {
                    Id = id,
                    Kind = IPAddress.TryParse(id, out _) ? HostKind.IpAddress : HostKind.Hostname,
                    FirstSeenDateTime = first,
                    LastSeenDateTime = last,
                };
                IpEnrichment.Describe(host);
                db.Hosts.Add(host);
            }
        }
        _seen.Clear();
        await ApplySubdomainsAsync(db, subdomains, cancellationToken);
    }

    /// <summary>
    /// For a set-based write (<see cref="HostRows"/>): every host the batch saw as a new row would be (kind, window,
    /// enrichment), and the subdomain rows derived from them. Merging them into stored rows is the tables' rule.
    /// </summary>
    internal (List<Host> Hosts, List<Subdomain> Subdomains) TakeRows()
    {
        var subdomains = DeriveSubdomains();
        var hosts = new List<Host>(_seen.Count);
        foreach (var (id, (first, last)) in _seen)
        {
            var host = new Host
            {
                Id = id, Kind = IPAddress.TryParse(id, out _) ? HostKind.IpAddress : HostKind.Hostname, FirstSeenDateTime = first, LastSeenDateTime = last,
            };
            IpEnrichment.Describe(host);
            hosts.Add(host);
        }
        _seen.Clear();
        return (hosts, subdomains);
    }

    private List<Subdomain> DeriveSubdomains()
    {
        var derived = new List<Subdomain>();
        foreach (var (id, (first, last)) in _seen.ToList())
        {
            if (IPAddress.TryParse(id, out _) || PublicSuffixList.Default.RegistrableDomain(id) is not { } domain || domain == id)
            {
                continue;
            }
            See(domain, null, null);
            derived.Add(new Subdomain { ParentHostId = domain, HostId = id, Id = GraphIds.Compose(id, domain), FirstSeenDateTime = first });
        }
        return derived;
    }

    private static async Task ApplySubdomainsAsync(SightlineDb db, List<Subdomain> derived, CancellationToken cancellationToken)
    {
        if (derived.Count == 0)
        {
            return;
        }
        var ids = derived.Select(s => s.Id).ToList();
        var stored = await db.Subdomains.AsTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var subdomain in derived)
        {
            if (stored.TryGetValue(subdomain.Id, out var existing))
            {
                existing.FirstSeenDateTime = Min(existing.FirstSeenDateTime, subdomain.FirstSeenDateTime);
            }
            else
            {
                db.Subdomains.Add(subdomain);
            }
        }
    }

    public static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    public static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
