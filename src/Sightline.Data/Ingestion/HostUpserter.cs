using System.Net;
using Microsoft.EntityFrameworkCore;
using Sightline.Data.Entities;

namespace Sightline.Data.Ingestion;

/// <summary>
/// Collects the hosts a batch mentions with the window in which it saw them, then makes sure each exists and
/// widens its first and last seen. One query loads the ones already stored.
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
        var ids = _seen.Keys.ToList();
        var existing = await db.Hosts.AsTracking().Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, StringComparer.Ordinal, cancellationToken);
        foreach (var (id, (first, last)) in _seen)
        {
            if (existing.TryGetValue(id, out var host))
            {
                host.FirstSeenDateTime = Min(host.FirstSeenDateTime, first);
                host.LastSeenDateTime = Max(host.LastSeenDateTime, last);
            }
            else
            {
                db.Hosts.Add(new Host
                {
                    Id = id,
                    Kind = IPAddress.TryParse(id, out _) ? HostKind.IpAddress : HostKind.Hostname,
                    FirstSeenDateTime = first,
                    LastSeenDateTime = last,
                });
            }
        }
        _seen.Clear();
    }

    public static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a < b ? a : b;

    public static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
