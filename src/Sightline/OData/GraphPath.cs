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

    private const int MaxSegments = 32;

    /// <summary>Parses the raw segments that follow the version segment.</summary>
    public static GraphPath Parse(IReadOnlyList<string> rawSegments)
    {
        var segments = rawSegments.Where(s => s.Length > 0).ToList();
        if (segments.Count < 2 || !Is(Decode(segments[0]), "security") || !Is(Decode(segments[1]), "threatIntelligence"))
        {
            throw BadSegment(segments.Count > 0 ? Decode(segments[0]) : "");
        }
        if (segments.Count == 2)
        {
            throw GraphException.BadRequest("Reading the threatIntelligence resource itself is not supported; address one of its collections, for example /security/threatIntelligence/articles.");
        }
        if (segments.Count > MaxSegments)
        {
            throw GraphException.BadRequest($"The path has more than {MaxSegments} segments.");
        }
        return Walk(segments, 2, new Walker(GraphModel.ThreatIntelligence, false, [], ["security", "threatIntelligence"], [], false));
    }

    private sealed record Walker(IEdmStructuredType Type, bool AwaitingKey, List<string> Pattern, List<string> Canonical, List<string> Keys, bool IsCount)
    {
        public Walker With(string pattern, string canonical, string? key, IEdmStructuredType type, bool awaitingKey, bool isCount = false) => new(
            type, awaitingKey, [.. Pattern, pattern], [.. Canonical, canonical], key is null ? Keys : [.. Keys, key], isCount);
    }

    private static GraphPath Walk(List<string> segments, int i, Walker state)
    {
        if (i == segments.Count)
        {
            return new GraphPath(string.Join('/', state.Pattern), state.Keys, state.Canonical, state.IsCount);
        }
        var raw = segments[i];
        if (state.IsCount)
        {
            throw BadSegment(Decode(raw));
        }
        if (string.Equals(Decode(raw), "$count", StringComparison.OrdinalIgnoreCase))
        {
            if (!state.AwaitingKey)
            {
                throw BadSegment("$count");
            }
            return Walk(segments, i + 1, state with { IsCount = true });
        }
        if (state.AwaitingKey)
        {
            return WalkKey(segments, i, state);
        }

        var (name, parenKey) = SplitParenKey(raw);
        var nav = FindNavigation(state.Type, name, allowAlias: state.Pattern.Count == 0) ?? throw BadSegment(name);
        var collection = nav.Type.IsCollection();
        if (!collection && parenKey is not null)
        {
            throw BadSegment(Decode(raw));
        }
        var next = state.With(nav.Name, nav.Name, null, nav.ToEntityType(), awaitingKey: collection && parenKey is null);
        if (parenKey is not null)
        {
            next = next.With("{key}", parenKey, parenKey, next.Type, awaitingKey: false);
        }
        return Walk(segments, i + 1, next);
    }

    /// <summary>
    /// A key is one segment, unless clients sent a base64 id with a raw '/': then the key runs over as many
    /// segments as it takes for the rest of the path to make sense (the shortest such key wins). Host names, IPs and CVE ids never span.
    /// </summary>
    private static GraphPath WalkKey(List<string> segments, int i, Walker state)
    {
        GraphException? first = null;
        var canSpan = state.Pattern[^1] is not ("hosts" or "vulnerabilities");
        for (var end = i + 1; end <= segments.Count && (end == i + 1 || (canSpan && !Is(Decode(segments[end - 1]), "$count"))); end++)
        {
            var key = string.Join('/', segments.Skip(i).Take(end - i).Select(Decode));
            try
            {
                return Walk(segments, end, state.With("{key}", key, key, state.Type, awaitingKey: false));
            }
            catch (GraphException e)
            {
                first ??= e;
            }
        }
        throw first!;
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

    private static GraphException BadSegment(string segment) =>
        new(400, "BadRequest", $"Resource not found for the segment '{segment}'.");
}
