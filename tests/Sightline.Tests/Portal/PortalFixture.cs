using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using Sightline.Portal;
using Sightline.Tests.Support;

namespace Sightline.Tests.Portal;

/// <summary>
/// The real server with the demo on a loopback port (Kestrel, since a browser needs real HTTP) and one headless
/// Debian Chromium driven by Playwright, shared by the portal tests. Playwright never downloads a browser here:
/// it launches <c>/usr/bin/chromium</c>. Without Chromium the tests fail on CI and are skipped elsewhere.
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public const string InstallHint = "the portal's browser tests need Debian's Chromium: apt-get install -y chromium chromium-driver";

    private IPlaywright? _playwright;

    public SightlineServer Server { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public string? Unavailable { get; private set; }

    /// <summary>A folder for screenshots, when <c>SIGHTLINE_SCREENSHOTS</c> names one.</summary>
    public static string? ScreenshotFolder => Environment.GetEnvironmentVariable("SIGHTLINE_SCREENSHOTS") is { Length: > 0 } dir ? dir : null;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            if (Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
            {
                throw new InvalidOperationException($"{ChromiumPath} is missing on CI: {InstallHint}");
            }
            Unavailable = $"{ChromiumPath} is missing: {InstallHint}";
            return;
        }
        Server = await SightlineServer.StartAsync(host: b => b.WebHost.UseUrls("http://127.0.0.1:0"));
        BaseUrl = Server.Urls.First().TrimEnd('/');
        Client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Server.Token());
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh tab (its own sessionStorage and downloads) at laptop size.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            AcceptDownloads = true,
            BaseURL = BaseUrl,
        });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    /// <summary>A tab signed in through the link the serve banner prints.</summary>
    public async Task<IPage> SignedInPageAsync()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(PortalLinks.SignIn(BaseUrl, Server.Token()));
        await page.WaitForURLAsync(url => url.Contains("#/search", StringComparison.Ordinal));
        return page;
    }

    public async Task ScreenshotAsync(IPage page, string name)
    {
        if (ScreenshotFolder is { } folder)
        {
            Directory.CreateDirectory(folder);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png") });
        }
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
        Client?.Dispose();
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}

[CollectionDefinition("portal")]
public sealed class PortalCollection : ICollectionFixture<PortalFixture>;
