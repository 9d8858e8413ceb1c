using System.Text.RegularExpressions;
using Sightline.Parsers.Har.Technologies;

namespace Sightline.Parsers.Har;

/// <summary>
/// Derives the observations of a crawl, entry by entry. It remembers each page's document host (the first
/// non-redirect HTML entry of a <c>pageref</c>, i.e. where the page's redirects landed), open redirect chains,
/// and what it already reported for a page, so that a page loading twenty scripts from one CDN yields one
/// script pair, not twenty.
/// </summary>
internal sealed partial class HarCrawlAnalyzer(TechnologyCatalog catalog)
{
    private readonly TechnologyMatcher _matcher = new(catalog);
    private readonly Dictionary<string, string> _pageHosts = new(StringComparer.Ordinal);
    private readonly RedirectTracker _redirects = new();
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    public List<HarObservation> Analyze(HarEntry entry, long position)
    {
        var output = new List<HarObservation>();
        var scope = entry.PageRef ?? "";
        void Emit(string key, HarObservation observation)
        {
            if (_reported.Add(scope + "\u0001" + key))
            {
                output.Add(observation);
            }
        }
        var host = entry.Host;
        var seen = entry.Started;
        var target = RedirectTarget(entry);
        if (target is not null && HostName.FromUri(target) is { } targetHost && targetHost != host)
        {
            Emit($"p|{host}|{targetHost}|redirect", new HarHostPairObservation(host, targetHost, "redirect", seen));
        }
        if (_redirects.Observe(entry, target, position) is { } final)
        {
            Emit($"p|{final.ParentHost}|{final.ChildHost}|finalRedirect", final);
        }
        var (pageHost, isDocument) = PageOf(entry, target is not null);
        var kind = ResourceKinds.Classify(entry);
        if (pageHost is not null && !isDocument && pageHost != host)
        {
            Emit($"p|{pageHost}|{host}|{kind}", new HarHostPairObservation(pageHost, host, kind, seen));
        }
        var cookies = SetCookies.From(entry, host);
        foreach (var cookie in cookies)
        {
            Emit($"k|{host}|{cookie.Name}|{cookie.Domain}", new HarCookieObservation(host, cookie.Name, cookie.Domain!, seen));
        }
        foreach (var (trackerHost, text) in TrackerSources(entry, pageHost))
        {
            foreach (var (trackerKind, value) in Trackers.Find(text))
            {
                Emit($"t|{trackerHost}|{trackerKind}|{value}", new HarTrackerObservation(trackerHost, trackerKind, value, seen));
            }
        }
        foreach (var (componentHost, signals) in ComponentSources(entry, cookies, pageHost, kind))
        {
            foreach (var d in _matcher.Analyze(signals))
            {
                var named = $"c|{componentHost}|{d.Technology.Name}";
                // A versioned sighting adds to a versionless one; a versionless one after any other adds nothing.
                if (d.Version.Length == 0 ? !_reported.Contains(scope + "\u0001" + named) : !_reported.Contains(scope + "\u0001" + named + "|" + d.Version))
                {
                    _reported.Add(scope + "\u0001" + named);
                    Emit(named + "|" + d.Version, new HarComponentObservation(componentHost, d.Technology.Name, d.Version, d.Technology.Category, seen));
                }
            }
        }
        return output;
    }

    /// <summary>Redirect chains that end on a target the crawl never fetched.</summary>
    public IEnumerable<(long Position, HarHostPairObservation Pair)> Finish() => _redirects.Unfinished();

    /// <summary>Where a 3xx response (304 aside, which has no Location) sends the browser.</summary>
    private static Uri? RedirectTarget(HarEntry entry)
    {
        if (entry.Status is < 300 or > 399 or 304)
        {
            return null;
        }
        var location = entry.ResponseHeader("location") is { Length: > 0 } l ? l : entry.RedirectUrl;
        return location is { Length: > 0 } && Uri.TryCreate(entry.Url, location.Trim(), out var target) && HostName.ParseWebUrl(target.AbsoluteUri) is { } web
            ? web
            : null;
    }

    /// <summary>The host of the page the entry belongs to, and whether the entry is that page's document.</summary>
    private (string? Host, bool IsDocument) PageOf(HarEntry entry, bool isRedirect)
    {
        var isDocument = !isRedirect && (entry.IsHtml || entry.ResourceType == "document");
        if (entry.PageRef is { } pageRef)
        {
            if (_pageHosts.TryGetValue(pageRef, out var pageHost))
            {
                return (pageHost, false);
            }
            if (isDocument)
            {
                _pageHosts[pageRef] = entry.Host;
                return (entry.Host, true);
            }
        }
        var referer = HostName.ParseWebUrl(entry.RequestHeader("referer")) is { } r ? HostName.FromUri(r) : null;
        if (referer is null && entry.PageRef is null && isDocument)
        {
            return (entry.Host, true);
        }
        return (referer, false);
    }

    /// <summary>Ids in a request URL belong to the page making the request; ids in HTML to the host serving it.</summary>
    private static IEnumerable<(string Host, string Text)> TrackerSources(HarEntry entry, string? pageHost)
    {
        if (pageHost is not null)
        {
            yield return (pageHost, entry.UrlText);
        }
        if (entry.Html is { } html)
        {
            yield return (entry.Host, html);
        }
    }

    /// <summary>
    /// Headers, cookies and (for HTML) the page itself describe the responding host; a script the page loads
    /// describes the page's host (jQuery from a CDN is a technology of the site, not of the CDN).
    /// </summary>
    private static IEnumerable<(string Host, Signals Signals)> ComponentSources(HarEntry entry, List<HarCookie> cookies, string? pageHost, string kind)
    {
        var own = new Signals();
        foreach (var (name, value) in entry.ResponseHeaders)
        {
            Signals.Add(own.Headers, name, value);
        }
        foreach (var cookie in cookies)
        {
            // Wappalyzer's driver folds GA4's per-property cookies (_ga_XXXXXXX) into the single key "_ga_*".
            var name = Ga4Cookie().IsMatch(cookie.Name) ? "_ga_*" : cookie.Name.ToLowerInvariant();
            Signals.Add(own.Cookies, name, cookie.Value);
        }
        if (entry.Html is { } html)
        {
            own.Html = html;
            own.Url = entry.UrlText;
            foreach (var (name, content) in HtmlSignals.Meta(html))
            {
                Signals.Add(own.Meta, name, content);
            }
            own.ScriptSrc.AddRange(HtmlSignals.ScriptSources(html, entry.Url));
        }
        yield return (entry.Host, own);
        if (pageHost is not null && kind == "script")
        {
            var loaded = new Signals();
            loaded.ScriptSrc.Add(entry.UrlText);
            yield return (pageHost, loaded);
        }
    }

    [GeneratedRegex("^_ga_[A-Z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Ga4Cookie();
}
