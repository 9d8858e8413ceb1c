using Sightline.Auth;
using Sightline.Tests.Support;

namespace Sightline.Tests.Auth;

/// <summary>The <c>none</c> mode: no token needed for anything, and every response says authentication is off.</summary>
public sealed class NoAuthTests : IAsyncLifetime
{
    private SightlineServer _server = null!;

    public async Task InitializeAsync() =>
        _server = await SightlineServer.StartAsync(loadDemo: false, settings: s => s with { Auth = new AuthSettings { Mode = AuthMode.None } });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Theory]
    [InlineData("GET", Graph.Root + "/articles", 200)]
    [InlineData("GET", Graph.Root + "/hosts/unknown.example", 404)]
    [InlineData("GET", "/v1.0/$metadata", 200)]
    [InlineData("GET", "/healthz/details", 200)]
    [InlineData("GET", "/nowhere", 404)]
    [InlineData("POST", "/ingest/cof", 400)]
    public async Task Every_request_passes_without_a_token_and_every_response_carries_the_warning(string method, string url, int status)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        using var response = await _server.AnonymousClient().SendAsync(request);
        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal("authentication disabled", Assert.Single(response.Headers.GetValues("Sightline-Warning")));
    }

    [Fact]
    public async Task Details_report_the_mode()
    {
        var details = await _server.AnonymousClient().GetJsonAsync("/healthz/details");
        Assert.Equal("none", details.GetProperty("authentication").GetString());
        Assert.True(details.GetProperty("managedHeapBytes").GetInt64() > 0);
    }
}
