using System.Diagnostics;

namespace Sightline.Tests.Support;

/// <summary>Runs the real executable (<c>dotnet Sightline.dll ...</c>) as a child process.</summary>
public static class SightlineCli
{
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "Sightline.dll");

    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        return info;
    }

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(TimeSpan timeout, params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"sightline {string.Join(' ', args)} did not finish within {timeout.TotalSeconds} s");
        }
        return (process.ExitCode, await stdout, await stderr);
    }
}
