using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Auth;
using Sightline.Data;
using Sightline.OData;
using Sightline.ThreatIntelligence;

namespace Sightline.Floor;

/// <summary>
/// The benchmark's floor (<c>serve --bench-floor</c>, never on otherwise): for each benchmarked Graph route, a minimal
/// endpoint under <c>/floor/v1.0/...</c> that runs the route's own SQL (see <see cref="FloorStatements"/>) through a
/// plain ADO.NET reader and writes the route's JSON with <see cref="Utf8JsonWriter"/>: what the same answer costs
/// with nothing of ours in between but authentication. Only the query options the benchmark sends are read.
/// </summary>
public static class FloorEndpoints
{
    private const string Prefix = "/floor/v1.0/security/threatIntelligence";
    private const string Sentinel = "\u0001";

    public static void MapFloor(this WebApplication app)
    {
        app.MapGet(Prefix + "/hosts/{id}", (HttpContext c, string id) => Run(c, () => HostAsync(c, id)));
        app.MapGet(Prefix + "/hosts/{id}/reputation", (HttpContext c, string id) => Run(c, () => ReputationAsync(c, id)));
        app.MapGet(Prefix + "/hosts/{id}/passiveDns", (HttpContext c, string id) => Run(c, () => PassiveDnsAsync(c, id, reverse: false)));
        app.MapGet(Prefix + "/hosts/{id}/passiveDnsReverse", (HttpContext c, string id) => Run(c, () => PassiveDnsAsync(c, id, reverse: true)));
        app.MapGet(Prefix + "/hosts/{id}/whois", (HttpContext c, string id) => Run(c, () => WhoisAsync(c, id)));
        app.MapGet(Prefix + "/articles", (HttpContext c) => Run(c, () => ArticlesAsync(c)));
    }

    private static async Task Run(HttpContext context, Func<Task> handle)
    {
        await Access.RequireAsync(context, Permissions.Read);
        await handle();
    }

    private static string ServiceRoot(HttpContext c) => $"{c.Request.Scheme}://{c.Request.Host}{c.Request.PathBase}/v1.0";

    private static string Context(HttpContext c, string path) => ServiceRoot(c) + "/$metadata#security/threatIntelligence/" + path;

    private static string Quoted(string key) => "('" + key.Replace("'", "''", StringComparison.Ordinal) + "')";

    private static FloorStatements Statements(HttpContext c) => c.RequestServices.GetRequiredService<FloorStatements>();

    private static async Task HostAsync(HttpContext c, string key)
    {
        var floor = Statements(c);
        await using var connection = await floor.OpenAsync(c.RequestAborted);
        await using var command = await floor.CommandAsync(connection, "host", (db, a) => db.Hosts.FirstOrDefaultAsync(h => h.Id == (string)a[0]),
            [Sentinel], HostKinds.Normalize(key));
        await using var reader = await command.ExecuteReaderAsync(c.RequestAborted);
        if (!await reader.ReadAsync(c.RequestAborted))
        {
            throw GraphException.NotFound($"Host '{key}' was not found.");
        }
        await GraphResponses.WriteJsonAsync(c, json => FloorJson.Host(json, floor, reader, Context(c, "hosts/$entity")));
    }

    private static async Task ReputationAsync(HttpContext c, string key)
    {
        var floor = Statements(c);
        var id = HostKinds.Normalize(key);
        var context = Context(c, "hosts" + Quoted(key) + "/reputation/$entity");
        var baseUrl = ServiceRoot(c)[..ServiceRoot(c).LastIndexOf('/')];
        await using var connection = await floor.OpenAsync(c.RequestAborted);
        await using (var command = await floor.CommandAsync(connection, "reputation", (db, a) => db.HostReputations.AsNoTracking().FirstOrDefaultAsync(x => x.HostId == (string)a[0]), [Sentinel], id))
        await using (var reader = await command.ExecuteReaderAsync(c.RequestAborted))
        {
            if (await reader.ReadAsync(c.RequestAborted))
            {
                await GraphResponses.WriteJsonAsync(c, json => FloorJson.Reputation(json, reader, baseUrl, context));
                return;
            }
        }
        if (!await HostExistsAsync(floor, connection, id, c.RequestAborted))
        {
            throw GraphException.NotFound($"Host '{key}' was not found.");
        }
        await GraphResponses.WriteJsonAsync(c, json => FloorJson.UnknownReputation(json, GraphIds.Guid("reputation:" + id), context));
    }

    private static async Task PassiveDnsAsync(HttpContext c, string key, bool reverse)
    {
        var floor = Statements(c);
        var (top, skip) = Page(c);
        var limit = Math.Min(top ?? 100, 1000);
        var name = reverse ? "passiveDnsReverse" : "passiveDns";
        await using var connection = await floor.OpenAsync(c.RequestAborted);
        var rows = new List<FloorJson.PassiveDnsRow>(limit + 1);
        await using (var command = await floor.CommandAsync(connection, name, reverse
            ? (db, a) => db.PassiveDnsRecords.Where(p => p.ArtifactId == (string)a[0]).OrderByDescending(p => p.LastSeenDateTime).ThenBy(p => p.Id).Skip((int)a[1]).Take((int)a[2]).ToListAsync()
            : (db, a) => db.PassiveDnsRecords.Where(p => p.ParentHostId == (string)a[0]).OrderByDescending(p => p.LastSeenDateTime).ThenBy(p => p.Id).Skip((int)a[1]).Take((int)a[2]).ToListAsync(),
            [Sentinel, 777_001, 777_002], HostKinds.Normalize(key), skip, limit + 1))
        await using (var reader = await command.ExecuteReaderAsync(c.RequestAborted))
        {
            var o = FloorJson.PassiveDnsOrdinals.Of(reader);
            while (await reader.ReadAsync(c.RequestAborted))
            {
                rows.Add(FloorJson.PassiveDnsRow.Read(floor, reader, o));
            }
        }
        var more = rows.Count > limit;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        if (rows.Count == 0)
        {
            if (!await HostExistsAsync(floor, connection, HostKinds.Normalize(key), c.RequestAborted))
            {
                throw GraphException.NotFound($"Host '{key}' was not found.");
            }
        }
        var next = more ? NextLink(c, ["hosts", key, name], skip + rows.Count) : null;
        await GraphResponses.WriteJsonAsync(c, json => FloorJson.Collection(json, Context(c, "hosts" + Quoted(key) + "/" + name), rows, FloorJson.PassiveDns, next));
    }

    private static async Task WhoisAsync(HttpContext c, string key)
    {
        var floor = Statements(c);
        await using var connection = await floor.OpenAsync(c.RequestAborted);
        await using var command = await floor.CommandAsync(connection, "whois", (db, a) => db.WhoisRecords.FirstOrDefaultAsync(w => w.HostId == (string)a[0] && w.IsCurrent),
            [Sentinel], HostKinds.Normalize(key));
        await using var reader = await command.ExecuteReaderAsync(c.RequestAborted);
        if (!await reader.ReadAsync(c.RequestAborted))
        {
            throw GraphException.NotFound($"No WHOIS record is known for host '{key}'.");
        }
        await GraphResponses.WriteJsonAsync(c, json => FloorJson.Whois(json, floor, reader, Context(c, "hosts" + Quoted(key) + "/whois/$entity")));
    }

    private static async Task ArticlesAsync(HttpContext c)
    {
        var floor = Statements(c);
        var (top, skip) = Page(c);
        var limit = Math.Min(top ?? 100, 1000);
        var terms = c.Request.Query["$search"].ToString() is { Length: > 0 } search ? Searches.Terms(search) : [];
        var sentinels = terms.Select((_, i) => (object)(Sentinel + "t" + i.ToString(CultureInfo.InvariantCulture))).Append(777_001).Append(777_002).ToArray();
        var arguments = terms.Cast<object>().Append(skip).Append(limit + 1).ToArray();
        await using var connection = await floor.OpenAsync(c.RequestAborted);
        var rows = new List<FloorJson.ArticleRow>(limit + 1);
        await using (var command = await floor.CommandAsync(connection, "articles:" + terms.Count.ToString(CultureInfo.InvariantCulture),
            (db, a) => (a.Length > 2 ? Searches.Articles(db.Articles, string.Join(' ', a.Take(a.Length - 2))) : db.Articles)
                .OrderByDescending(x => x.CreatedDateTime).ThenBy(x => x.Id).Skip((int)a[a.Length - 2]).Take((int)a[a.Length - 1]).ToListAsync(),
            sentinels, arguments))
        await using (var reader = await command.ExecuteReaderAsync(c.RequestAborted))
        {
            while (await reader.ReadAsync(c.RequestAborted))
            {
                rows.Add(FloorJson.ArticleRow.Read(floor, reader));
            }
        }
        var more = rows.Count > limit;
        if (more)
        {
            rows.RemoveAt(rows.Count - 1);
        }
        var next = more ? NextLink(c, ["articles"], skip + rows.Count) : null;
        await GraphResponses.WriteJsonAsync(c, json => FloorJson.Collection(json, Context(c, "articles"), rows, FloorJson.Article, next));
    }

    /// <summary>The routes' <c>AnyAsync(h =&gt; h.Id == id)</c>: a known host with nothing to list is an empty page, an unknown one a 404.</summary>
    private static async Task<bool> HostExistsAsync(FloorStatements floor, System.Data.Common.DbConnection connection, string id, CancellationToken cancellationToken)
    {
        await using var command = await floor.CommandAsync(connection, "hostExists", (db, a) => db.Hosts.AnyAsync(h => h.Id == (string)a[0]), [Sentinel], id);
        return Convert.ToBoolean(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static (int? Top, int Skip) Page(HttpContext c)
    {
        static int? Number(string? text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        return (Number(c.Request.Query["$top"]), Number(c.Request.Query["$skip"]) ?? 0);
    }

    /// <summary>The route's next link: the same options in the request's order, <c>$skip</c> moved to the end.</summary>
    private static string NextLink(HttpContext c, string[] segments, int skip)
    {
        var link = new StringBuilder(ServiceRoot(c)).Append("/security/threatIntelligence/").Append(string.Join('/', segments.Select(Uri.EscapeDataString)));
        var separator = '?';
        foreach (var pair in c.Request.QueryString.Value!.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var option = Uri.UnescapeDataString(parts[0]).TrimStart('$').ToLowerInvariant();
            if (option is "skip" or "skiptoken")
            {
                continue;
            }
            var value = parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : "";
            link.Append(separator).Append('$').Append(option).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }
        return link.Append(separator).Append("$skip=").Append(skip.ToString(CultureInfo.InvariantCulture)).ToString();
    }
}
