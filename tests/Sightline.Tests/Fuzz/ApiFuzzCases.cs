using System.Text;
using Sightline.ThreatIntelligence;
using static Sightline.Tests.Fuzz.ApiFuzzVocabulary;

namespace Sightline.Tests.Fuzz;

/// <summary>
/// Generates API fuzz cases from a seed: case <c>i</c> of seed <c>s</c> is always the same request. Families, by
/// share: valid requests (10%) and mutations of them (15%), malformed paths (14%), hostile keys on every route (20%),
/// OData query options (25%), headers (8%), methods (6%) and requests malformed at the HTTP level (2%).
/// </summary>
public static class ApiFuzzCases
{
    private static readonly string[] _routes = [.. ThreatIntelligenceRoutes.Build().Patterns.Order(StringComparer.Ordinal)];

    public static ApiFuzzCase Generate(int seed, int index, string token)
    {
        var rng = FuzzRun.Random(seed, index);
        var auth = new KeyValuePair<string, string>("Authorization", "Bearer " + token);
        var roll = rng.Next(100);
        var request = roll switch
        {
            < 10 => Valid(rng, index, auth),
            < 25 => Mutated(rng, index, auth),
            < 39 => PathCase(rng, index, auth),
            < 59 => new(index, "key", "GET", WireSafe(KeyedRoute(rng)), [auth]),
            < 84 => new(index, "query", "GET", WireSafe(WithOptions(rng, Pick(rng, ValidPaths))), [auth]),
            < 92 => HeaderCase(rng, index, token),
            < 98 => MethodCase(rng, index, auth),
            _ => WireCase(rng, index, auth),
        };
        return KestrelRefuses(request) ? request with { Wire = true, ExpectOk = false } : request;
    }

    /// <summary>Kestrel's request line limit: Sightline raises it to its 8,192-character URL bound plus 1 KiB.</summary>
    private const int KestrelRequestLine = 8192 + 1024;

    /// <summary>
    /// Requests Kestrel refuses itself, before any application code runs (so with a bare 4xx): a request line past its
    /// limit, a NUL in the decoded path, a target that is neither a path nor a URL, the asterisk form other than with
    /// OPTIONS, CONNECT, an absolute URL whose
    /// authority is not the Host header, headers past 32 KiB.
    /// </summary>
    private static bool KestrelRefuses(ApiFuzzCase request)
    {
        var path = request.Target.Split('?', 2)[0];
        return request.Method.Length + request.Target.Length + " HTTP/1.1\r\n".Length + 1 > KestrelRequestLine
            || path.Contains("%00", StringComparison.Ordinal)
            || (request.Target == "*" && request.Method != "OPTIONS")
            || request.Method == "CONNECT"
            || (request.Target[0] != '/' && request.Target != "*" && !request.Target.StartsWith("http://", StringComparison.Ordinal))
            || request.Target.StartsWith("http://evil.example/", StringComparison.Ordinal)
            || request.Headers.Sum(h => h.Key.Length + h.Value.Length + 4) > 32 * 1024;
    }

    private static ApiFuzzCase PathCase(Random rng, int index, KeyValuePair<string, string> auth)
    {
        var target = WireSafe(RandomPath(rng));
        // The absolute form: Kestrel requires the Host header to name the same authority.
        return target.StartsWith("http://127.0.0.1/", StringComparison.Ordinal)
            ? new(index, "path", "GET", target, [auth, new("Host", "127.0.0.1")])
            : new(index, "path", "GET", target, [auth]);
    }

    private static ApiFuzzCase Valid(Random rng, int index, KeyValuePair<string, string> auth) =>
        new(index, "valid", "GET", WireSafe(Version(rng, valid: true) + Root + "/" + Pick(rng, ValidPaths)), [auth], ExpectOk: true);

    private static ApiFuzzCase Mutated(Random rng, int index, KeyValuePair<string, string> auth)
    {
        var target = WireSafe("/v1.0" + Root + "/" + Pick(rng, ValidPaths));
        for (var n = rng.Next(1, 4); n > 0; n--)
        {
            target = Mutate(rng, target);
        }
        return new(index, "mutated", "GET", WireSafe(target.Length > 0 && target[0] == '/' ? target : "/" + target), [auth]);
    }

    /// <summary>One edit of a request target: a character removed, inserted, doubled, re-cased, escaped or a span repeated.</summary>
    public static string Mutate(Random rng, string target)
    {
        if (target.Length == 0)
        {
            return "/";
        }
        var at = rng.Next(target.Length);
        string[] inserts = ["/", "(", ")", "'", "%", "$", "?", "&", "=", ",", ";", ".", "~", "*", "@", ":", "\"", "+", "%00", "%C0%AF", "%2F", "//", "/..", "'')", "%252F"];
        return rng.Next(8) switch
        {
            0 => target.Remove(at, 1),
            1 => target.Insert(at, Pick(rng, inserts)),
            2 => target.Insert(at, target[at].ToString()),
            3 => target[..at] + (char.IsUpper(target[at]) ? char.ToLowerInvariant(target[at]) : char.ToUpperInvariant(target[at])) + target[(at + 1)..],
            4 => target[..at] + "%" + ((int)target[at] & 0xFF).ToString("X2") + target[(at + 1)..],
            5 => target[..at],
            6 => target.Insert(at, target.Substring(at, Math.Min(target.Length - at, rng.Next(1, 40)))),
            _ => target.Insert(at, Pick(rng, Escapes)),
        };
    }

    private static string Version(Random rng, bool valid = false) =>
        valid ? Pick(rng, ["/v1.0", "/beta", "/V1.0", "/BETA"]) : Pick(rng, ["/v1.0", "/beta", "/V1.0", "/v1.0/", "/v2.0", "/v1", "", "//v1.0", "/v1.0/.", "/%761.0", "/beta/.."]);

    private static string RandomPath(Random rng)
    {
        var shape = rng.Next(10);
        if (shape == 0)
        {
            return Pick(rng, ["/", "/healthz", "/healthz/details", "/healthz/x", "/ingest", "/ingest/stix", "/reputation/overrides/contoso.example",
                "/favicon.ico", "/v1.0/$metadata", "/beta/$metadata?$format=json", "/v1.0/$metadata#hosts", "/$metadata", "/v1.0/$batch", "*",
                "http://127.0.0.1/v1.0/security/threatIntelligence/hosts/contoso.example", "http://evil.example/v1.0/security/threatIntelligence/articles",
                "/v1.0/security", "/v1.0/security/threatIntelligence", "/v1.0/security/threatIntelligence/", "/v1.0/me", "/.well-known/openid-configuration"]);
        }
        var path = new StringBuilder(Version(rng));
        if (shape < 8)
        {
            path.Append(Pick(rng, [Root, Root, Root, "/security", "/Security/ThreatIntelligence", "/security//threatIntelligence", "/security/./threatIntelligence", "/security/threatIntelligence/..", ""]));
        }
        for (var n = rng.Next(1, 8); n > 0; n--)
        {
            path.Append(Pick(rng, ["/", "/", "/", "//", "/./", "/../", "/%2e%2e/", "\\", "/;/"]));
            path.Append(rng.Next(4) switch
            {
                0 => EscapeKey(rng, Pick(rng, Keys)),
                1 => LongSegment(rng),
                _ => Pick(rng, Segments),
            });
        }
        if (rng.Next(4) == 0)
        {
            path.Append(Pick(rng, ["/", "?", "?$", "/$count", "/$value", "/$ref", "?$select=id", ";x=1", "%", "#frag"]));
        }
        return path.ToString();
    }

    /// <summary>Below, near and past the 8,192-character URL bound (Kestrel's own line limit is 1 KiB higher).</summary>
    private static string LongSegment(Random rng) => new(Pick(rng, ['a', 'x', '.', '9']), Pick(rng, [64, 300, 2000, 4000, 8100, 8150, 8300, 9000]));

    /// <summary>A route of the API with each key replaced, half the time by a hostile one.</summary>
    private static string KeyedRoute(Random rng)
    {
        var pattern = Pick(rng, _routes);
        var path = new StringBuilder(Version(rng, valid: rng.Next(4) > 0)).Append(Root);
        foreach (var part in pattern.Split('/'))
        {
            if (part != "{key}")
            {
                path.Append('/').Append(part);
                continue;
            }
            var key = Pick(rng, Keys);
            if (rng.Next(4) == 0)
            {
                var escape = Pick(rng, Escapes);
                key = rng.Next(3) switch { 0 => escape + key, 1 => key + escape, _ => escape };
                path.Append(rng.Next(2) == 0 ? "/" + key : $"('{key}')");
                continue;
            }
            path.Append(rng.Next(6) switch
            {
                0 => $"('{key.Replace("'", "''", StringComparison.Ordinal)}')",
                1 => $"({Uri.EscapeDataString(key)})",
                2 => $"('{Uri.EscapeDataString(key)}')",
                _ => "/" + EscapeKey(rng, key),
            });
        }
        if (rng.Next(5) == 0)
        {
            path.Append(Pick(rng, ["/$count", "/$value", "/$ref", "/", "/extra", "/indicators", "/$count/$count"]));
        }
        return rng.Next(3) == 0 ? WithOptions(rng, path.ToString()) : path.ToString();
    }

    private static string EscapeKey(Random rng, string key) => rng.Next(4) switch
    {
        0 => Uri.EscapeDataString(key),
        1 => Uri.EscapeDataString(Uri.EscapeDataString(key)),
        2 => key.Replace("%", "%25", StringComparison.Ordinal),
        _ => key,
    };

    /// <summary>Adds query options to <paramref name="path"/> (relative paths get the version and root first).</summary>
    private static string WithOptions(Random rng, string path)
    {
        var target = path.StartsWith('/') ? path : Version(rng, valid: rng.Next(5) > 0) + Root + "/" + path;
        var options = new List<string>();
        for (var n = rng.Next(1, 5); n > 0; n--)
        {
            var name = rng.Next(4) == 0 ? Pick(rng, OptionNames) : Pick(rng, ["$filter", "$select", "$expand", "$orderby", "$top", "$skip", "$count", "$search", "$skiptoken", "$format"]);
            var value = ApiFuzzOptions.Value(rng, name);
            options.Add(rng.Next(30) == 0 ? name : name + "=" + ApiFuzzOptions.Encode(rng, value));
        }
        if (rng.Next(8) == 0)
        {
            options.Add(options[rng.Next(options.Count)]);
        }
        var separator = rng.Next(20) == 0 ? Pick(rng, ["&&", ";", "&amp;", "&=&"]) : "&";
        var query = string.Join(separator, options);
        return target + (target.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
    }

    private static ApiFuzzCase HeaderCase(Random rng, int index, string token)
    {
        var headers = new List<KeyValuePair<string, string>>();
        var authorization = rng.Next(12) switch
        {
            0 => null,
            1 => "Bearer",
            2 => "Bearer ",
            3 => "Bearer abc",
            4 => "Basic dXNlcjpwYXNz",
            5 => "Bearer a.b.c",
            6 => "Bearer " + token[..^4] + "AAAA",
            7 => "Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJ4Iiwicm9sZXMiOlsiVGhyZWF0SW50ZWxsaWdlbmNlLlJlYWQuQWxsIl19.",
            8 => "bearer " + token,
            9 => "Bearer " + new string('A', 6000),
            _ => "Bearer " + token,
        };
        if (authorization is not null)
        {
            headers.Add(new("Authorization", authorization));
        }
        for (var n = rng.Next(1, 4); n > 0; n--)
        {
            headers.Add(rng.Next(9) switch
            {
                0 or 1 => new("Accept", Pick(rng, Accepts)),
                2 => new("ConsistencyLevel", Pick(rng, ["eventual", "EVENTUAL", "strong", "", "x"])),
                3 => new("Prefer", Pick(rng, ["odata.maxpagesize=1", "odata.maxpagesize=-1", "odata.maxpagesize=abc", "return=minimal", "odata.include-annotations=\"*\"", "respond-async", ""])),
                4 => new("client-request-id", Pick(rng, ["not-a-guid", "", new string('c', 3000), "00000000-0000-0000-0000-000000000000", "\"quoted\""])),
                5 => new("Authorization", "Bearer " + token),
                6 => new("Accept-Charset", Pick(rng, ["utf-16", "iso-8859-1", "x-unknown", "*;q=0"])),
                7 => new("Content-Type", Pick(rng, ["application/json", "text/xml; charset=ebcdic", "multipart/form-data", "x/y"])),
                _ => new(Pick(rng, ["If-None-Match", "Range", "Accept-Encoding", "X-HTTP-Method-Override", "Expect", "Origin"]), Pick(rng, ["*", "bytes=0-1", "gzip, br", "DELETE", "100-continue", "null", "\"etag\""])),
            });
        }
        var target = Version(rng, valid: true) + Root + "/" + Pick(rng, ValidPaths);
        return new(index, "header", "GET", WireSafe(target), headers);
    }

    private static ApiFuzzCase MethodCase(Random rng, int index, KeyValuePair<string, string> auth)
    {
        var method = Pick(rng, ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "PROPFIND", "MERGE", "FOO", "HEAD", "get", "CONNECT"]);
        var target = rng.Next(5) == 0
            ? Pick(rng, ["/healthz", "/healthz/details", "/ingest", "/ingest/stix", "/ingest/nope", "/reputation/overrides/contoso.example", "/v1.0/$metadata", "/", "/v1.0/$batch"])
            : Version(rng, valid: true) + Root + "/" + Pick(rng, ValidPaths);
        if (method == "CONNECT")
        {
            target = "127.0.0.1:443";
        }
        var headers = new List<KeyValuePair<string, string>> { auth };
        var body = rng.Next(4) switch
        {
            0 => null,
            1 => "{}",
            2 => "{\"id\":\"x\",\"@odata.type\":\"#microsoft.graph.security.hostname\"}",
            _ => "\u0000garbage{[",
        };
        if (body is not null && rng.Next(3) == 0)
        {
            headers.Add(new("Content-Type", Pick(rng, ["application/json", "text/plain", "application/octet-stream"])));
        }
        return new(index, "method", method, WireSafe(target), headers, body);
    }

    private static ApiFuzzCase WireCase(Random rng, int index, KeyValuePair<string, string> auth)
    {
        var target = "/v1.0" + Root + "/" + Pick(rng, ValidPaths).Replace(" ", "%20", StringComparison.Ordinal);
        var headers = new List<KeyValuePair<string, string>> { auth };
        switch (rng.Next(7))
        {
            case 0:
                target += "?$filter=recordType eq 'A'";
                break;
            case 1:
                target = target.Insert(target.Length / 2, Pick(rng, ["\u0001", "\u007f", "\u00e9", "\u00ff", "\t"]));
                break;
            case 2:
                target += "/" + new string('a', 12_000);
                break;
            case 3:
                headers.Add(new("X-Big", new string('b', 40_000)));
                break;
            case 4:
                headers.Add(new("Host", Pick(rng, ["a b", "", "[::1", "127.0.0.1:99999", "évil"])));
                break;
            case 5:
                headers.Add(new("Content-Length", Pick(rng, ["-1", "abc", "1, 2"])));
                break;
            default:
                headers.Add(new("Transfer-Encoding", Pick(rng, ["gzip", "chunked, identity", "x"])));
                return new(index, "wire", "POST", target, headers, "5\r\nhello\r\n0\r\n\r\n", Wire: true);
        }
        return new(index, "wire", "GET", target, headers, Wire: true);
    }

    /// <summary>
    /// Escapes what cannot stand on an HTTP request line (spaces, control characters, non-ASCII as UTF-8, '#'), so
    /// the request reaches the application; everything else, including broken escapes, goes out as generated.
    /// </summary>
    public static string WireSafe(string target)
    {
        var text = new StringBuilder(target.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in target.EnumerateRunes())
        {
            if (rune.Value is > 0x20 and < 0x7F && rune.Value != '#')
            {
                text.Append((char)rune.Value);
                continue;
            }
            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return text.ToString();
    }

    public static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];
}
