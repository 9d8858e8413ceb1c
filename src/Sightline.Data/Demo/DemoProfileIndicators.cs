using Sightline.Data.Entities;

namespace Sightline.Data.Demo;

/// <summary>
/// Profile indicators: the host indicators of the Unit 42 playbook about the same actor or tool where there is one
/// (matched by name or alias), otherwise synthetic demo hosts; the showcase hosts are wired to fixed profiles.
/// </summary>
internal static class DemoProfileIndicators
{
    private const int MaxPublic = 12;
    private const int MinIndicators = 4;

    private static readonly string[] _suffixes = [" malware", " ransomware"];

    private static readonly (string Host, string Profile)[] _showcase =
    [
        ("contoso-login.com", "APT28"), ("40.83.183.71", "APT28"),
        ("woodgrove-secure.com", "Scattered Spider"), ("45.77.41.113", "Scattered Spider"),
        ("fabrikam-cdn.net", "Cobalt Strike"), ("52.84.150.39", "Cobalt Strike"),
    ];

    public static void Add(DemoBuilder b)
    {
        var synthetic = b.SyntheticIndicatorHosts;
        var next = 0;
        foreach (var profile in b.Profiles)
        {
            var names = profile.Aliases.Append(profile.Title).Select(a => a.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
            var hosts = b.ArticleHosts.Where(a => Matches(names, a.Name))
                .SelectMany(a => a.HostIds)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .Take(MaxPublic)
                .ToList();
            foreach (var host in hosts)
            {
                Add(b, profile, host, IndicatorSource.Public);
            }

            for (var i = hosts.Count; i < MinIndicators && synthetic.Count > 0; i++)
            {
                Add(b, profile, synthetic[next++ % synthetic.Count], IndicatorSource.Osint);
            }
        }

        foreach (var (host, title) in _showcase)
        {
            var profile = b.Profiles.First(p => string.Equals(p.Title, title, StringComparison.Ordinal));
            Add(b, profile, host, IndicatorSource.Microsoft);
        }
    }

    /// <summary>"Emotet Malware" and "Trickbot Nworm Module Update" match Emotet and TrickBot; "Fighting Ursa" matches APT28's alias.</summary>
    private static bool Matches(HashSet<string> names, string articleName)
    {
        var name = articleName.ToLowerInvariant();
        foreach (var suffix in _suffixes.Where(s => name.EndsWith(s, StringComparison.Ordinal)))
        {
            name = name[..^suffix.Length];
        }

        return names.Contains(name) || names.Any(n => n.Length >= 5 && name.StartsWith(n + " ", StringComparison.Ordinal));
    }

    private static void Add(DemoBuilder b, IntelProfile profile, string hostId, IndicatorSource source)
    {
        var id = GraphIds.Guid("profile-indicator:" + profile.Id + ":" + hostId);
        if (!b.HasHost(hostId) || !b.Claim("profile-indicator", id))
        {
            return;
        }

        var host = b.Host(hostId);
        b.ProfileIndicators.Add(new IntelProfileIndicator
        {
            ProfileId = profile.Id,
            Id = id,
            Source = source,
            ArtifactType = host.Kind == HostKind.IpAddress ? ArtifactType.IpAddress : ArtifactType.Hostname,
            ArtifactId = hostId,
            ArtifactValue = hostId,
            FirstSeenDateTime = host.FirstSeenDateTime ?? DemoBuilder.BaseDate,
            LastSeenDateTime = host.LastSeenDateTime,
        });
    }
}
