using Microsoft.OData.Edm;
using Sightline.Edm;

namespace Sightline.OData;

/// <summary>
/// A request path below <c>/security/threatIntelligence</c>, resolved against the EDM model: segment names
/// matched case-insensitively and returned in Graph's spelling, keys given as <c>hosts/k</c>,
/// <c>hosts('k')</c> or <c>hosts(k)</c>, each segment percent-decoded exactly once (an encoded <c>/</c> stays
/// inside its key, a literal <c>+</c> stays a plus), empty segments (<c>//</c>) skipped.
/// </summary>
public sealed record GraphPath(string Pattern, IReadOnlyList<string> Keys, IReadOnlyList<string> Segments, bool IsCount)
{
    private static readonly Dictionary<string, string> _aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        // The Get whoisHistoryRecord page spells the set in the singular.
        ["whoisHistoryRecord"] = "whoisHistoryRecords",
    };

    /// <summary>Parses the raw segments that follow the version segment.</summary>
    public static GraphPath Parse(IReadOnlyList<string> rawSegments)
    {
        var segments = rawSegments.Where(s => s.Length > 0).ToList();
        if (segments.Count < 2 || !Is(Decode(segments[0]), "security") || !Is(Decode(segments[1]), "threatIntelligence"))
        {
            throw NotFound(segments.Count > 0 ? Decode(segments[0]) : "");
        }
        if (segments.Count == 2)
        {
            throw new GraphException(400, "BadRequest", "Reading the threatIntelligence resource itself is not supported; address one of its collections, for example /security/threatIntelligence/articles.");
        }

        IEdmStructuredType current = GraphModel.ThreatIntelligence;
        var awaitingKey = false;
        var pattern = new List<string>();
        var canonical = new List<string> { "security", "threatIntelligence" };
        var keys = new List<string>();
        var isCount = false;

        for (var i = 2; i < segments.Count; i++)
        {
            var raw = segments[i];
            if (isCount)
            {
                throw BadSegment(Decode(raw));
            }
            if (string.Equals(Decode(raw), "$count", StringComparison.OrdinalIgnoreCase))
            {
                if (!awaitingKey)
                {
                    throw BadSegment("$count");
                }
                isCount = true;
                continue;
            }
            if (awaitingKey)
            {
                keys.Add(Decode(raw));
                pattern.Add("{key}");
                canonical.Add(Decode(raw));
                awaitingKey = false;
                continue;
            }

            var (name, parenKey) = SplitParenKey(raw);
            var nav = FindNavigation(current, name, allowAlias: pattern.Count == 0) ?? throw BadSegment(name);
            pattern.Add(nav.Name);
            canonical.Add(nav.Name);
            current = nav.ToEntityType();
            if (nav.Type.IsCollection())
            {
                awaitingKey = parenKey is null;
                if (parenKey is not null)
                {
                    keys.Add(parenKey);
                    pattern.Add("{key}");
                    canonical.Add(parenKey);
                }
            }
            else if (parenKey is not null)
            {
                throw BadSegment(Decode(raw));
            }
        }
        return new GraphPath(string.Join('/', pattern), keys, canonical, isCount);
    }

    /// <summary>The path part of <c>@odata.context</c>: keys in parentheses, <c>/$entity</c> for one entity.</summary>
    public string ContextPath(bool singleEntity)
    {
        var parts = new List<string>();
        var patternParts = ("security/threatIntelligence/" + Pattern).Split('/');
        for (var i = 0; i < patternParts.Length; i++)
        {
            if (patternParts[i] == "{key}")
            {
                var last = i == patternParts.Length - 1;
                if (!last)
                {
                    parts[^1] += "('" + Segments[i].Replace("'", "''", StringComparison.Ordinal) + "')";
                }
                continue;
            }
            parts.Add(Segments[i]);
        }
        return string.Join('/', parts) + (singleEntity ? "/$entity" : "");
    }

    private static IEdmNavigationProperty? FindNavigation(IEdmStructuredType type, string name, bool allowAlias)
    {
        if (allowAlias && _aliases.TryGetValue(name, out var alias))
        {
            name = alias;
        }
        return type.NavigationProperties().FirstOrDefault(p => Is(p.Name, name));
    }

    private static (string Name, string? Key) SplitParenKey(string raw)
    {
        var decoded = Decode(raw);
        var open = decoded.IndexOf('(', StringComparison.Ordinal);
        if (open < 0 || !decoded.EndsWith(')'))
        {
            return (decoded, null);
        }
        var inner = decoded[(open + 1)..^1].Trim();
        if (inner.Length >= 2 && inner[0] == '\'' && inner[^1] == '\'')
        {
            inner = inner[1..^1].Replace("''", "'", StringComparison.Ordinal);
        }
        if (inner.Length == 0)
        {
            throw BadSegment(decoded);
        }
        return (decoded[..open], inner);
    }

    private static string Decode(string segment) => Uri.UnescapeDataString(segment);

    private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static GraphException NotFound(string segment) =>
        new(400, "BadRequest", $"Resource not found for the segment '{segment}'.");

    private static GraphException BadSegment(string segment) =>
        new(400, "BadRequest", $"Resource not found for the segment '{segment}'.");
}
