using System.Globalization;

namespace Sightline.Bench;

/// <summary>What the machine is, read from <c>/proc</c>, for the reports.</summary>
internal static class MachineInfo
{
    public static string CpuModel() => ProcValue("/proc/cpuinfo", "model name") ?? "unknown CPU";

    public static string MemTotal() =>
        ProcValue("/proc/meminfo", "MemTotal") is { } total
        && long.TryParse(total.Split(' ')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kib)
            ? string.Create(CultureInfo.InvariantCulture, $"{kib / 1024.0 / 1024.0:F1} GiB")
            : "unknown";

    private static string? ProcValue(string file, string key)
    {
        try
        {
            return File.ReadLines(file)
                .Where(l => l.StartsWith(key, StringComparison.Ordinal) && l.Contains(':', StringComparison.Ordinal))
                .Select(l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
                .FirstOrDefault();
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The 1, 5 and 15 minute load averages: other work on the machine skews every number here.</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "n/a";
        }
    }

    public static void Log(string message) =>
        Console.Error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss}] {message}"));
}
