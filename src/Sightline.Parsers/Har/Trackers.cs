using System.Text.RegularExpressions;

namespace Sightline.Parsers.Har;

/// <summary>
/// Tracker ids found in page HTML and in request URLs. Each kind is the hostTracker <c>kind</c>; the value is
/// the id as the vendor writes it. Patterns are case-sensitive and anchored on the syntax that carries the id
/// (a quote, <c>=</c>, a URL path), because bare ids like <c>G-XXXX</c> also occur in ordinary text.
/// <code>
/// kind                     value example              found in
/// GoogleAnalyticsID        UA-12345678-1              analytics.js / ga.js snippets, collect?tid=
/// GoogleAnalytics4ID       G-7X4QW2E9KD               gtag('config','G-…'), gtag/js?id=, g/collect?tid=
///                                                     (quoted or after '='; at least one digit)
/// GoogleTagManagerId       GTM-K9T3ZQ8                GTM snippet, gtm.js?id=, ns.html?id=
/// GoogleAdSenseId          ca-pub-1234567890123456    data-ad-client, adsbygoogle.js?client=
/// FacebookPixelId          123456789012345            fbq('init', '…'), facebook.com/tr?id=
/// YandexMetricaId          12345678                   ym(…, "init"), mc.yandex.ru/watch/…, Ya.Metrika({id:…})
/// HotjarId                 1234567                    hjid:…, static.hotjar.com/c/hotjar-….js
/// NewRelicId               NRJS-1a2b3c4d5e6f7a8b9c0   licenseKey:"…" (browser agent), bam.nr-data.net/1/…
/// MicrosoftClarityId       abcd1234ef                 clarity.ms/tag/…, (window, document, "clarity", "script", "…")
/// BaiduAnalyticsId         32 hex digits              hm.baidu.com/hm.js?…
/// </code>
/// </summary>
internal static partial class Trackers
{
    private static readonly (string Kind, Func<Regex> Pattern)[] Table =
    [
        ("GoogleAnalyticsID", UniversalAnalytics),
        ("GoogleAnalytics4ID", Ga4),
        ("GoogleTagManagerId", TagManager),
        ("GoogleAdSenseId", AdSense),
        ("FacebookPixelId", FacebookPixel),
        ("YandexMetricaId", YandexMetrica),
        ("HotjarId", Hotjar),
        ("NewRelicId", NewRelic),
        ("MicrosoftClarityId", Clarity),
        ("BaiduAnalyticsId", Baidu),
    ];

    /// <summary>Each distinct (kind, value) in <paramref name="text"/>, in table order.</summary>
    public static IEnumerable<(string Kind, string Value)> Find(string text)
    {
        var seen = new HashSet<(string, string)>();
        foreach (var (kind, pattern) in Table)
        {
            MatchCollection matches;
            try
            {
                matches = pattern().Matches(text);
                _ = matches.Count;
            }
            catch (RegexMatchTimeoutException)
            {
                continue;
            }
            foreach (Match m in matches)
            {
                var value = m.Groups["id"].Value;
                if (seen.Add((kind, value)))
                {
                    yield return (kind, value);
                }
            }
        }
    }

    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    [GeneratedRegex(@"(?<![\w-])(?<id>UA-\d{4,10}-\d{1,4})(?![\w-])", Options, 1000)]
    private static partial Regex UniversalAnalytics();

    [GeneratedRegex(@"(?<=['""=])(?<id>G-(?=[A-Z]*\d)[A-Z0-9]{6,12})(?![\w-])", Options, 1000)]
    private static partial Regex Ga4();

    [GeneratedRegex(@"(?<![\w-])(?<id>GTM-[A-Z0-9]{4,10})(?![\w-])", Options, 1000)]
    private static partial Regex TagManager();

    [GeneratedRegex(@"(?<![\w-])(?<id>ca-pub-\d{10,20})(?![\w-])", Options, 1000)]
    private static partial Regex AdSense();

    [GeneratedRegex(@"fbq\(\s*['""]init['""]\s*,\s*['""]?(?<id>\d{10,20})|facebook\.com/tr/?\?(?:[^""'\s<>]*?&(?:amp;)?)?id=(?<id>\d{10,20})", Options, 1000)]
    private static partial Regex FacebookPixel();

    [GeneratedRegex(@"\bym\(\s*(?<id>\d{5,12})\s*,\s*['""]init['""]|mc\.yandex\.ru/watch/(?<id>\d{5,12})|Ya\.Metrika2?\(\s*\{\s*id\s*:\s*(?<id>\d{5,12})", Options, 1000)]
    private static partial Regex YandexMetrica();

    [GeneratedRegex(@"\bhjid\s*[:=]\s*(?<id>\d{5,10})\b|static\.hotjar\.com/c/hotjar-(?<id>\d{5,10})\.js", Options, 1000)]
    private static partial Regex Hotjar();

    [GeneratedRegex(@"\blicenseKey\s*[:=]\s*['""](?<id>NRJS-[0-9a-f]{10,40}|[0-9a-f]{10,40})['""]|bam(?:-cell)?\.nr-data\.net/1/(?<id>NRJS-[0-9a-f]{10,40}|[0-9a-f]{10,40})", Options, 1000)]
    private static partial Regex NewRelic();

    [GeneratedRegex(@"clarity\.ms/tag/(?<id>[a-z0-9]{8,12})\b|\(\s*window\s*,\s*document\s*,\s*['""]clarity['""]\s*,\s*['""]script['""]\s*,\s*['""](?<id>[a-z0-9]{8,12})['""]", Options, 1000)]
    private static partial Regex Clarity();

    [GeneratedRegex(@"hm\.baidu\.com/hm\.js\?(?<id>[0-9a-f]{32})\b", Options, 1000)]
    private static partial Regex Baidu();
}
