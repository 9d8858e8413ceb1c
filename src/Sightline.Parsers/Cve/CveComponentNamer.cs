using System.Text;

namespace Sightline.Parsers.Cve;

/// <summary>
/// Names the affected components of a CVE for the Graph <c>vulnerabilityComponent.name</c>.
/// Rule: <c>"{vendor} {product} {version}"</c>, one name per affected version entry, where
/// <list type="bullet">
/// <item>placeholders (<c>n/a</c>, <c>*</c>, <c>-</c>, <c>unspecified</c>, <c>unknown</c>, empty) are left out; an entry
/// whose vendor and product are both placeholders names nothing;</item>
/// <item>the vendor is left out when the product already starts with it (<c>Microsoft</c> + <c>Microsoft Exchange
/// Server</c> → <c>Microsoft Exchange Server</c>);</item>
/// <item>a range is written <c>{version} to &lt;{lessThan}</c> or <c>{version} to &lt;={lessThanOrEqual}</c>; a start of
/// <c>0</c> or a placeholder, or equal to <c>lessThan</c>, gives just <c>&lt;{lessThan}</c>; a bound of <c>*</c> or a URL
/// gives <c>&gt;={version}</c>; a version that repeats the product name loses that prefix;</item>
/// <item>versions with a status other than <c>affected</c> are skipped; an entry with no affected version (or no
/// versions) gives <c>"{vendor} {product}"</c> when its <c>defaultStatus</c> is not <c>unaffected</c>;</item>
/// <item>whitespace is collapsed and duplicates (ignoring case) dropped, keeping the first.</item>
/// </list>
/// </summary>
internal static class CveComponentNamer
{
    public static IReadOnlyList<string> Names(IEnumerable<CveAffected> affected)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>();
        foreach (var entry in affected)
        {
            foreach (var name in NamesOf(entry))
            {
                if (seen.Add(name))
                {
                    names.Add(name);
                }
            }
        }
        return names;
    }

    private static IEnumerable<string> NamesOf(CveAffected entry)
    {
        var vendor = Clean(entry.Vendor);
        var product = Clean(entry.Product);
        if (vendor is null && product is null)
        {
            yield break;
        }
        var subject = vendor is not null && product is not null && product.StartsWith(vendor, StringComparison.OrdinalIgnoreCase)
            ? product
            : Join(vendor, product);
        var any = false;
        foreach (var version in entry.Versions)
        {
            if (!string.Equals(version.Status ?? "affected", "affected", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            any = true;
            yield return Join(subject, VersionText(version, product));
        }
        if (!any && !string.Equals(entry.DefaultStatus, "unaffected", StringComparison.OrdinalIgnoreCase))
        {
            yield return subject;
        }
    }

    public static string? VersionText(CveVersion version, string? product)
    {
        var start = Clean(version.Version);
        // Some old records repeat the product in the version ("Apache Airflow <1.10.11").
        if (start is not null && product is not null && start.Length > product.Length
            && start.StartsWith(product + " ", StringComparison.OrdinalIgnoreCase))
        {
            start = start[(product.Length + 1)..];
        }
        var lessThan = Clean(version.LessThan);
        var lessOrEqual = Clean(version.LessThanOrEqual);
        // A range [x, x) is empty, so a CNA writing version = lessThan (Chrome's do) means "before x".
        if (start == "0" || (start is not null && string.Equals(start, lessThan, StringComparison.OrdinalIgnoreCase)))
        {
            start = null;
        }
        // "*" or a URL ("see https://aka.ms/OfficeSecurityReleases") as the bound: no known upper end.
        if (IsOpenBound(version.LessThan) || IsOpenBound(version.LessThanOrEqual))
        {
            return start is null ? null : ">=" + start;
        }
        var end = lessThan is not null ? "<" + lessThan : lessOrEqual is not null ? "<=" + lessOrEqual : null;
        return (start, end) switch
        {
            (null, null) => null,
            (_, null) => start,
            (null, _) => end,
            _ => $"{start} to {end}",
        };
    }

    private static bool IsOpenBound(string? bound) =>
        bound?.Trim() is { } b && (b == "*" || b.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || b.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    private static string? Clean(string? value)
    {
        if (value is null)
        {
            return null;
        }
        var collapsed = Collapse(value);
        return collapsed.Length == 0 || collapsed is "*" or "-" || collapsed.Equals("n/a", StringComparison.OrdinalIgnoreCase)
            || collapsed.Equals("unspecified", StringComparison.OrdinalIgnoreCase) || collapsed.Equals("unknown", StringComparison.OrdinalIgnoreCase)
            ? null
            : collapsed;
    }

    private static string Join(string? first, string? second) =>
        first is null ? second ?? "" : second is null ? first : first + " " + second;

    private static string Collapse(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var c in value.Trim())
        {
            if (!char.IsWhiteSpace(c))
            {
                text.Append(c);
            }
            else if (text.Length > 0 && text[^1] != ' ')
            {
                text.Append(' ');
            }
        }
        return text.ToString();
    }
}
