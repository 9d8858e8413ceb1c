using System.Linq.Expressions;
using System.Text.Json;
using Sightline.Data;
using Sightline.Edm;

namespace Sightline.OData;

/// <summary>Loads what a page of entities needs for an expanded navigation, and writes it per entity.</summary>
public delegate Task<Action<Utf8JsonWriter, T>> Expansion<T>(SightlineDb db, IReadOnlyList<T> page, CancellationToken cancellationToken);

/// <summary>
/// How a stored entity appears as a Graph type: its properties in Graph's order (each written from the
/// entity), and the property paths that <c>$filter</c>, <c>$orderby</c> and <c>$search</c> may use, as
/// expressions over the stored entity so that they translate to SQL.
/// </summary>
public sealed class GraphResource<T>(string typeName) where T : class
{
    private readonly List<Member> _members = [];
    private readonly Dictionary<string, LambdaExpression> _paths = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Expansion<T>> _expansions = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The EDM type name in <c>microsoft.graph.security</c>, e.g. <c>passiveDnsRecord</c>.</summary>
    public string TypeName { get; } = typeName;

    /// <summary>For polymorphic sets (hosts), the concrete type of one entity.</summary>
    public Func<T, string>? ConcreteType { get; init; }

    public IEnumerable<string> Expansions => _expansions.Keys;

    public GraphResource<T> Prop<TValue>(string name, Expression<Func<T, TValue>> value, Func<T, bool>? when = null)
    {
        var compiled = value.Compile();
        _paths[name] = value;
        _members.Add(new Member(name, (json, item) => GraphJson.WriteValue(json, name, compiled(item)), when));
        return this;
    }

    public GraphResource<T> Custom(string name, Action<Utf8JsonWriter, T> write, Func<T, bool>? when = null)
    {
        _members.Add(new Member(name, write, when));
        return this;
    }

    /// <summary>A path usable in queries but written by another member, e.g. <c>parentHost/id</c>.</summary>
    public GraphResource<T> Path<TValue>(string path, Expression<Func<T, TValue>> value)
    {
        _paths[path] = value;
        return this;
    }

    public GraphResource<T> Expand(string name, Expansion<T> expansion)
    {
        _expansions[name] = expansion;
        return this;
    }

    public LambdaExpression? FindPath(string path) => _paths.GetValueOrDefault(path);

    public Expansion<T>? FindExpansion(string name) => _expansions.GetValueOrDefault(name);

    public string EdmTypeOf(T item) => ConcreteType?.Invoke(item) ?? TypeName;

    public void Write(Utf8JsonWriter json, T item, Selection selection, IReadOnlyDictionary<string, Action<Utf8JsonWriter, T>>? expanded = null, string? context = null)
    {
        json.WriteStartObject();
        if (context is not null)
        {
            json.WriteString("@odata.context", context);
        }
        json.WriteString("@odata.type", "#" + GraphModel.Namespace + "." + EdmTypeOf(item));
        foreach (var member in _members)
        {
            if (!selection.Includes(member.Name) || (member.When is not null && !member.When(item)))
            {
                continue;
            }
            if (expanded is not null && expanded.TryGetValue(member.Name, out var writeExpanded))
            {
                writeExpanded(json, item);
            }
            else
            {
                member.Write(json, item);
            }
        }
        if (expanded is not null)
        {
            foreach (var (name, write) in expanded)
            {
                if (!_members.Exists(m => string.Equals(m.Name, name, StringComparison.Ordinal)))
                {
                    write(json, item);
                }
            }
        }
        json.WriteEndObject();
    }

    private sealed record Member(string Name, Action<Utf8JsonWriter, T> Write, Func<T, bool>? When);
}

/// <summary>The properties <c>$select</c> asked for; <c>id</c> is always written (clients rely on it).</summary>
public sealed class Selection
{
    private readonly HashSet<string>? _names;

    private Selection(HashSet<string>? names) => _names = names;

    public static Selection All { get; } = new(null);

    public static Selection Of(IEnumerable<string> names) =>
        new(new HashSet<string>(names.Append("id"), StringComparer.Ordinal));

    public bool IsAll => _names is null;

    public IEnumerable<string> Names => _names ?? [];

    public bool Includes(string name) => _names is null || _names.Contains(name);
}
