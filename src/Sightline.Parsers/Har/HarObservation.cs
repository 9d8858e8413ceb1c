namespace Sightline.Parsers.Har;

/// <summary>
/// Something a HAR 1.2 crawl shows about a host. <see cref="Seen"/> is the <c>startedDateTime</c> (UTC) of the
/// entry it was read from. Host names are lower-case without port or trailing dot; IP addresses are canonical.
/// </summary>
internal abstract record HarObservation(DateTimeOffset Seen);

/// <summary>
/// A web technology detected on <paramref name="Host"/> with the Wappalyzer fingerprints (Graph hostComponent).
/// <paramref name="Version"/> is empty when unknown; <paramref name="Category"/> is the technology's first
/// Wappalyzer category name (e.g. <c>Web servers</c>, <c>CMS</c>).
/// </summary>
internal sealed record HarComponentObservation(string Host, string Name, string Version, string Category, DateTimeOffset Seen)
    : HarObservation(Seen);

/// <summary>A tracker id (analytics, tag manager, ad account...) used by pages of <paramref name="Host"/> (Graph hostTracker).</summary>
internal sealed record HarTrackerObservation(string Host, string Kind, string Value, DateTimeOffset Seen)
    : HarObservation(Seen);

/// <summary>
/// A cookie <paramref name="Host"/> sets (Graph hostCookie). <paramref name="Domain"/> is the cookie's Domain
/// attribute without its leading dot, or the responding host when the cookie has none.
/// </summary>
internal sealed record HarCookieObservation(string Host, string Name, string Domain, DateTimeOffset Seen)
    : HarObservation(Seen);

/// <summary>
/// A link between two different hosts (Graph hostPair): <paramref name="LinkKind"/> is <c>redirect</c>,
/// <c>finalRedirect</c> (first host of a redirect chain to its last), or the kind of resource the parent's page
/// loads from the child: <c>script</c>, <c>iframe</c>, <c>stylesheet</c>, <c>image</c>, <c>font</c>, <c>xhr</c>,
/// <c>media</c>, <c>other</c>.
/// </summary>
internal sealed record HarHostPairObservation(string ParentHost, string ChildHost, string LinkKind, DateTimeOffset Seen)
    : HarObservation(Seen);
