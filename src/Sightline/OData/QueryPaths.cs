using Microsoft.OData.UriParser;

namespace Sightline.OData;

/// <summary>The Graph property path (<c>parentHost/id</c>) a parsed query node reads, or null if it is no path.</summary>
internal static class QueryPaths
{
    public static string? Of(QueryNode node) => node switch
    {
        ConvertNode convert => Of(convert.Source),
        SingleValuePropertyAccessNode p => Join(Of(p.Source), p.Property.Name),
        SingleComplexNode c => Join(Of(c.Source), c.Property.Name),
        SingleNavigationNode n => Join(Of(n.Source), n.NavigationProperty.Name),
        // A type cast such as microsoft.graph.security.ipAddress/netblock on the abstract host: the property is
        // stored for every host and empty on the other kind, so the cast adds no condition of its own.
        SingleResourceCastNode cast => Of(cast.Source),
        ResourceRangeVariableReferenceNode or NonResourceRangeVariableReferenceNode => "",
        _ => null,
    };

    private static string? Join(string? prefix, string name) => prefix is null ? null : prefix.Length == 0 ? name : prefix + "/" + name;
}
