using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using Sightline.Hosting;
using Sightline.Limits;
using Sightline.Portal;
using Sightline.Tests.Support;

namespace Sightline.Tests.Portal;

/// <summary>
/// For the portal's browser tests: one headless Debian Chromium driven by Playwright, and the real server on a loopback
/// port (Kestrel, since a browser needs real HTTP) over the store of the "demo" collection's server, so the demo is
/// loaded once for the whole suite. Playwright never downloads a browser here: it launches <c>/usr/bin/chromium</c>.
/// Without Chromium the tests fail on CI and are skipped elsewhere (see <see cref="BrowserFactAttribute"/>).
/// </summary>
public sealed class PortalFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public const string InstallHint = "the portal's browser tests need Debian's Chromium: apt-get install -y chromium chromium-driver";

    private readonly SemaphoreSlim _starting = new(1, 1);

    private IPlaywright? _playwright;

    private WebApplication? _app;

    public SightlineServer Server { get; private set; } = null!;

    /// <summary>An API client with a Read token, on the same server the browser uses.</summary>
    public HttpClient Client { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    /// <summary>A folder for screenshots, when <c>SIGHTLINE_SCREENSHOTS</c> names one.</summary>
    public static string? ScreenshotFolder => Environment.GetEnvironmentVariable("SIGHTLINE_SCREENSHOTS") is { Length: > 0 } dir ? dir : null;

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>Starts the browser and the server on the demo's store, once; every test calls it first.</summary>
    public async Task StartAsync(DemoServerFixture demo)
    {
        await _starting.WaitAsync();
        try
        {
            if (_app is not null)
            {
                return;
            }
            if (!File.Exists(ChromiumPath))
            {
                throw new InvalidOperationException($"{ChromiumPath} is missing: {InstallHint}");
            }
            Server = demo.Server;
            var settings = new ServerSettings
            {
                DataDir = Server.DataDir,
                Store = Server.Store,
                LoadDemo = false,
                Limits = new() { RateLimit = 0 },
                Audit = new() { Mode = AuditMode.Off },
            };
            var app = SightlineApp.Create(settings, b => b.WebHost.UseUrls("http://127.0.0.1:0"));
            await app.StartAsync();
            _app = app;
            BaseUrl = app.Urls.First().TrimEnd('/');
            Client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
            Client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", Server.Token());
            Assertions.SetDefaultExpectTimeout(30_000);
            _playwright = await Playwright.CreateAsync();
            Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
            });
        }
        finally
        {
            _starting.Release();
        }
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
        // Generous waits: the suite shares two cores with the database and the other tests. They bound a wait;
        // no test asserts how long anything took.
        context.SetDefaultTimeout(60_000);
        context.SetDefaultNavigationTimeout(60_000);
        return await context.NewPageAsync();
    }

    /// <summary>A tab signed in through the link the serve banner prints.</summary>
    public async Task<IPage> SignedInPageAsync()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(PortalLinks.SignIn(BaseUrl, Server.Token()));
        await page.UntilUrlAsync(url => url.Contains("#/search", StringComparison.Ordinal));
        return page;
    }

    /// <summary>A tab that already holds a token, as after signing in (the sign-in tests cover how it gets there).</summary>
    public async Task<IPage> TokenPageAsync()
    {
        var page = await NewPageAsync();
        await page.Context.AddInitScriptAsync($"sessionStorage.setItem('sightline.token', '{Server.Token()}')");
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
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _starting.Dispose();
    }
}

/// <summary>The base of the portal test classes: in the "demo" collection, with the browser and server started.</summary>
[Collection("demo")]
public abstract class PortalTestBase(DemoServerFixture demo, PortalFixture portal) : IClassFixture<PortalFixture>, IAsyncLifetime
{
    protected PortalFixture Portal => portal;

    public Task InitializeAsync() => portal.StartAsync(demo);

    public Task DisposeAsync() => Task.CompletedTask;
}
