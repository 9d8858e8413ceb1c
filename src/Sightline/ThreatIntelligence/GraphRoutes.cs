using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Sightline.OData;

namespace Sightline.ThreatIntelligence;

/// <summary>
/// The table of Graph routes, keyed by canonical pattern (<c>hosts/{key}/passiveDns</c>). Registering a
/// collection also registers its <c>/{key}</c> item route, looked up inside the same query.
/// </summary>
public sealed class GraphRoutes
{
    private readonly Dictionary<string, Func<GraphRequest, Task>> _routes = new(StringComparer.Ordinal);

    public IEnumerable<string> Patterns => _routes.Keys;

    public Func<GraphRequest, Task>? Find(string pattern) => _routes.GetValueOrDefault(pattern);

    public void Collection<T>(string pattern, Func<GraphRequest, IQueryable<T>> query, Func<GraphRequest, GraphResponses.CollectionSpec<T>> spec, bool withItems = true) where T : class
    {
        _routes.Add(pattern, request => GraphResponses.CollectionAsync(request, query(request), spec(request)));
        if (!withItems)
        {
            return;
        }
        _routes.Add(pattern + "/{key}", async request =>
        {
            var s = spec(request);
            var id = request.Key(request.Path.Keys.Count - 1);
            // The id as a captured value, not a constant: EF Core makes a parameter of it, so every id shares one
            // cached query instead of compiling a new one per id.
            var captured = Expression.Property(Expression.Constant(new KeyValue(id)), nameof(KeyValue.Value));
            var match = Expression.Lambda<Func<T, bool>>(Expression.Equal(s.Key.Body, captured), s.Key.Parameters);
            var entity = await query(request).Where(match).FirstOrDefaultAsync(request.Aborted);
            await GraphResponses.EntityAsync(request, entity, s.Resource, $"No {s.Resource.TypeName} with id '{id}' was found.");
        });
    }

    public void Entity<T>(string pattern, GraphResource<T> resource, Func<GraphRequest, Task<T?>> load, Func<GraphRequest, string>? notFound = null) where T : class =>
        _routes.Add(pattern, async request =>
        {
            var entity = await load(request);
            var message = notFound?.Invoke(request) ?? $"The requested {resource.TypeName} was not found.";
            await GraphResponses.EntityAsync(request, entity, resource, message);
        });

    public void Custom(string pattern, Func<GraphRequest, Task> handler) => _routes.Add(pattern, handler);

    private sealed record KeyValue(string Value);
}
