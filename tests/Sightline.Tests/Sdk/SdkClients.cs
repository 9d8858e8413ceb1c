using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Sightline.Auth;
using Sightline.Hosting;
using Sightline.OData;
using Sightline.Tests.Support;

namespace Sightline.Tests.Sdk;

/// <summary>Hands the SDK a fixed bearer token; an <see cref="AllowedHostsValidator"/> with no hosts allows every host.</summary>
public sealed class StaticTokenProvider(string token) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new();

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(token);
}

public static class SdkClients
{
    public const string V1 = "http://localhost/v1.0";
    public const string Beta = "http://localhost/beta";

    /// <summary>The official SDK over the in-memory test server, authenticating through its own bearer provider.</summary>
    public static GraphServiceClient Create(HttpClient http, string token, string baseUrl = V1) =>
        new(http, new BaseBearerTokenAuthenticationProvider(new StaticTokenProvider(token)), baseUrl);

    public static GraphServiceClient For(SightlineServer server, string baseUrl = V1) =>
        Create(server.Client(), server.Token(), baseUrl);

    /// <summary>An SDK client whose requests are recorded as they leave for the test server.</summary>
    public static (GraphServiceClient Graph, RecordingHandler Wire) Recorded(SightlineServer server, string baseUrl = V1)
    {
        var wire = new RecordingHandler(((TestServer)server.Services.GetRequiredService<IServer>()).CreateHandler());
        return (Create(new HttpClient(wire), server.Token(), baseUrl), wire);
    }
}

/// <summary>Records the request targets exactly as the SDK formed them.</summary>
public sealed class RecordingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public ConcurrentQueue<string> Targets { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Targets.Enqueue(request.RequestUri!.OriginalString);
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>
/// A Sightline app on the test server with a small page size, seeded with <see cref="TestData"/>. Built from
/// <see cref="ServerSettings.Paging"/> because <see cref="SightlineApp.Create"/> registers the settings' paging
/// after the caller's configuration, so a <c>PagingOptions</c> registered through
/// <see cref="SightlineServer.StartAsync"/>'s <c>services</c> hook is shadowed.
/// </summary>
public sealed class SmallPageServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDir;

    private SmallPageServer(WebApplication app, string dataDir)
    {
        _app = app;
        _dataDir = dataDir;
    }

    public static async Task<SmallPageServer> StartAsync(int pageSize)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "sightline-tests", Guid.NewGuid().ToString("N"));
        var settings = new ServerSettings { DataDir = dataDir, LoadDemo = false, Paging = new PagingOptions(pageSize, pageSize) };
        var app = SightlineApp.Create(settings, b => b.WebHost.UseTestServer());
        await SightlineApp.InitializeStoreAsync(app, settings);
        await app.StartAsync();
        using (var scope = app.Services.CreateScope())
        {
            await TestData.SeedAsync(scope.ServiceProvider.GetRequiredService<Sightline.Data.SightlineDb>());
        }
        return new SmallPageServer(app, dataDir);
    }

    public (GraphServiceClient Graph, RecordingHandler Wire) Sdk()
    {
        var wire = new RecordingHandler(_app.GetTestServer().CreateHandler());
        var token = LocalTokens.Create(SigningKey.LoadOrCreate(_dataDir), TimeSpan.FromHours(1));
        return (SdkClients.Create(new HttpClient(wire), token), wire);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on some platform: the temp folder is cleaned later.
        }
    }
}
