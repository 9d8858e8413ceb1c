using System.Globalization;
using System.Net;
using Sightline.Auth;
using Sightline.Limits;
using Sightline.Tests.Support;

namespace Sightline.Tests.Limits;

public sealed class ThrottlingTests : IAsyncLifetime
{
    private const string Url = Graph.Root + "/articles";

    private SightlineServer _server = null!;

    // A window of an hour: the test's requests cannot straddle two windows.
    public async Task InitializeAsync() => _server = await SightlineServer.StartAsync(loadDemo: false,
        settings: s => s with { Limits = new LimitSettings { RateLimit = 2, RateWindow = TimeSpan.FromHours(1) } });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Over_the_limit_a_client_gets_429_with_retry_after_in_graphs_envelope()
    {
        using var client = _server.Client();
        await client.GetJsonAsync(Url);
        await client.GetJsonAsync(Url);

        using var response = await client.GetAsync(Url);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), NumberStyles.None, CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);
        Assert.Equal("TooManyRequests", await client.GetErrorAsync(Url, 429));
    }

    [Fact]
    public async Task Each_client_has_its_own_allowance()
    {
        using var first = _server.Client();
        await first.GetJsonAsync(Url);
        await first.GetJsonAsync(Url);
        await first.GetErrorAsync(Url, 429);

        var otherToken = LocalTokens.Create(SigningKey.LoadOrCreate(_server.DataDir), TimeSpan.FromHours(1), subject: "another-app");
        using var other = _server.Client(otherToken);
        await other.GetJsonAsync(Url);
        await other.GetJsonAsync(Url);
        await other.GetErrorAsync(Url, 429);
    }

    [Fact]
    public async Task Healthz_is_never_throttled()
    {
        using var client = _server.AnonymousClient();
        for (var i = 0; i < 4; i++)
        {
            await client.GetJsonAsync("/healthz");
        }
    }

    [Fact]
    public async Task Callers_without_a_valid_token_are_throttled_by_address()
    {
        using var client = _server.AnonymousClient();
        await client.GetErrorAsync(Url, 401);
        await client.GetErrorAsync(Url, 401);
        Assert.Equal("TooManyRequests", await client.GetErrorAsync(Url, 429));
    }

    [Fact]
    public async Task A_zero_limit_switches_throttling_off()
    {
        await using var server = await SightlineServer.StartAsync(loadDemo: false,
            settings: s => s with { Limits = new LimitSettings { RateLimit = 0 } });
        using var client = server.Client();
        for (var i = 0; i < 5; i++)
        {
            await client.GetJsonAsync(Url);
        }
    }
}
