using System.Text.Json;
using Microsoft.Playwright;
using Sightline.Portal;
using Sightline.Tests.Support;

namespace Sightline.Tests.Portal;

/// <summary>Signing in to the portal: the banner's link, a pasted token, a refused token, signing out.</summary>
[Collection("portal")]
public sealed class PortalSignInTests(PortalFixture fixture)
{
    [BrowserFact]
    public async Task The_banner_link_signs_in_and_drops_the_token_from_the_address_bar()
    {
        var page = await fixture.SignedInPageAsync();
        Assert.DoesNotContain("token=", page.Url, StringComparison.Ordinal);
        Assert.Equal("Signed in", (await page.Locator("#session-state").TextContentAsync())?.Trim());
        var stored = await page.EvaluateAsync<string?>("() => sessionStorage.getItem('sightline.token')");
        Assert.False(string.IsNullOrEmpty(stored));
        await page.Context.CloseAsync();
    }
}
