using System.Text.Json;
using Microsoft.Playwright;
using Sightline.Portal;
using Sightline.Tests.Support;

namespace Sightline.Tests.Portal;

/// <summary>Signing in to the portal: the banner's link, a pasted token, a refused token, signing out.</summary>
[Collection("demo")]
public sealed class PortalSignInTests(DemoServerFixture demo, PortalFixture portal) : PortalTestBase(demo, portal)
{
    [BrowserFact]
    public async Task The_banner_link_signs_in_and_drops_the_token_from_the_address_bar()
    {
        var page = await Portal.SignedInPageAsync();
        Assert.DoesNotContain("token=", page.Url, StringComparison.Ordinal);
        Assert.Equal("Signed in", (await page.Locator("#session-state").TextContentAsync())?.Trim());
        var stored = await page.EvaluateAsync<string?>("() => sessionStorage.getItem('sightline.token')");
        Assert.False(string.IsNullOrEmpty(stored));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_pasted_token_signs_in_a_bad_one_is_refused_and_sign_out_clears_it()
    {
        var page = await Portal.NewPageAsync();
        // Without a token the API answers 401 and the portal asks for one, then returns to the page asked for.
        await page.GotoAsync($"{Portal.BaseUrl}/#/host/contoso-login.com");
        await page.UntilUrlAsync(u => u.Contains("#/signin", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Sign in");

        await page.Locator("#token-input").FillAsync(Portal.Server.Token()[..^4] + "AAAA");
        await page.Locator("#signin-form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#signin-form .error")).ToContainTextAsync("InvalidAuthenticationToken");
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('sightline.token')"));

        await page.Locator("#token-input").FillAsync("Bearer " + Portal.Server.Token());
        await page.Locator("#signin-form button[type=submit]").ClickAsync();
        await page.UntilUrlAsync(u => u.Contains("#/host/contoso-login.com", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync("contoso-login.com");

        await page.Locator("#sign-out").ClickAsync();
        await page.UntilUrlAsync(u => u.Contains("#/signin", StringComparison.Ordinal));
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('sightline.token')"));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task A_banner_link_with_a_refused_token_signs_nobody_in()
    {
        var page = await Portal.NewPageAsync();
        await page.GotoAsync(PortalLinks.SignIn(Portal.BaseUrl, "not-a-token"));
        await Assertions.Expect(page.Locator("main .error")).ToContainTextAsync("refused");
        Assert.DoesNotContain("not-a-token", page.Url, StringComparison.Ordinal);
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.getItem('sightline.token')"));
        await page.Context.CloseAsync();
    }

    [BrowserFact]
    public async Task Portal_files_are_public_and_carry_a_content_security_policy()
    {
        using var anonymous = new HttpClient { BaseAddress = new Uri(Portal.BaseUrl) };
        using var index = await anonymous.GetAsync("/");
        Assert.Equal(System.Net.HttpStatusCode.OK, index.StatusCode);
        Assert.Contains("js/app.js", await index.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", index.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        using var script = await anonymous.GetAsync("/js/api.js");
        Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
        // Everything else is still the API's, in Graph's envelope.
        using var missing = await anonymous.GetAsync("/js/missing.js");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("itemNotFound", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var api = await anonymous.GetAsync(Graph.Root + "/hosts/contoso-login.com");
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, api.StatusCode);
    }
}
