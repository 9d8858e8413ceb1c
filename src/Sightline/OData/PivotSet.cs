using System.Linq.Expressions;
using Sightline.Data;

namespace Sightline.OData;

/// <summary>An <c>eq</c> or <c>in</c> condition of a <c>$filter</c> on one property path, with its literal values.</summary>
public sealed record PivotTerm(string Path, IReadOnlyList<object?> Values);

/// <summary>
/// Narrows a set to the rows of one pivot term from an index the set's own columns do not have (the WHOIS lookup
/// table), or returns null when the term is not one it serves. The term itself is still applied as written.
/// </summary>
public delegate IQueryable<T>? PivotNarrowing<T>(SightlineDb db, IQueryable<T> source, PivotTerm term);

/// <summary>
/// A large top-level set (every tracker, every resolution, every host...) that Graph does not list, served here as a
/// pivot: a <c>$filter</c> must hold an equality on an indexed property, so a page reads one index range; without a
/// filter the set is paged in the order of its seek key, which an index also serves.
/// </summary>
/// <param name="Name">The set's name in messages, e.g. <c>hostTrackers</c>.</param>
/// <param name="SeekKey">The column pages are ordered and continued by (<c>$skiptoken</c>); unique within the set.</param>
/// <param name="SeekPath">The Graph path of <paramref name="SeekKey"/>.</param>
/// <param name="IndexedPaths">The paths whose <c>eq</c>/<c>in</c> selects an index range.</param>
public sealed record PivotSet<T>(string Name, Expression<Func<T, string>> SeekKey, string SeekPath, IReadOnlyList<string> IndexedPaths, PivotNarrowing<T>? Narrowing = null)
    where T : class
{
    private readonly Func<T, string> _seek = SeekKey.Compile();

    public string SeekValue(T row) => _seek(row);

    public bool IsIndexed(string path) => IndexedPaths.Contains(path, StringComparer.OrdinalIgnoreCase);

    public GraphException Unbounded(string why) => GraphException.BadRequest(
        $"{why} {Name} is served as a pivot: $filter needs 'eq' or 'in' on an indexed property ({string.Join(", ", IndexedPaths)}), "
        + $"combined with 'and' with any other condition; without $filter the set is paged by {SeekPath}.");
}
