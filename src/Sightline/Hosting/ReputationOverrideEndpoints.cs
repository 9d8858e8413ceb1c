using System.Text.Json;
using Sightline.Auth;
using Sightline.Data;
using Sightline.Data.Entities;
using Sightline.Data.Reputation;
using Sightline.OData;

namespace Sightline.Hosting;

/// <summary>
/// Analyst overrides over HTTP, outside the Graph surface (which is read-only): <c>PUT /reputation/overrides/{host}</c>
/// with <c>{"classification": "malicious", "reason": "..."}</c>, <c>DELETE</c> to clear, <c>GET</c> to read. Writing
/// needs the <c>Sightline.Ingest</c> permission and recomputes the store's reputations before answering.
/// </summary>
public static class ReputationOverrideEndpoints
{
    public static IEndpointRouteBuilder MapReputationOverrides(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reputation/overrides/{host}", GetAsync);
        app.MapPut("/reputation/overrides/{host}", PutAsync);
        app.MapDelete("/reputation/overrides/{host}", DeleteAsync);
        return app;
    }

    private static async Task GetAsync(HttpContext context, string host, SightlineDb db)
    {
        await Access.RequireAsync(context, Permissions.Ingest);
        var found = await ReputationOverrides.FindAsync(db, host, context.RequestAborted)
            ?? throw GraphException.NotFound($"Host '{host}' has no reputation override.");
        await GraphResponses.WriteJsonAsync(context, json => Write(json, found, null));
    }

    private static async Task PutAsync(HttpContext context, string host, SightlineDb db, ReputationService reputation)
    {
        await Access.RequireAsync(context, Permissions.Ingest);
        var (classification, reason) = await ReadAsync(context);
        if (ReputationOverrides.NormalizeHost(host) is null)
        {
            throw GraphException.BadRequest($"'{host}' is not a host name or an IP address.");
        }
        var author = context.User.FindFirst("sub")?.Value;
        var saved = await ReputationOverrides.SetAsync(db, host, classification, reason, author, context.RequestAborted);
        var scored = await reputation.RecomputeAsync(db, context.RequestAborted);
        await GraphResponses.WriteJsonAsync(context, json => Write(json, saved, scored));
    }

    private static async Task DeleteAsync(HttpContext context, string host, SightlineDb db, ReputationService reputation)
    {
        await Access.RequireAsync(context, Permissions.Ingest);
        if (!await ReputationOverrides.ClearAsync(db, host, context.RequestAborted))
        {
            throw GraphException.NotFound($"Host '{host}' has no reputation override.");
        }
        await reputation.RecomputeAsync(db, context.RequestAborted);
        context.Response.StatusCode = 204;
    }

    private static async Task<(ReputationClass, string)> ReadAsync(HttpContext context)
    {
        JsonElement body;
        try
        {
            body = (await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted)).RootElement;
        }
        catch (JsonException e)
        {
            throw GraphException.BadRequest("The body must be a JSON object with classification and reason: " + e.Message);
        }
        var text = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("classification", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        if (!ReputationOverrides.TryParseClass(text, out var classification))
        {
            throw GraphException.BadRequest("'classification' must be one of unknown, neutral, suspicious, malicious.");
        }
        var reason = body.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw GraphException.BadRequest("An override needs a non-empty 'reason'.");
        }
        return (classification, reason!);
    }

    private static void Write(Utf8JsonWriter json, ReputationOverride o, ReputationRunReport? scored)
    {
        json.WriteStartObject();
        json.WriteString("host", o.HostId);
        json.WriteString("classification", ReputationOverrides.ClassName(o.Classification));
        json.WriteString("reason", o.Reason);
        json.WriteString("author", o.Author);
        json.WriteString("createdDateTime", o.CreatedDateTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
        if (scored is not null)
        {
            json.WriteString("reputation", scored.ToString());
        }
        json.WriteEndObject();
    }
}
