using Microsoft.EntityFrameworkCore;

namespace Sightline.Data.Reputation;

/// <summary>
/// Components (from recog on port banners, nmap's service detection, or Wappalyzer on crawls) whose name is attack
/// tooling, with the port that served them when a port scan found them.
/// </summary>
internal static class ToolingLoader
{
    /// <summary>A component name matches a tooling name when it is that name or starts with it and a space ("Cobalt Strike Listener").</summary>
    public static string? Match(string componentName, IReadOnlyList<string> toolNames) => toolNames.FirstOrDefault(t =>
        componentName.Equals(t, StringComparison.OrdinalIgnoreCase)
        || (componentName.StartsWith(t, StringComparison.OrdinalIgnoreCase) && componentName.Length > t.Length && componentName[t.Length] == ' '));

    public static async Task<Dictionary<string, List<ToolingHit>>> LoadAsync(SightlineDb db, IReadOnlyList<string> toolNames, CancellationToken cancellationToken)
    {
        if (toolNames.Count == 0)
        {
            return new(StringComparer.Ordinal);
        }
        var names = (await db.HostComponents.AsNoTracking().Select(c => c.Name).Distinct().ToListAsync(cancellationToken))
            .Where(n => Match(n, toolNames) is not null).ToList();
        var components = await db.HostComponents.AsNoTracking().Where(c => names.Contains(c.Name))
            .Select(c => new { c.HostId, c.Id, c.Name, c.Version }).ToListAsync(cancellationToken);
        var hosts = components.Select(c => c.HostId).Distinct(StringComparer.Ordinal).ToList();
        var ports = await db.HostPorts.AsNoTracking().Where(p => hosts.Contains(p.HostId)).ToListAsync(cancellationToken);
        var portOf = new Dictionary<string, (string Id, int Port)>(StringComparer.Ordinal);
        foreach (var port in ports.OrderBy(p => p.Port).ThenBy(p => p.Id, StringComparer.Ordinal))
        {
            foreach (var service in port.Services)
            {
                portOf.TryAdd(service.ComponentId, (port.Id, port.Port));
            }
        }
        return ReputationEvidence.Group(
            components.Select(c => (c.HostId, new ToolingHit(c.Id, c.Name, c.Version,
                portOf.TryGetValue(c.Id, out var p) ? p.Id : null, portOf.TryGetValue(c.Id, out var q) ? q.Port : null))),
            Comparer<ToolingHit>.Create((a, b) => string.CompareOrdinal(a.ComponentId, b.ComponentId)));
    }
}
