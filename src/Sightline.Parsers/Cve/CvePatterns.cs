using System.Text.RegularExpressions;

namespace Sightline.Parsers.Cve;

internal static partial class CvePatterns
{
    [GeneratedRegex(@"^CVE-\d{4}-\d{4,}$", RegexOptions.CultureInvariant)]
    public static partial Regex CveId();

    [GeneratedRegex(@"\bCWE-\d+\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    public static partial Regex CweId();

    [GeneratedRegex(@"https?://[^\s;,]+", RegexOptions.CultureInvariant)]
    public static partial Regex Url();
}
