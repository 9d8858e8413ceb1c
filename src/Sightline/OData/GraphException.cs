namespace Sightline.OData;

/// <summary>A request that fails the Graph way: an HTTP status with Graph's error code and message.</summary>
public sealed class GraphException(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;

    public static GraphException BadRequest(string message) => new(400, "BadRequest", message);

    public static GraphException NotFound(string message) => new(404, "itemNotFound", message);
}
