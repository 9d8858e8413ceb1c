namespace Sightline.Tests.Portal;

/// <summary>
/// A browser test: skipped, with the command that installs the browser, where Debian's Chromium is missing; on CI
/// (<c>CI</c> set) it runs anyway and the fixture fails it, so a CI without the browser cannot pass silently.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(PortalFixture.ChromiumPath) && Environment.GetEnvironmentVariable("CI") is not { Length: > 0 })
        {
            Skip = $"{PortalFixture.ChromiumPath} is missing: {PortalFixture.InstallHint}";
        }
    }
}
