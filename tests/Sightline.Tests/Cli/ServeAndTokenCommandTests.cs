using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sightline.Tests.Support;

namespace Sightline.Tests.Cli;

/// <summary>The real executable: <c>dotnet Sightline.dll serve</c> and <c>token</c> as child processes, over real HTTP.</summary>
public sealed partial class ServeAndTokenCommandTests
{
    private static readonly TimeSpan _startTimeout = TimeSpan.FromSeconds(60);

    private static string SightlineDll => Path.Combine(AppContext.BaseDirectory, "Sightline.dll");

    [Fact]
    public async Task Serve_prints_its_url_and_a_token_and_both_it_and_the_token_command_tokens_are_accepted()
    {
        Assert.True(File.Exists(SightlineDll), $"Sightline.dll is not next to the test assembly: {SightlineDll}");
        var dataDir = Path.Combine(Path.GetTempPath(), "sightline-tests", "cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        using var server = Start("serve", "--urls", baseUrl, "--data-dir", dataDir, "--no-demo");
        try
        {
            var output = new ProcessOutput(server);
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(10) };
            await WaitUntilAnsweringAsync(server, output, http);
            var banner = await output.WaitForAsync(JwtLine(), _startTimeout);
            Assert.True(banner is not null, $"serve printed no bearer token within {_startTimeout.TotalSeconds} s. {output}");

            var stdout = output.Stdout;
            Assert.Contains($"Sightline is listening on {baseUrl}", stdout, StringComparison.Ordinal);
            Assert.Contains($"Graph base URL: {baseUrl}/v1.0", stdout, StringComparison.Ordinal);
            Assert.Contains(dataDir, stdout, StringComparison.Ordinal);
            var servedToken = JwtLine().Match(stdout).Groups["jwt"].Value;
            // The portal's sign-in link carries the same token in its fragment, and the portal is served at '/'.
            Assert.Contains($"{baseUrl}/#/signin?token={servedToken}", stdout, StringComparison.Ordinal);
            using (var portal = await http.GetAsync("/"))
            {
                Assert.Equal(HttpStatusCode.OK, portal.StatusCode);
                Assert.Contains("<script type=\"module\" src=\"js/app.js\">", await portal.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }

            var minted = await RunToExitAsync(TimeSpan.FromSeconds(30), "token", "--data-dir", dataDir);
            var mintedMatch = JwtLine().Match(minted);
            Assert.True(mintedMatch.Success, $"the token command printed no token: '{minted}'");
            var mintedToken = mintedMatch.Groups["jwt"].Value;
            Assert.NotEqual(servedToken, mintedToken);

            foreach (var token in new[] { servedToken, mintedToken })
            {
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

                var articles = await http.GetJsonAsync($"{Graph.Root}/articles");
                Assert.Empty(articles.Values());
                Assert.EndsWith("/v1.0/$metadata#security/threatIntelligence/articles", articles.GetProperty("@odata.context").GetString(), StringComparison.Ordinal);

                Assert.Equal("itemNotFound", await http.GetErrorAsync($"{Graph.Root}/hosts/unknown-host.example", 404));
            }

            http.DefaultRequestHeaders.Authorization = null;
            using var anonymous = await http.GetAsync($"{Graph.Root}/articles");
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal("Bearer", anonymous.Headers.WwwAuthenticate.Single().Scheme);
            Assert.Equal("InvalidAuthenticationToken", await http.GetErrorAsync($"{Graph.Root}/articles", 401));

            Assert.False(server.HasExited, $"the server exited during the test. {output}");
        }
        finally
        {
            Stop(server);
            try
            {
                Directory.Delete(dataDir, recursive: true);
            }
            catch (IOException)
            {
                // Left for the temp folder's cleanup.
            }
        }
    }

    [Fact]
    public async Task Token_command_prints_one_signed_token_and_creates_the_signing_key_in_an_empty_data_folder()
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "sightline-tests", "cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            var output = await RunToExitAsync(TimeSpan.FromSeconds(30), "token", "--data-dir", dataDir);

            var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.Matches(JwtLine(), line);
            var header = JsonDocument.Parse(Base64Url(line.Split('.')[0])).RootElement;
            Assert.Equal("ES256", header.GetProperty("alg").GetString());
            Assert.True(File.Exists(Path.Combine(dataDir, "signing-key.pem")), "the token command did not create signing-key.pem");
        }
        finally
        {
            if (Directory.Exists(dataDir))
            {
                Directory.Delete(dataDir, recursive: true);
            }
        }
    }

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.ArgumentList.Add(SightlineDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
    }

    private static async Task<string> RunToExitAsync(TimeSpan timeout, params string[] args)
    {
        using var process = Start(args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Stop(process);
            Assert.Fail($"'Sightline {string.Join(' ', args)}' did not exit within {timeout.TotalSeconds} s");
        }
        Assert.True(process.ExitCode == 0, $"'Sightline {string.Join(' ', args)}' exited with {process.ExitCode}: {await stderr}");
        return await stdout;
    }

    private static async Task WaitUntilAnsweringAsync(Process server, ProcessOutput output, HttpClient http)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < _startTimeout)
        {
            Assert.False(server.HasExited, $"serve exited early with code {(server.HasExited ? server.ExitCode : 0)}. {output}");
            try
            {
                using var response = await http.GetAsync("/v1.0/$metadata");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        Assert.Fail($"serve did not answer within {_startTimeout.TotalSeconds} s. {output}");
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
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

    private static string Base64Url(string segment)
    {
        var s = segment.Replace('-', '+').Replace('_', '/');
        s = s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '=');
        return Encoding.UTF8.GetString(Convert.FromBase64String(s));
    }

    [GeneratedRegex(@"^(?:export TOKEN=)?(?<jwt>eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\r?$", RegexOptions.Multiline)]
    private static partial Regex JwtLine();

    /// <summary>Collects a running process's standard output and error as they are written.</summary>
    private sealed class ProcessOutput
    {
        private readonly StringBuilder _stdout = new();
        private readonly StringBuilder _stderr = new();
        private readonly Lock _lock = new();

        public ProcessOutput(Process process)
        {
            process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
            process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public string Stdout
        {
            get
            {
                lock (_lock)
                {
                    return _stdout.ToString();
                }
            }
        }

        public string Stderr
        {
            get
            {
                lock (_lock)
                {
                    return _stderr.ToString();
                }
            }
        }

        public async Task<string?> WaitForAsync(Regex pattern, TimeSpan timeout)
        {
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < timeout)
            {
                if (pattern.Match(Stdout) is { Success: true } match)
                {
                    return match.Value;
                }
                await Task.Delay(100);
            }
            return null;
        }

        public override string ToString() => $"stdout:\n{Stdout}\nstderr:\n{Stderr}";

        private void Append(StringBuilder target, string? line)
        {
            if (line is null)
            {
                return;
            }
            lock (_lock)
            {
                target.AppendLine(line);
            }
        }
    }
}
