using Microsoft.OData;
using Microsoft.OData.Edm;
using Microsoft.OData.UriParser;
using Sightline.Data;
using Sightline.Edm;

namespace Sightline.OData;

/// <summary>Server-driven paging: the page size when a client names none, and the largest page served.</summary>
public sealed record PagingOptions(int DefaultPageSize = 100, int MaxPageSize = 1000);

/// <summary>One Graph request: its resolved path, its query options, the store and the external base URL.</summary>
public sealed class GraphRequest(HttpContext http, SightlineDb db, GraphPath path, QueryOptions options, string serviceRoot, PagingOptions paging, QueryLimits? limits = null)
{
    public HttpContext Http { get; } = http;
    public SightlineDb Db { get; } = db;
    public GraphPath Path { get; } = path;
    public QueryOptions Options { get; } = options;

    /// <summary>The external URL of the version root, e.g. <c>https://ti.example.org/v1.0</c>.</summary>
    public string ServiceRoot { get; } = serviceRoot;

    public PagingOptions Paging { get; } = paging;

    public QueryLimits Limits { get; } = limits ?? new();

    public CancellationToken Aborted => Http.RequestAborted;

    public string Key(int index) => Path.Keys[index];

    public string ContextUrl(bool singleEntity) => ServiceRoot + "/$metadata#" + Path.ContextPath(singleEntity);

    /// <summary>The parser for this request's <c>$filter</c>, <c>$orderby</c>, <c>$select</c> and <c>$expand</c> on one EDM type.</summary>
    public ODataQueryOptionParser Parser(string edmTypeName)
    {
        var type = GraphModel.EntityType(edmTypeName);
        var raw = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in new[] { "filter", "orderby", "select", "expand" })
        {
            if (Options.Get(name) is { } value)
            {
                raw["$" + name] = value;
            }
        }
        var parser = new ODataQueryOptionParser(GraphModel.Model, type, null, raw)
        {
            Resolver = new StringAsEnumResolver { EnableCaseInsensitive = true },
        };
        parser.Settings.MaximumExpansionDepth = Limits.MaxExpandDepth;
        return parser;
    }

    /// <summary>Runs an OData parse step, turning the parser's complaints into Graph's 400.</summary>
    public static TResult Parse<TResult>(Func<TResult> parse)
    {
        try
        {
            return parse();
        }
        catch (ODataException e)
        {
            throw GraphException.BadRequest(e.Message);
        }
    }
}
