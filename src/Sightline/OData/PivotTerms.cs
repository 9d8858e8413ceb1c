using Microsoft.OData.UriParser;

namespace Sightline.OData;

/// <summary>Reads a parsed <c>$filter</c> as the conditions of its top-level <c>and</c>, and its equalities.</summary>
internal static class PivotTerms
{
    public static IEnumerable<QueryNode> Conjuncts(QueryNode node) =>
        Unwrap(node) is BinaryOperatorNode { OperatorKind: BinaryOperatorKind.And } and
            ? Conjuncts(and.Left).Concat(Conjuncts(and.Right))
            : [node];

    /// <summary>The term of <c>path eq literal</c>, <c>literal eq path</c>, <c>path in (...)</c> or <c>c/any(x: x/path eq literal)</c>.</summary>
    public static PivotTerm? Of(QueryNode condition) => Unwrap(condition) switch
    {
        BinaryOperatorNode { OperatorKind: BinaryOperatorKind.Equal } eq => Equality(eq.Left, eq.Right) ?? Equality(eq.Right, eq.Left),
        InNode { Right: CollectionConstantNode list } inNode when QueryPaths.Of(inNode.Left) is { } path =>
            new PivotTerm(path, [.. list.Collection.Select(c => c.Value)]),
        AnyNode { Source: CollectionComplexNode collection, Body: { } body } when Of(body) is { } inner =>
            new PivotTerm(collection.Property.Name + "/" + inner.Path, inner.Values),
        _ => null,
    };

    private static PivotTerm? Equality(QueryNode path, QueryNode literal) =>
        QueryPaths.Of(path) is { Length: > 0 } p && Unwrap(literal) is ConstantNode constant ? new PivotTerm(p, [constant.Value]) : null;

    private static QueryNode Unwrap(QueryNode node) => node is ConvertNode convert ? Unwrap(convert.Source) : node;
}
