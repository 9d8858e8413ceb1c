using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Sightline.Auth;
using Sightline.Data;
using Sightline.Tests.Support;

namespace Sightline.Tests.Crash;

/// <summary>
/// The real server, <c>dotnet Sightline.dll serve</c>, as a child process on a data folder (and store) that
/// outlives it, so that it can be killed with SIGKILL and started again on the same data.
/// </summary>
public sealed class ServerProcess : IDisposable
{
    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(120);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _lock = new();

    private ServerProcess(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseUri { get; }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_lock)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts <c>serve --no-demo</c> on the folder and store and waits until <c>/healthz</c> answers 200.</summary>
    public static async Task<ServerProcess> StartAsync(string dataDir, StoreOptions store)
    {
        var baseUri = new Uri($"http://127.0.0.1:{FreePort()}");
        string[] args = ["serve", "--urls", baseUri.ToString().TrimEnd('/'), "--data-dir", dataDir, "--no-demo", "--rate-limit", "0", "--audit", "off",
            .. store.IsPostgres ? new[] { "--postgres", store.ConnectionString } : []];
        var info = SightlineCli.StartInfo(args);
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var server = new ServerProcess(Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start"), baseUri);
        using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(10) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < _startTimeout)
        {
            Assert.False(server.HasExited, $"serve exited early. {server.Output}");
            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return server;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(100);
        }
        server.Kill();
        throw new TimeoutException($"serve did not answer /healthz within {_startTimeout.TotalSeconds} s. {server.Output}");
    }

    public HttpClient Client(string dataDir, params string[] roles)
    {
        var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(600) };
        var token = LocalTokens.Create(SigningKey.LoadOrCreate(dataDir), TimeSpan.FromHours(1), roles: roles.Length > 0 ? roles : null);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>SIGKILL (on Linux <see cref="Process.Kill(bool)"/> sends it to every process of the tree): no shutdown code runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.WaitForExit(30_000);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            lock (_lock)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
