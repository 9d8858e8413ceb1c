using System.Net;
using System.Text.RegularExpressions;

namespace Sightline.Parsers.Har;

/// <summary>
/// The meta tags and script sources of an HTML page, found with tolerant regexes (not a DOM: the HAR holds
/// the served HTML, which is what a crawler saw before scripts ran).
/// </summary>
internal static partial class HtmlSignals
{
    /// <summary>Each <c>&lt;meta name|property="k" content="v"&gt;</c> as (lower-case k, v), attributes in any order.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Meta(string html)
    {
        foreach (Match tag in MetaTag().Matches(html))
        {
            string? key = null;
            string? content = null;
            foreach (Match attribute in Attribute().Matches(tag.Value))
            {
                var name = attribute.Groups["name"].Value.ToLowerInvariant();
                var value = WebUtility.HtmlDecode(attribute.Groups["value"].Value);
                if (name is "name" or "property")
                {
                    key ??= value.Trim().ToLowerInvariant();
                }
                else if (name == "content")
                {
                    content = value;
                }
            }
            if (key is { Length: > 0 } && content is not null)
            {
                yield return new(key, content);
            }
        }
    }

    /// <summary>The absolute URL of each <c>&lt;script src&gt;</c>, resolved against the page as a browser does.</summary>
    public static IEnumerable<string> ScriptSources(string html, Uri page)
    {
        foreach (Match tag in ScriptTag().Matches(html))
        {
            var src = WebUtility.HtmlDecode(tag.Groups["src"].Value).Trim();
            if (src.Length > 0 && !src.StartsWith("data:", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(page, src, out var absolute))
            {
                yield return absolute.AbsoluteUri;
            }
        }
    }

    [GeneratedRegex(@"<meta\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex MetaTag();

    [GeneratedRegex(@"(?<name>[a-zA-Z:_-]+)\s*=\s*(?:""(?<value>[^""]*)""|'(?<value>[^']*)'|(?<value>[^\s""'>]+))", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Attribute();

    [GeneratedRegex(@"<script\b[^>]*?\ssrc\s*=\s*(?:""(?<src>[^""]*)""|'(?<src>[^']*)'|(?<src>[^\s""'>]+))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex ScriptTag();
}
