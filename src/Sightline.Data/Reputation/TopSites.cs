using System.Text.Json;

namespace Sightline.Data.Reputation;

/// <summary>
/// The 500 most linked-to domains from the <c>top-sites</c> npm package (MIT), embedded in the product so that no
/// file is read at run time. Names are kept without a leading <c>www.</c>.
/// </summary>
internal static class TopSites
{
    public const string Source = "https://github.com/Kikobeats/top-sites";

    private static readonly Lazy<Dictionary<string, int>> _ranks = new(Load);

    /// <summary>The rank of a host that is a listed domain or its <c>www.</c> name; null otherwise (subdomains do not count).</summary>
    public static int? Rank(string host)
    {
        var name = host.StartsWith("www.", StringComparison.Ordinal) ? host[4..] : host;
        return _ranks.Value.TryGetValue(name, out var rank) ? rank : null;
    }

    private static Dictionary<string, int> Load()
    {
        using var doc = JsonDocument.Parse(ReputationRuleSet.ReadEmbedded("top-sites.json"));
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var site in doc.RootElement.EnumerateArray())
        {
            var domain = site.GetProperty("rootDomain").GetString()!.Trim().ToLowerInvariant();
            ranks.TryAdd(domain.StartsWith("www.", StringComparison.Ordinal) ? domain[4..] : domain, site.GetProperty("rank").GetInt32());
        }
        return ranks;
    }
}
