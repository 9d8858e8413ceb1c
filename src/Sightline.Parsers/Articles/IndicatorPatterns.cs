using System.Text.RegularExpressions;

namespace Sightline.Parsers.Articles;

/// <summary>
/// Candidate patterns for indicators in refanged text. They are deliberately loose about what a host is; the
/// extractor validates every candidate (host syntax, the Public Suffix List, IP parsing) before yielding it.
/// Lookarounds stop a match from starting or ending inside a longer token (a version, a file name, a path).
/// </summary>
internal static partial class IndicatorPatterns
{
    // Label and top-level label, Unicode letters allowed (IDN); the TLD starts with a letter, so IPs never match.
    private const string Label = @"[\p{L}\p{M}\p{N}_](?:[\p{L}\p{M}\p{N}_-]{0,61}[\p{L}\p{M}\p{N}_])?";
    private const string TopLabel = @"\p{L}(?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?";
    private const string HostEnd = @"(?![\p{L}\p{M}\p{N}_@-]|\.[\p{L}\p{M}\p{N}_-])";

    // A URL ends at white space, quotes, Markdown delimiters, and at a comma: a comma inside a URL is rare, one
    // after it (prose, CSV) is common.
    [GeneratedRegex(@"(?<![\p{L}\p{N}_])(?<scheme>https?|ftps?|sftp|wss?)://[^\s<>""'`|\\^{},]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Url();

    [GeneratedRegex(@"(?<![\p{L}\p{N}_.%+-])(?<local>[A-Za-z0-9][A-Za-z0-9._%+-]{0,63})@(?<host>(?:" + Label + @"\.)+" + TopLabel + ")" + HostEnd, RegexOptions.CultureInvariant)]
    public static partial Regex Email();

    [GeneratedRegex(@"(?<![\p{L}\p{M}\p{N}_.@-])(?:" + Label + @"\.)+" + TopLabel + HostEnd, RegexOptions.CultureInvariant)]
    public static partial Regex Domain();

    [GeneratedRegex(@"(?<![\p{L}\p{N}_.])(?:(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])\.){3}(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])(?![\p{L}\p{N}_]|\.[0-9])", RegexOptions.CultureInvariant)]
    public static partial Regex IPv4();

    [GeneratedRegex(@"(?<![\p{L}\p{N}_:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:[0-9]{1,3}\.){3}[0-9]{1,3}|[0-9A-Fa-f]{1,4})?(?![\p{L}\p{N}_:]|\.[\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    public static partial Regex IPv6();

    [GeneratedRegex(@"(?<![\p{L}\p{N}_])(?:[0-9A-Fa-f]{64}|[0-9A-Fa-f]{40}|[0-9A-Fa-f]{32})(?![\p{L}\p{N}_])", RegexOptions.CultureInvariant)]
    public static partial Regex Hash();

    // Microsoft's pages write CVE ids with non-breaking hyphens (U+2011); any dash is accepted and written as '-'.
    [GeneratedRegex(@"(?<![\p{L}\p{N}_])CVE[-\u2010-\u2013](?<year>(?:19|20)[0-9]{2})[-\u2010-\u2013](?<number>[0-9]{4,7})(?![0-9])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Cve();

    // "version 1.2.3.4" and "build 10.0.19041.1" are not addresses.
    [GeneratedRegex(@"(?:version|ver\.|build|v)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex VersionPrefix();
}
