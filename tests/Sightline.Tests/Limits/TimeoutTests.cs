using System.Net;
using Sightline.Auth;
using Sightline.Limits;
using Sightline.Tests.Support;

namespace Sightline.Tests.Limits;

public sealed class TimeoutTests
{
    [Fact]
    public async Task A_request_that_runs_past_its_time_limit_is_cancelled_and_answers_504()
    {
        await using var server = await SightlineServer.StartAsync(loadDemo: false,
            settings: s => s with { Limits = s.Limits with { IngestTimeout = TimeSpan.FromMilliseconds(200) } });
        using var client = server.Client(server.Token(roles: [Permissions.Ingest]));
        using var body = new StalledContent();

        using var response = await client.PostAsync("/ingest/cof", body);

        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Contains("\"GatewayTimeout\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await client.GetJsonAsync("/healthz");
    }

    [Fact]
    public async Task A_graph_read_blocked_in_the_store_past_its_time_limit_answers_504_on_postgres()
    {
        if (SightlineServer.PostgresBase is null)
        {
            return; // SQLite readers are not blocked by a writer in WAL mode: only PostgreSQL can hold a read here.
        }
        await using var server = await SightlineServer.StartAsync(loadDemo: false,
            settings: s => s with { Limits = s.Limits with { RequestTimeout = TimeSpan.FromMilliseconds(300) } });
        await using var connection = new Npgsql.NpgsqlConnection(server.Store.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var command = new Npgsql.NpgsqlCommand("LOCK TABLE \"Articles\" IN ACCESS EXCLUSIVE MODE", connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        using var client = server.Client();
        Assert.Equal("GatewayTimeout", await client.GetErrorAsync(Graph.Root + "/articles", 504));
    }

    /// <summary>A request body that sends a few bytes and then nothing, until the request is over.</summary>
    private sealed class StalledContent : HttpContent
    {
        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) =>
            await SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context, CancellationToken cancellationToken)
        {
            await stream.WriteAsync("{\"rrname\":"u8.ToArray(), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            using var cap = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            cap.CancelAfter(TimeSpan.FromSeconds(30));
            try
            {
                await Task.Delay(Timeout.Infinite, cap.Token);
            }
            catch (OperationCanceledException)
            {
                // The server answered or gave up; the body ends here.
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
