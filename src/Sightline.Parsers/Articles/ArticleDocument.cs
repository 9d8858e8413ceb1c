namespace Sightline.Parsers.Articles;

/// <summary>Who published an article's indicators; maps to Graph's <c>indicatorSource</c>.</summary>
internal enum ArticleSource
{
    Microsoft = 0,
    Osint = 1,
    Public = 2,
}

/// <summary>
/// One Markdown article with its front matter. <see cref="Id"/> is null when the file names none (the importer
/// derives one); <see cref="Created"/> and <see cref="Updated"/> are UTC and null when absent. <see cref="Summary"/>
/// is the front matter's, else the body's first paragraph (Markdown either way). <see cref="Indicators"/> come from
/// the summary and the body, refanged and normalised, in order of first appearance.
/// </summary>
internal sealed record ArticleDocument
{
    public required string Title { get; init; }
    public string? Id { get; init; }
    public DateTimeOffset? Created { get; init; }
    public DateTimeOffset? Updated { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public bool IsFeatured { get; init; }
    public string? ImageUrl { get; init; }
    public string? Summary { get; init; }
    public ArticleSource? Source { get; init; }
    public required string BodyMarkdown { get; init; }
    public IReadOnlyList<ExtractedIndicator> Indicators { get; init; } = [];
}

/// <summary>
/// An indicator of compromise found in text. <see cref="Kind"/> is one of <see cref="IndicatorKinds"/>;
/// <see cref="Value"/> is normalised (hosts lower-case punycode, IPs canonical, hashes lower-case, CVEs upper-case).
/// </summary>
internal sealed record ExtractedIndicator(string Kind, string Value);

/// <summary>The kinds <see cref="IndicatorExtractor"/> yields; domain, ipv4 and ipv6 are hosts, the rest unclassified artifacts.</summary>
internal static class IndicatorKinds
{
    public const string Domain = "domain";
    public const string IPv4 = "ipv4";
    public const string IPv6 = "ipv6";
    public const string Url = "url";
    public const string Email = "email";
    public const string Md5 = "md5";
    public const string Sha1 = "sha1";
    public const string Sha256 = "sha256";
    public const string Cve = "cve";
}
