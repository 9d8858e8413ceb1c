using Sightline.Parsers.Har;

namespace Sightline.Parsers.Tests.Har;

/// <summary>
/// contoso.har: a Chrome-style crawl of a WordPress site on contoso.example that redirects
/// http://contoso.example → https://contoso.example → https://www.contoso.example, served by nginx 1.18.0 with
/// PHP 7.4.3, loading jQuery 3.6.0 from cdnjs, GA4 and GTM, and a third-party iframe from fabrikam.example.
/// </summary>
public sealed class HarCrawlFixtureTests
{
    private static readonly DateTimeOffset PageTime = new(2024, 3, 5, 10, 15, 30, 250, TimeSpan.Zero);

    private static readonly Lazy<List<Sightline.Parsers.Common.Parsed<HarObservation>>> Results = new(() => HarFixtures.ReadFile("contoso.har"));

    [Fact]
    public void Reads_the_crawl_without_errors()
    {
        Assert.DoesNotContain(Results.Value, r => r.IsError);
        Assert.All(Results.Value, r => Assert.InRange(r.Position, 1, 11));
    }

    [Fact]
    public void Detects_the_components_of_each_host_with_versions_and_first_categories()
    {
        var components = Results.Value.Only<HarComponentObservation>()
            .Select(c => $"{c.Host} | {c.Name} | {c.Version} | {c.Category}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(
        [
            "cdnjs.cloudflare.com | Cloudflare |  | CDN",
            "contoso.example | Nginx | 1.18.0 | Web servers",
            "widgets.fabrikam.example | Apache | 2.4.41 | Web servers",
            "widgets.fabrikam.example | Ubuntu |  | Operating systems",
            "www.contoso.example | Cloudflare |  | CDN",
            "www.contoso.example | Google Analytics |  | Analytics",
            "www.contoso.example | Google Tag Manager |  | Tag managers",
            "www.contoso.example | MySQL |  | Databases",
            "www.contoso.example | Nginx | 1.18.0 | Web servers",
            "www.contoso.example | PHP | 7.4.3 | Programming languages",
            "www.contoso.example | WordPress | 6.1.1 | CMS",
            "www.contoso.example | cdnjs |  | CDN",
            "www.contoso.example | jQuery | 3.6.0 | JavaScript libraries",
        ], components);
    }

    [Theory]
    [InlineData("Nginx", 1, "contoso.example")]
    [InlineData("WordPress", 3, "www.contoso.example")]
    [InlineData("jQuery", 3, "www.contoso.example")]
    [InlineData("Cloudflare", 7, "cdnjs.cloudflare.com")]
    public void Reports_a_component_at_the_entry_that_first_shows_it(string name, long position, string host)
    {
        var first = Results.Value.First(r => r.Record is HarComponentObservation c && c.Name == name && c.Host == host);
        Assert.Equal(position, first.Position);
    }

    [Fact]
    public void Finds_the_ga4_and_tag_manager_ids_once_for_the_page_host()
    {
        var trackers = Results.Value.Only<HarTrackerObservation>();

        Assert.Equal(
        [
            new HarTrackerObservation("www.contoso.example", "GoogleAnalytics4ID", "G-7X4QW2E9KD", PageTime),
            new HarTrackerObservation("www.contoso.example", "GoogleTagManagerId", "GTM-K9T3ZQ8", PageTime),
        ], trackers);
    }

    [Fact]
    public void Reads_cookies_with_their_domain_attribute_or_the_responding_host()
    {
        var cookies = Results.Value.Only<HarCookieObservation>().Select(c => (c.Host, c.Name, c.Domain)).ToList();

        Assert.Equal(
        [
            ("www.contoso.example", "PHPSESSID", "www.contoso.example"),
            ("www.contoso.example", "wp_lang", "contoso.example"),
            ("widgets.fabrikam.example", "fab_session", "fabrikam.example"),
        ], cookies);
    }

    [Fact]
    public void Pairs_redirects_the_final_redirect_and_the_hosts_the_page_loads_from()
    {
        var pairs = Results.Value
            .Where(r => r.Record is HarHostPairObservation)
            .Select(r => (r.Position, Pair: (HarHostPairObservation)r.Record!))
            .Select(p => $"{p.Position} {p.Pair.ParentHost} -> {p.Pair.ChildHost} {p.Pair.LinkKind}")
            .ToList();

        Assert.Equal(
        [
            "2 contoso.example -> www.contoso.example redirect",
            "3 contoso.example -> www.contoso.example finalRedirect",
            "5 www.contoso.example -> www.googletagmanager.com script",
            "7 www.contoso.example -> cdnjs.cloudflare.com script",
            "8 www.contoso.example -> widgets.fabrikam.example iframe",
            // No _resourceType below: the font by its content type, the GA4 beacon (204, Accept */*) as other,
            // the logo (304 Not Modified, no content type) by its extension.
            "9 www.contoso.example -> fonts.gstatic.com font",
            "10 www.contoso.example -> region1.google-analytics.com other",
            "11 www.contoso.example -> cdn.contoso-media.example image",
        ], pairs);
    }

    [Fact]
    public void Stamps_observations_with_the_entry_start_time_in_utc()
    {
        var wordpress = Results.Value.Only<HarComponentObservation>().Single(c => c.Name == "WordPress");
        var redirect = Results.Value.Only<HarHostPairObservation>().Single(p => p.LinkKind == "redirect");

        // Entry 3 is written "2024-03-05T11:15:30.250+01:00".
        Assert.Equal(PageTime, wordpress.Seen);
        Assert.Equal(TimeSpan.Zero, wordpress.Seen.Offset);
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 10, 15, 30, 80, TimeSpan.Zero), redirect.Seen);
    }

    [Fact]
    public void Gives_the_same_results_when_the_stream_delivers_a_few_bytes_at_a_time()
    {
        using var trickle = new TrickleStream(File.ReadAllBytes(HarFixtures.Path("contoso.har")), chunk: 7);

        var results = HarReader.Read(trickle).ToList();

        Assert.Equal(Results.Value, results);
    }
}

/// <summary>A stream that returns at most <c>chunk</c> bytes per read, like a slow network.</summary>
internal sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
{
    public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
}
