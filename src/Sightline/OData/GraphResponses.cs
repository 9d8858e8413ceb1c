using System.Linq.Expressions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.OData.UriParser;

namespace Sightline.OData;

/// <summary>
/// Answers a Graph read: applies the query options to an <see cref="IQueryable{T}"/> (so everything runs in
/// SQL, one page at a time), then writes Graph's envelope.
/// </summary>
public static class GraphResponses
{
    public sealed record CollectionSpec<T>(
        GraphResource<T> Resource,
        Expression<Func<T, string>> Key,
        Func<IQueryable<T>, IOrderedQueryable<T>>? DefaultOrder = null,
        Func<IQueryable<T>, string, IQueryable<T>>? Search = null,
        Func<Task>? EnsureParentExists = null,
        PivotSet<T>? Pivot = null) where T : class;

    public static async Task CollectionAsync<T>(GraphRequest request, IQueryable<T> source, CollectionSpec<T> spec) where T : class
    {
        var options = request.Options;
        var parser = request.Parser(spec.Resource.TypeName);
        var binder = new QueryBinder<T>(spec.Resource);

        var filter = options.Filter is null ? null : GraphRequest.Parse(parser.ParseFilter);
        if (filter is not null)
        {
            request.Limits.CheckFilter(filter);
        }
        var orderBy = options.OrderBy is null ? null : GraphRequest.Parse(parser.ParseOrderBy);
        if (spec.Pivot is { } pivot)
        {
            source = PivotQuery.Apply(request, pivot, binder, filter, orderBy, source);
        }
        else if (filter is not null)
        {
            source = source.Where(binder.BindFilter(filter));
        }
        if (options.Search is { } search)
        {
            if (spec.Search is null)
            {
                throw GraphException.BadRequest($"$search is not supported on this collection of {spec.Resource.TypeName}.");
            }
            source = spec.Search(source, search);
        }
        if (request.Path.IsCount)
        {
            var total = await source.CountAsync(request.Aborted);
            if (total == 0 && spec.EnsureParentExists is not null)
            {
                await spec.EnsureParentExists();
            }
            await WriteTextAsync(request.Http, total.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return;
        }

        var (selection, expansions) = SelectAndExpand(request, parser, spec.Resource);
        long? count = options.Count ? await source.LongCountAsync(request.Aborted) : null;

        // As on Graph, $top is the page size (capped at the maximum); a next link follows while more data exists.
        var limit = Math.Min(options.Top ?? request.Paging.DefaultPageSize, request.Paging.MaxPageSize);
        var (rows, next) = spec.Pivot is { } seek && orderBy is null && options.Skip is null
            ? await Paging.ByKeyAsync(request, source, seek, limit)
            : await Paging.ByOffsetAsync(request, Order(source, spec, binder, orderBy), options.SkipOrNumericToken ?? 0, limit);
        if (rows.Count == 0 && spec.EnsureParentExists is not null)
        {
            await spec.EnsureParentExists();
        }
        var writers = await LoadExpansionsAsync(request, spec.Resource, expansions, rows);

        await WriteJsonAsync(request.Http, json =>
        {
            json.WriteStartObject();
            json.WriteString("@odata.context", request.ContextUrl(singleEntity: false));
            if (count is { } n)
            {
                json.WriteNumber("@odata.count", n);
            }
            json.WriteStartArray("value");
            foreach (var row in rows)
            {
                spec.Resource.Write(json, row, selection, writers);
            }
            json.WriteEndArray();
            if (next is not null)
            {
                json.WriteString("@odata.nextLink", next);
            }
            json.WriteEndObject();
        });
    }

    public static async Task EntityAsync<T>(GraphRequest request, T? entity, GraphResource<T> resource, string notFound) where T : class
    {
        if (entity is null)
        {
            throw GraphException.NotFound(notFound);
        }
        var parser = request.Parser(resource.EdmTypeOf(entity));
        var (selection, expansions) = SelectAndExpand(request, parser, resource);
        var writers = await LoadExpansionsAsync(request, resource, expansions, [entity]);
        await WriteJsonAsync(request.Http, json =>
            resource.Write(json, entity, selection, writers, request.ContextUrl(singleEntity: true)));
    }

    public static async Task WriteTextAsync(HttpContext http, string text)
    {
        http.Response.StatusCode = 200;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(text, http.RequestAborted);
    }

    public static async Task WriteJsonAsync(HttpContext http, Action<Utf8JsonWriter> write, int status = 200)
    {
        var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer, GraphJson.WriterOptions))
        {
            write(json);
        }
        http.Response.StatusCode = status;
        http.Response.ContentType = GraphJson.ContentType;
        http.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(http.Response.Body, http.RequestAborted);
    }

    private static (Selection, List<string>) SelectAndExpand<T>(GraphRequest request, ODataQueryOptionParser parser, GraphResource<T> resource) where T : class
    {
        if (request.Options.Select is null && request.Options.Expand is null)
        {
            return (Selection.All, []);
        }
        var clause = GraphRequest.Parse(parser.ParseSelectAndExpand);
        var selected = new List<string>();
        var expanded = new List<string>();
        foreach (var item in clause?.SelectedItems ?? [])
        {
            switch (item)
            {
                case PathSelectItem path:
                    selected.Add(path.SelectedPath.FirstSegment.Identifier);
                    break;
                case ExpandedNavigationSelectItem expand:
                    var name = expand.PathToNavigationProperty.FirstSegment.Identifier;
                    if (resource.FindExpansion(name) is null)
                    {
                        throw GraphException.BadRequest($"$expand is not supported for '{name}' on {resource.TypeName}.");
                    }
                    expanded.Add(name);
                    break;
                case WildcardSelectItem:
                    return (Selection.All, expanded);
                default:
                    break;
            }
        }
        var selection = request.Options.Select is null || clause!.AllSelected ? Selection.All : Selection.Of(selected.Concat(expanded));
        return (selection, expanded);
    }

    private static async Task<Dictionary<string, Action<Utf8JsonWriter, T>>?> LoadExpansionsAsync<T>(GraphRequest request, GraphResource<T> resource, List<string> names, IReadOnlyList<T> rows) where T : class
    {
        if (names.Count == 0)
        {
            return null;
        }
        var writers = new Dictionary<string, Action<Utf8JsonWriter, T>>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            writers[name] = await resource.FindExpansion(name)!(request.Db, rows, request.Aborted);
        }
        return writers;
    }

    private static IOrderedQueryable<T> Order<T>(IQueryable<T> source, CollectionSpec<T> spec, QueryBinder<T> binder, OrderByClause? orderBy) where T : class =>
        orderBy is not null ? ((IOrderedQueryable<T>)binder.ApplyOrderBy(source, orderBy)).ThenBy(spec.Key)
        : spec.DefaultOrder is not null ? spec.DefaultOrder(source).ThenBy(spec.Key)
        : source.OrderBy(spec.Key);
}
