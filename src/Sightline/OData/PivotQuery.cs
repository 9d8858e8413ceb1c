using Microsoft.OData.UriParser;

namespace Sightline.OData;

/// <summary>
/// The bounds of a pivot set. A <c>$filter</c> must hold, among the conditions of its top-level <c>and</c>, an
/// <c>eq</c> or <c>in</c> on an indexed property: the page is then read from that index range (other conditions and
/// any <c>$orderby</c> apply within it). Without <c>$filter</c> the set pages by its seek key only. Anything else is a
/// 400 that names the indexed properties, never a scan of the whole set.
/// </summary>
internal static class PivotQuery
{
    public static IQueryable<T> Apply<T>(GraphRequest request, PivotSet<T> pivot, QueryBinder<T> binder, FilterClause? filter, OrderByClause? orderBy, IQueryable<T> source)
        where T : class
    {
        if (filter is null)
        {
            // $search (whoisRecords) is Graph's own query and keeps its meaning; otherwise only the seek order is cheap.
            if (orderBy is not null && request.Options.Search is null && !IsSeekOrder(pivot, orderBy))
            {
                throw pivot.Unbounded($"Without $filter, {pivot.Name} can only be ordered by {pivot.SeekPath}.");
            }
            return source;
        }
        var conjuncts = PivotTerms.Conjuncts(filter.Expression).ToList();
        var indexed = false;
        var served = new HashSet<QueryNode>();
        foreach (var condition in conjuncts)
        {
            if (PivotTerms.Of(condition) is not { } term || !pivot.IsIndexed(term.Path))
            {
                continue;
            }
            indexed = true;
            if (pivot.Narrowing?.Invoke(request.Db, source, term) is { } narrowed)
            {
                source = narrowed;
                // A lambda (nameservers/any(...)) is answered by the narrowing alone; other terms still apply as written.
                if (condition is AnyNode)
                {
                    served.Add(condition);
                }
            }
        }
        // With $search (whoisRecords, a query Graph itself serves) the filter only narrows Graph's own result, as before.
        if (!indexed && request.Options.Search is null)
        {
            throw pivot.Unbounded("This $filter has no condition an index can serve.");
        }
        foreach (var condition in conjuncts.Where(c => !served.Contains(c)))
        {
            source = source.Where(binder.BindCondition(condition));
        }
        return source;
    }

    private static bool IsSeekOrder<T>(PivotSet<T> pivot, OrderByClause orderBy) where T : class =>
        orderBy.ThenBy is null && string.Equals(QueryPaths.Of(orderBy.Expression), pivot.SeekPath, StringComparison.OrdinalIgnoreCase);
}
