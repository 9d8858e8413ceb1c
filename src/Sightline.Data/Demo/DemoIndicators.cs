using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sightline.Data.Demo;

/// <summary>
/// Synthetic STIX 2.1 bundles that tie synthetic hosts to the real profiles: every profile with fewer than four
/// public host indicators gets synthetic ones (OSINT), and the showcase hosts are indicators of fixed profiles
/// (as if from Microsoft). Each is an <c>indicator</c> with a pattern and an <c>indicates</c> relationship.
/// </summary>
internal static class DemoIndicators
{
    private const int MinIndicators = 4;

    private static readonly (string Host, string Profile)[] _showcase =
    [
        ("contoso-login.com", "APT28"), ("40.83.183.71", "APT28"),
        ("woodgrove-secure.com", "Scattered Spider"), ("45.77.41.113", "Scattered Spider"),
        ("fabrikam-cdn.net", "Cobalt Strike"), ("52.84.150.39", "Cobalt Strike"),
    ];

    /// <summary>The OSINT bundle filling the profiles up to four host indicators.</summary>
    public static byte[] Osint(DemoBuilder b, IReadOnlyList<DemoProfile> profiles, Dictionary<string, int> linkedHosts)
    {
        var synthetic = b.SyntheticIndicatorHosts;
        var links = new List<(string Host, string ProfileStixId)>();
        var next = 0;
        foreach (var profile in profiles)
        {
            for (var i = linkedHosts.GetValueOrDefault(profile.StixId); i < MinIndicators && synthetic.Count > 0; i++)
            {
                links.Add((synthetic[next++ % synthetic.Count], profile.StixId));
            }
        }
        return Bundle("osint", links);
    }

    /// <summary>The showcase bundle.</summary>
    public static byte[] Showcase(IReadOnlyList<DemoProfile> profiles) =>
        Bundle("showcase", _showcase.Select(s => (s.Host, profiles.First(p => string.Equals(p.Name, s.Profile, StringComparison.Ordinal)).StixId)));

    private static byte[] Bundle(string name, IEnumerable<(string Host, string ProfileStixId)> links)
    {
        var objects = new JsonArray();
        var indicators = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (host, profile) in links)
        {
            var indicator = DemoIntel.StixId("indicator", name + ":" + host);
            if (indicators.Add(indicator))
            {
                var validFrom = DemoBuilder.DaysAgo(DemoHash.Range(host + "indicator", 30, 400));
                objects.Add(new JsonObject
                {
                    ["type"] = "indicator", ["spec_version"] = "2.1", ["id"] = indicator,
                    ["created"] = Iso(validFrom), ["modified"] = Iso(DemoBuilder.DaysAgo(1)),
                    ["name"] = host + " (synthetic demo indicator)", ["indicator_types"] = new JsonArray("malicious-activity"),
                    ["pattern"] = Pattern(host), ["pattern_type"] = "stix", ["valid_from"] = Iso(validFrom),
                });
            }
            objects.Add(DemoIntel.Relationship(indicator, "indicates", profile));
        }
        var bundle = new JsonObject { ["type"] = "bundle", ["id"] = DemoIntel.StixId("bundle", name), ["objects"] = objects };
        return JsonSerializer.SerializeToUtf8Bytes(bundle);
    }

    private static string Pattern(string host) => DemoBuilder.KindOf(host) switch
    {
        Entities.HostKind.IpAddress when host.Contains(':', StringComparison.Ordinal) => $"[ipv6-addr:value = '{host}']",
        Entities.HostKind.IpAddress => $"[ipv4-addr:value = '{host}']",
        _ => $"[domain-name:value = '{host}']",
    };

    private static string Iso(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
