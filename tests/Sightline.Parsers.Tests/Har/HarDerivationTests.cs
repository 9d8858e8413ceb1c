using Sightline.Parsers.Har;

namespace Sightline.Parsers.Tests.Har;

public sealed class HarDerivationTests
{
    private static string Har(params string[] entries) => HarFixtures.Document(entries);

    private static string Entry(string url, int status = 200, string mime = "text/plain", string headers = "", string extra = "", string? pageref = null, string requestHeaders = "") =>
        "{" + (pageref is null ? "" : $"\"pageref\":\"{pageref}\",") + $"\"startedDateTime\":\"2024-03-05T10:15:30Z\",{extra}" +
        $"\"request\":{{\"url\":\"{url}\",\"headers\":[{requestHeaders}]}}," +
        $"\"response\":{{\"status\":{status},\"headers\":[{headers}],\"content\":{{\"mimeType\":\"{mime}\"}}}}}}";

    private static string Header(string name, string value) => $"{{\"name\":\"{name}\",\"value\":\"{value}\"}}";

    [Theory]
    [InlineData("upper_case_and_port", "https://WWW.Contoso.EXAMPLE:8443/a", "www.contoso.example")]
    [InlineData("trailing_dot", "http://contoso.example./", "contoso.example")]
    [InlineData("ipv4", "http://192.0.2.7:8080/", "192.0.2.7")]
    [InlineData("ipv6_long_form", "http://[2001:DB8:0:0:0:0:0:1]/", "2001:db8::1")]
    [InlineData("websocket", "wss://live.contoso.example/socket", "live.contoso.example")]
    public void Keys_hosts_lower_case_without_port_or_trailing_dot_and_ips_canonical(string name, string url, string host)
    {
        var results = HarFixtures.ReadText(Har(Entry(url, headers: Header("Server", "nginx/1.18.0"))));

        Assert.True(results.Only<HarComponentObservation>().All(c => c.Host == host), name);
        Assert.NotEmpty(results.Only<HarComponentObservation>());
    }

    [Theory]
    [InlineData("resource_type_wins", "\"_resourceType\":\"Fetch\",", "text/css", "", "https://cdn.other.example/a.css", "xhr")]
    [InlineData("content_type", "", "text/css; charset=utf-8", "", "https://cdn.other.example/a", "stylesheet")]
    [InlineData("accept_header", "", "", "{\"name\":\"Accept\",\"value\":\"image/avif,image/webp,*/*\"}", "https://cdn.other.example/a", "image")]
    [InlineData("extension", "", "", "", "https://cdn.other.example/movie.MP4?x=1", "media")]
    [InlineData("nothing_known", "", "", "", "https://cdn.other.example/beacon", "other")]
    public void Classifies_a_loaded_resource_by_resource_type_then_content_type_accept_and_extension(string name, string extra, string mime, string requestHeaders, string url, string kind)
    {
        var json = Har(
            Entry("https://www.contoso.example/", mime: "text/html", pageref: "page_1"),
            Entry(url, mime: mime, extra: extra, pageref: "page_1", requestHeaders: requestHeaders));

        var pair = Assert.Single(HarFixtures.ReadText(json).Only<HarHostPairObservation>());

        Assert.Equal(("www.contoso.example", "cdn.other.example", kind), (pair.ParentHost, pair.ChildHost, pair.LinkKind));
        Assert.NotNull(name);
    }

    [Fact]
    public void Takes_the_parent_from_the_referer_when_the_entry_has_no_page()
    {
        var json = Har(Entry("https://static.fabrikam.example/app.js", mime: "application/javascript", requestHeaders: Header("Referer", "https://shop.contoso.example/cart")));

        var pair = Assert.Single(HarFixtures.ReadText(json).Only<HarHostPairObservation>());

        Assert.Equal(("shop.contoso.example", "static.fabrikam.example", "script"), (pair.ParentHost, pair.ChildHost, pair.LinkKind));
    }

    [Fact]
    public void Pairs_nothing_between_a_host_and_itself()
    {
        var json = Har(
            Entry("https://www.contoso.example/", mime: "text/html", pageref: "p"),
            Entry("https://www.contoso.example/app.js", mime: "application/javascript", pageref: "p"),
            Entry("https://www.contoso.example/old", status: 302, headers: Header("Location", "/new"), pageref: "p"));

        Assert.Empty(HarFixtures.ReadText(json).Only<HarHostPairObservation>());
    }

    [Fact]
    public void Ends_a_chain_whose_target_was_never_fetched_at_the_target_host()
    {
        var json = Har(
            Entry("http://a.example/", status: 302, headers: Header("Location", "http://b.example/")),
            Entry("http://b.example/", status: 301, headers: Header("Location", "https://c.example:8443/landing")));

        var results = HarFixtures.ReadText(json);
        var pairs = results.Where(r => r.Record is HarHostPairObservation).Select(r => (r.Position, p: (HarHostPairObservation)r.Record!))
            .Select(x => $"{x.Position} {x.p.ParentHost} -> {x.p.ChildHost} {x.p.LinkKind}");

        Assert.Equal(["1 a.example -> b.example redirect", "2 b.example -> c.example redirect", "2 a.example -> c.example finalRedirect"], pairs);
    }

    [Fact]
    public void Follows_a_redirect_given_only_as_redirect_url()
    {
        var json = Har(
            Entry("http://old.example/", status: 308, extra: "", headers: "").Replace("\"content\"", "\"redirectURL\":\"https://new.example/\",\"content\"", StringComparison.Ordinal),
            Entry("https://new.example/", mime: "text/html"));

        var kinds = HarFixtures.ReadText(json).Only<HarHostPairObservation>().Select(p => $"{p.ParentHost} -> {p.ChildHost} {p.LinkKind}");

        Assert.Equal(["old.example -> new.example redirect", "old.example -> new.example finalRedirect"], kinds);
    }

    [Theory]
    [InlineData("host_only", "sid=1; Path=/; HttpOnly", "sid", "app.contoso.example")]
    [InlineData("leading_dot_domain", "pref=dark; Domain=.Contoso.Example.; Path=/", "pref", "contoso.example")]
    [InlineData("quoted_value_and_spaces", " lang = \\\"en\\\" ; domain=contoso.example", "lang", "contoso.example")]
    public void Reads_set_cookie_headers(string name, string header, string cookie, string domain)
    {
        var json = Har(Entry("https://app.contoso.example/", headers: Header("Set-Cookie", header)));

        var read = Assert.Single(HarFixtures.ReadText(json).Only<HarCookieObservation>());

        Assert.Equal(("app.contoso.example", cookie, domain), (read.Host, read.Name, read.Domain));
        Assert.NotNull(name);
    }

    [Fact]
    public void Splits_set_cookie_headers_that_chrome_folded_into_one()
    {
        var json = Har(Entry("https://app.contoso.example/", headers: Header("set-cookie", "a=1; path=/\\nb=2; domain=contoso.example\\n=nameless")));

        var cookies = HarFixtures.ReadText(json).Only<HarCookieObservation>().Select(c => $"{c.Name}@{c.Domain}");

        Assert.Equal(["a@app.contoso.example", "b@contoso.example"], cookies);
    }
}
