using Sightline.Parsers.Common;
using Sightline.Parsers.Dns;

namespace Sightline.Parsers.Blocklists;

public enum TrailKind
{
    IpAddress = 0,
    Domain = 1,
    /// <summary>A path on a host: the host serves something the trail names, it may not be the actor's own.</summary>
    Url = 2,
}

/// <summary>
/// One trail of a maltrail static file: the value as written, the host it names (null when the line names no
/// valid host, such as a typo'd or non-ASCII value the trail keeps verbatim), and the report it was cited from.
/// </summary>
public sealed record TrailEntry(string Value, string? Host, TrailKind Kind, string? Reference);

/// <summary>
/// Reads stamparm/maltrail static trail files (<c>trails/static/malware/apt_*.txt</c>): <c>#</c> comments, among
/// them <c># Reference: URL</c> lines that apply to the trails below them, and one trail per line: a domain, an IP
/// address, <c>host:port</c>, <c>host/path</c> or a URL, with an optional trailing <c>  # remark</c>.
/// </summary>
internal static class MaltrailReader
{
    private const string ReferencePrefix = "Reference:";

    public static bool LooksLikeMaltrail(string head) => head.Contains("Maltrail", StringComparison.OrdinalIgnoreCase)
        && head.Split('\n').Any(l => l.TrimStart().StartsWith('#'));

    public static IEnumerable<Parsed<TrailEntry>> Read(TextReader reader)
    {
        string? reference = null;
        foreach (var (lineNumber, text) in ListLines.Read(reader))
        {
            if (text[0] == '#')
            {
                var comment = text.TrimStart('#').Trim();
                if (comment.StartsWith(ReferencePrefix, StringComparison.OrdinalIgnoreCase))
                {
                    reference = comment[ReferencePrefix.Length..].Trim() is { Length: > 0 } url ? url : null;
                }
                continue;
            }
            yield return Parsed<TrailEntry>.Ok(lineNumber, Entry(WithoutRemark(text), reference));
        }
    }

    /// <summary>The trail's host and kind: the part before any path, and before a port for names and IPv4 addresses.</summary>
    public static TrailEntry Entry(string value, string? reference)
    {
        var rest = value;
        var scheme = rest.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            rest = rest[(scheme + 3)..];
        }
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var hasPath = slash >= 0 && slash < rest.Length - 1;
        var hostPart = slash >= 0 ? rest[..slash] : rest;
        // host:port (one or more ports); an IPv6 address has no dot before its first colon.
        var colon = hostPart.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && hostPart[..colon].Contains('.', StringComparison.Ordinal))
        {
            hostPart = hostPart[..colon];
        }
        if (HostNames.Normalize(hostPart, out var isIp) is not { } host)
        {
            return new TrailEntry(value, null, TrailKind.Domain, reference);
        }
        return new TrailEntry(value, host, hasPath ? TrailKind.Url : isIp ? TrailKind.IpAddress : TrailKind.Domain, reference);
    }

    private static string WithoutRemark(string text)
    {
        var hash = text.IndexOf(" #", StringComparison.Ordinal);
        var tab = text.IndexOf("\t#", StringComparison.Ordinal);
        var at = hash < 0 ? tab : tab < 0 ? hash : Math.Min(hash, tab);
        return at < 0 ? text : text[..at].TrimEnd();
    }
}
