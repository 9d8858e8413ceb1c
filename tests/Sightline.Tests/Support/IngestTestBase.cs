namespace Sightline.Tests.Support;

/// <summary>
/// For import tests: a server on an empty store of its own, a client that reads the Graph API and a client whose
/// token also holds <c>Sightline.Ingest</c>.
/// </summary>
public abstract class IngestTestBase : IAsyncLifetime
{
    protected SightlineServer Server { get; private set; } = null!;

    protected HttpClient Reader { get; private set; } = null!;

    protected HttpClient Importer { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SightlineServer.StartAsync(loadDemo: false);
        Reader = Server.Client();
        Importer = Server.Client(Server.Token(roles: ["Sightline.Ingest"]));
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
