using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Sightline.Bench;

/// <summary>
/// The real server as a child process (<c>dotnet Sightline.dll serve</c>) on a free loopback port and a fresh
/// temp data folder. Disposing kills its process tree and deletes the folder.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private const int _keptLines = 40;
    private readonly Process _process;
    private readonly Queue<string> _lastLines = new();
    private readonly Lock _linesLock = new();
    private int _stderrLines;

    private readonly bool _keepData;

    private ServerProcess(Process process, string dataDir, Uri baseUri, bool keepData)
    {
        _keepData = keepData;
        _process = process;
        DataDir = dataDir;
        BaseUri = baseUri;
    }

    public string DataDir { get; }
    public Uri BaseUri { get; }
    public int Pid => _process.Id;
    public bool HasExited => _process.HasExited;

    /// <summary>Lines the server wrote to stderr so far.</summary>
    public int StderrLines => Volatile.Read(ref _stderrLines);

    public string RecentOutput
    {
        get
        {
            lock (_linesLock)
            {
                return string.Join(Environment.NewLine, _lastLines);
            }
        }
    }

    /// <param name="serveArgs">More options for <c>serve</c> (such as <c>--rate-limit</c>).</param>
    public static ServerProcess Start(BenchSettings settings, IEnumerable<string>? serveArgs = null)
    {
        var keep = settings.DataDir is not null;
        var dataDir = settings.DataDir ?? Path.Combine(Path.GetTempPath(), "sightline-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        try
        {
            var baseUri = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{FreePort()}"));
            var info = new ProcessStartInfo(settings.Dotnet)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            // No throttling: one client token sends every measured request.
            foreach (var arg in new[] { settings.ServerDll, "serve", "--urls", baseUri.ToString().TrimEnd('/'), "--data-dir", dataDir, "--rate-limit", "0" })
            {
                info.ArgumentList.Add(arg);
            }
            if (settings.Floor)
            {
                info.ArgumentList.Add("--bench-floor");
            }
            if (settings.Postgres is { } connection)
            {
                info.ArgumentList.Add("--postgres");
                info.ArgumentList.Add(connection);
            }
            foreach (var arg in serveArgs ?? [])
            {
                info.ArgumentList.Add(arg);
            }
            info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            info.Environment["DOTNET_NOLOGO"] = "1";
            var process = new Process { StartInfo = info };
            var server = new ServerProcess(process, dataDir, baseUri, keep);
            process.OutputDataReceived += (_, e) => server.Keep(e.Data, isError: false);
            process.ErrorDataReceived += (_, e) => server.Keep(e.Data, isError: true);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return server;
        }
        catch
        {
            if (!keep)
            {
                DeleteFolder(dataDir);
            }
            throw;
        }
    }

    /// <summary>Polls <c>GET /v1.0/$metadata</c> until it answers 200; fails if the process exits or the time runs out.</summary>
    public async Task WaitUntilAnsweringAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = Stopwatch.StartNew();
        string last = "no answer yet";
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new BenchException(string.Create(CultureInfo.InvariantCulture,
                    $"The server exited with code {_process.ExitCode} before answering.{Environment.NewLine}{RecentOutput}"));
            }
            try
            {
                using var response = await http.GetAsync("/v1.0/$metadata", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
                last = string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode}");
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = "a request timed out";
            }
            await Task.Delay(50, cancellationToken);
        }
        throw new BenchException(string.Create(CultureInfo.InvariantCulture,
            $"The server did not answer $metadata within {timeout.TotalSeconds} s (last: {last}).{Environment.NewLine}{RecentOutput}"));
    }

    /// <summary>Runs <c>dotnet Sightline.dll token --data-dir DIR [--subject S]</c> and returns the JWT it prints.</summary>
    public async Task<string> MintTokenAsync(BenchSettings settings, CancellationToken cancellationToken, string? subject = null)
    {
        var info = new ProcessStartInfo(settings.Dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in subject is null
            ? new[] { settings.ServerDll, "token", "--data-dir", DataDir }
            : [settings.ServerDll, "token", "--data-dir", DataDir, "--subject", subject])
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info) ?? throw new BenchException("Could not start the token command.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            var token = (await stdout).Trim();
            if (process.ExitCode != 0 || token.Split('.').Length != 3)
            {
                var errors = await stderr;
                throw new BenchException(string.Create(CultureInfo.InvariantCulture,
                    $"The token command failed (exit {process.ExitCode}): {token} {errors}"));
            }
            return token;
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }

    /// <summary>A field of <c>/proc/PID/status</c> in KiB (such as <c>VmRSS</c> or <c>VmHWM</c>), or null if unreadable.</summary>
    public long? ReadStatusKib(string field)
    {
        try
        {
            foreach (var line in File.ReadLines(string.Create(CultureInfo.InvariantCulture, $"/proc/{_process.Id}/status")))
            {
                if (line.StartsWith(field + ":", StringComparison.Ordinal))
                {
                    var number = line[(field.Length + 1)..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                    return long.Parse(number, NumberStyles.None, CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"warning: the server (pid {_process.Id}) did not exit within 15 s of being killed."));
        }
        finally
        {
            _process.Dispose();
            if (!_keepData)
            {
                DeleteFolder(DataDir);
            }
        }
    }

    private void Keep(string? line, bool isError)
    {
        if (line is null)
        {
            return;
        }
        if (isError)
        {
            Interlocked.Increment(ref _stderrLines);
        }
        lock (_linesLock)
        {
            _lastLines.Enqueue(isError ? "stderr: " + line : line);
            while (_lastLines.Count > _keptLines)
            {
                _lastLines.Dequeue();
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void DeleteFolder(string dir)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, recursive: true);
                }
                return;
            }
            catch (IOException) when (attempt < 4)
            {
                Thread.Sleep(200);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"warning: could not delete {dir}: {e.Message}");
                return;
            }
        }
    }
}

internal sealed class BenchException(string message) : Exception(message);
