namespace Sightline.Tests.Fuzz;

/// <summary>One generated request.</summary>
/// <param name="Family">Which generator made it (valid, mutated, path, key, query, header, method, wire).</param>
/// <param name="Target">The request target exactly as sent on the request line.</param>
/// <param name="Wire">
/// Malformed at the HTTP level (raw control characters, a request line or header past Kestrel's limits): Kestrel
/// answers before the application sees the request, with a bare 4xx that cannot carry Graph's envelope.
/// </param>
/// <param name="ExpectOk">An unmutated valid request: it must answer 200 (checks that the fuzz reaches real data).</param>
public sealed record ApiFuzzCase(int Index, string Family, string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? Body = null, bool Wire = false, bool ExpectOk = false)
{
    public override string ToString()
    {
        var headers = string.Join(" | ", Headers.Select(h => $"{h.Key}: {(h.Value.Length > 80 ? h.Value[..80] + "..." : h.Value)}"));
        var target = Target.Length > 400 ? Target[..400] + $"... ({Target.Length} chars)" : Target;
        return $"#{Index} [{Family}] {Method} {target}" + (headers.Length > 0 ? $" headers: {headers}" : "") + (Body is null ? "" : $" body: {Body.Length} chars");
    }
}
