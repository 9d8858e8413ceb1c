using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Sightline.OData;

/// <summary>
/// One page and its <c>@odata.nextLink</c>. Graph collections page by <c>$skip</c>; pivot sets without an
/// <c>$orderby</c> continue after the last row's seek key (<c>$skiptoken</c>), so a deep page costs what the first does.
/// </summary>
internal static class Paging
{
    public static async Task<(List<T> Rows, string? Next)> ByOffsetAsync<T>(GraphRequest request, IOrderedQueryable<T> ordered, int skip, int limit)
    {
        var rows = limit == 0 ? [] : await ordered.Skip(skip).Take(limit + 1).ToListAsync(request.Aborted);
        var more = Trim(rows, limit);
        return (rows, more ? NextLink(request, "skip", (skip + rows.Count).ToString(System.Globalization.CultureInfo.InvariantCulture)) : null);
    }

    public static async Task<(List<T> Rows, string? Next)> ByKeyAsync<T>(GraphRequest request, IQueryable<T> source, PivotSet<T> pivot, int limit) where T : class
    {
        if (request.Options.SkipToken is { } token)
        {
            source = source.Where(After(pivot.SeekKey, token));
        }
        var rows = limit == 0 ? [] : await source.OrderBy(pivot.SeekKey).Take(limit + 1).ToListAsync(request.Aborted);
        var more = Trim(rows, limit);
        return (rows, more ? NextLink(request, "skiptoken", pivot.SeekValue(rows[^1])) : null);
    }

    private static bool Trim<T>(List<T> rows, int limit)
    {
        if (rows.Count <= limit)
        {
            return false;
        }
        rows.RemoveAt(rows.Count - 1);
        return true;
    }

    /// <summary><c>key &gt; token</c>, with the token as a parameter (one cached plan for every page).</summary>
    private static Expression<Func<T, bool>> After<T>(Expression<Func<T, string>> key, string token)
    {
        var compare = typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;
        var boxed = Expression.Property(Expression.Constant(new Token(token)), nameof(Token.Value));
        var body = Expression.GreaterThan(Expression.Call(compare, key.Body, boxed), Expression.Constant(0));
        return Expression.Lambda<Func<T, bool>>(body, key.Parameters);
    }

    private sealed record Token(string Value);

    /// <summary>The next page: same absolute path on this server, same options, the continuation replaced.</summary>
    private static string NextLink(GraphRequest request, string continuation, string value)
    {
        var builder = new StringBuilder();
        builder.Append(request.ServiceRoot).Append('/');
        builder.Append(string.Join('/', request.Path.Segments.Select(Uri.EscapeDataString)));
        var separator = '?';
        foreach (var (name, option) in request.Options.Values)
        {
            if (name is "skip" or "skiptoken")
            {
                continue;
            }
            builder.Append(separator).Append('$').Append(name).Append('=').Append(Uri.EscapeDataString(option));
            separator = '&';
        }
        builder.Append(separator).Append('$').Append(continuation).Append('=').Append(Uri.EscapeDataString(value));
        return builder.ToString();
    }
}
