using System.Globalization;
using Sightline.Parsers.Common;
using Sightline.Parsers.Dns;

namespace Sightline.Parsers.Blocklists;

/// <summary>One address of the ipsum feed: how many blocklists name it, and the feed's own date.</summary>
public sealed record IpsumEntry(string Address, int Lists, DateTimeOffset? ListDate);

/// <summary>
/// Reads stamparm/ipsum's <c>ipsum.txt</c>: <c>#</c> comment lines (one of them <c># Last update: RFC 1123 date</c>),
/// then one <c>address TAB number-of-lists</c> per line. The date applies to every entry after it.
/// </summary>
internal static class IpsumReader
{
    private const string LastUpdate = "Last update:";

    public static bool LooksLikeIpsum(string head)
    {
        if (head.Contains("IPsum", StringComparison.Ordinal))
        {
            return true;
        }
        var first = head.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        return first is not null && Parse(first) is { Error: null };
    }

    public static IEnumerable<Parsed<IpsumEntry>> Read(TextReader reader)
    {
        DateTimeOffset? date = null;
        foreach (var (lineNumber, text) in ListLines.Read(reader))
        {
            if (text[0] == '#')
            {
                date = DateOf(text) ?? date;
                continue;
            }
            var (address, lists, error) = Parse(text);
            yield return error is null
                ? Parsed<IpsumEntry>.Ok(lineNumber, new IpsumEntry(address!, lists, date))
                : Parsed<IpsumEntry>.Fail(lineNumber, error);
        }
    }

    private static (string? Address, int Lists, string? Error) Parse(string text)
    {
        var parts = text.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2)
        {
            return (null, 0, "expected an IP address and a number of lists separated by a tab");
        }
        if (HostNames.Normalize(parts[0], out var isIp) is not { } address || !isIp)
        {
            return (null, 0, $"'{parts[0]}' is not an IP address");
        }
        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var lists) || lists < 1)
        {
            return (null, 0, $"'{parts[1]}' is not a positive number of lists");
        }
        return (address, lists, null);
    }

    private static DateTimeOffset? DateOf(string comment)
    {
        var at = comment.IndexOf(LastUpdate, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }
        var text = comment[(at + LastUpdate.Length)..].Trim();
        return DateTimeOffset.TryParseExact(text, "ddd, dd MMM yyyy HH:mm:ss zzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date)
            ? date.ToUniversalTime()
            : null;
    }
}
