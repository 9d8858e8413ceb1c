using Microsoft.OData.UriParser;

namespace Sightline.OData;

/// <summary>
/// How much work one Graph query may ask for: the length of <c>$filter</c> and <c>$search</c>, the number of nodes
/// in the parsed <c>$filter</c> and the depth of <c>$expand</c>. Each exceeded bound answers 400.
/// </summary>
public sealed record QueryLimits
{
    public int MaxFilterLength { get; init; } = 4096;

    /// <summary>Operators, functions, properties and constants in the parsed <c>$filter</c> (an <c>in</c> list counts each item).</summary>
    public int MaxFilterNodes { get; init; } = 200;

    public int MaxSearchLength { get; init; } = 512;

    /// <summary>1: <c>$expand=x</c> only; nested <c>$expand=x($expand=y)</c> is refused.</summary>
    public int MaxExpandDepth { get; init; } = 1;

    /// <summary>Refuses option values longer than their bound, before anything is parsed.</summary>
    public void CheckLengths(QueryOptions options)
    {
        if (options.Filter is { } filter && filter.Length > MaxFilterLength)
        {
            throw GraphException.BadRequest($"$filter is {filter.Length} characters long; at most {MaxFilterLength} are allowed.");
        }
        if (options.Search is { } search && search.Length > MaxSearchLength)
        {
            throw GraphException.BadRequest($"$search is {search.Length} characters long; at most {MaxSearchLength} are allowed.");
        }
    }

    public void CheckFilter(FilterClause filter)
    {
        var nodes = Count(filter.Expression);
        if (nodes > MaxFilterNodes)
        {
            throw GraphException.BadRequest($"$filter is too complex: {nodes} terms, at most {MaxFilterNodes} are allowed.");
        }
    }

    private static int Count(QueryNode? node) => node switch
    {
        null => 0,
        ConvertNode c => Count(c.Source),
        BinaryOperatorNode b => 1 + Count(b.Left) + Count(b.Right),
        UnaryOperatorNode u => 1 + Count(u.Operand),
        SingleValueFunctionCallNode f => 1 + f.Parameters.Sum(Count),
        SingleResourceFunctionCallNode f => 1 + f.Parameters.Sum(Count),
        LambdaNode l => 1 + Count(l.Source) + Count(l.Body),
        InNode i => 1 + Count(i.Left) + Count(i.Right),
        CollectionConstantNode c => 1 + c.Collection.Count,
        SingleValuePropertyAccessNode p => 1 + Count(p.Source),
        SingleComplexNode p => 1 + Count(p.Source),
        CollectionPropertyAccessNode p => 1 + Count(p.Source),
        CollectionComplexNode p => 1 + Count(p.Source),
        SingleNavigationNode n => 1 + Count(n.Source),
        CollectionNavigationNode n => 1 + Count(n.Source),
        _ => 1,
    };
}
