using System.Globalization;
using System.Text.RegularExpressions;

namespace Sightline.Parsers.Whois;

/// <summary>
/// Parses the many date spellings WHOIS servers use ("2019-01-12T05:00:00Z", "12-Jan-2019", "2019.01.12",
/// "20190112", "2012. 05. 19.", "31 May 1999", "2019/06/01 04:52:02 (JST)") into UTC. A value without a zone is UTC.
/// </summary>
internal static partial class WhoisDates
{
    private static readonly string[] _formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
        "yyyy.MM.dd HH:mm:ss", "yyyy.MM.dd", "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd HH:mm", "yyyy/MM/dd",
        "yyyyMMdd HH:mm:ss", "yyyyMMdd",
        "d-MMM-yyyy", "d-MMM-yyyy HH:mm:ss", "d MMM yyyy", "d MMMM yyyy", "d MMM yyyy HH:mm:ss", "d MMMM yyyy HH:mm:ss",
        "MMMM d yyyy", "MMM d yyyy", "ddd MMM d HH:mm:ss yyyy", "ddd MMM d yyyy", "MMM d HH:mm:ss yyyy",
        "d.M.yyyy HH:mm:ss", "d.M.yyyy H:mm:ss", "d.M.yyyy",
        "MM/dd/yyyy", "MM/dd/yyyy HH:mm:ss", "dd/MM/yyyy", "dd/MM/yyyy HH:mm:ss",
        "dd-MM-yyyy", "dd-MM-yyyy HH:mm:ss", "yyyy-MMM-dd", "dd-MMM-yy",
    ];

    private static readonly Dictionary<string, TimeSpan> _zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UTC"] = TimeSpan.Zero, ["GMT"] = TimeSpan.Zero, ["Z"] = TimeSpan.Zero, ["JST"] = TimeSpan.FromHours(9),
        ["KST"] = TimeSpan.FromHours(9), ["CET"] = TimeSpan.FromHours(1), ["CEST"] = TimeSpan.FromHours(2),
        ["EET"] = TimeSpan.FromHours(2), ["EEST"] = TimeSpan.FromHours(3), ["MSK"] = TimeSpan.FromHours(3),
        ["CST"] = TimeSpan.FromHours(8), ["HKT"] = TimeSpan.FromHours(8), ["EST"] = TimeSpan.FromHours(-5),
        ["EDT"] = TimeSpan.FromHours(-4), ["PST"] = TimeSpan.FromHours(-8), ["PDT"] = TimeSpan.FromHours(-7),
        ["CLT"] = TimeSpan.FromHours(-4), ["CLST"] = TimeSpan.FromHours(-3), ["BST"] = TimeSpan.FromHours(1),
    };

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var value = Clean(text, out var offset);
        foreach (var candidate in new[] { value, value.Replace(',', ' ') })
        {
            var squeezed = SpacesRegex().Replace(candidate, " ").Trim();
            if (DateTime.TryParseExact(squeezed, _formats, CultureInfo.InvariantCulture,
                    DateTimeStyles.AllowWhiteSpaces, out var local) && local.Year is > 1900 and < 2200)
            {
                var stamp = new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset ?? TimeSpan.Zero);
                return stamp.ToUniversalTime();
            }
        }
        return null;
    }

    /// <summary>Strips what the formats cannot express and pulls out the zone, if any.</summary>
    private static string Clean(string text, out TimeSpan? offset)
    {
        offset = null;
        var value = text.Trim();
        var hash = value.IndexOf(" #", StringComparison.Ordinal);
        if (hash > 0)
        {
            value = value[..hash];
        }
        // "(UTC+8)", "(GMT+0:00)", "(JST)", "(YYYY-MM-DD)": a zone or a format hint in brackets.
        var bracket = BracketRegex().Match(value);
        if (bracket.Success)
        {
            offset = ZoneOf(bracket.Groups[1].Value);
            value = value[..bracket.Index].Trim();
        }
        value = KoreanDotsRegex().Replace(value, "$1.$2.$3");
        value = value.Replace("-T", "T", StringComparison.Ordinal);
        value = FractionRegex().Replace(value, "$1");
        var zone = TrailingZoneRegex().Match(value);
        if (zone.Success)
        {
            offset = ZoneOf(zone.Groups[1].Value) ?? offset;
            value = value[..zone.Index].Trim();
        }
        var name = TrailingNameRegex().Match(value);
        if (name.Success && _zones.TryGetValue(name.Groups[1].Value, out var named))
        {
            offset = named;
            value = value[..name.Index].Trim();
        }
        return value.TrimEnd('.');
    }

    private static TimeSpan? ZoneOf(string zone)
    {
        var z = zone.Trim();
        if (_zones.TryGetValue(z, out var named))
        {
            return named;
        }
        var m = OffsetRegex().Match(z);
        if (!m.Success)
        {
            return null;
        }
        var hours = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        var minutes = m.Groups[3].Success ? int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture) : 0;
        var span = new TimeSpan(hours, minutes, 0);
        return m.Groups[1].Value == "-" ? -span : span;
    }

    [GeneratedRegex(@"\s*\(([^)]*)\)\s*$")]
    private static partial Regex BracketRegex();

    [GeneratedRegex(@"^(\d{4})\.\s*(\d{1,2})\.\s*(\d{1,2})\.?")]
    private static partial Regex KoreanDotsRegex();

    [GeneratedRegex(@"(:\d{2})\.\d+")]
    private static partial Regex FractionRegex();

    // "Z", "+01:00", "+0100", "+03", " +02:00" after a time.
    [GeneratedRegex(@"(?<=:\d\d)\s*(Z|[+-]\d{2}(?::?\d{2})?)$")]
    private static partial Regex TrailingZoneRegex();

    [GeneratedRegex(@"\s([A-Za-z]{1,5})$")]
    private static partial Regex TrailingNameRegex();

    [GeneratedRegex(@"^(?:UTC|GMT)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$", RegexOptions.IgnoreCase)]
    private static partial Regex OffsetRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex SpacesRegex();
}
