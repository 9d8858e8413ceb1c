namespace Sightline.Parsers.Tests.Support;

/// <summary>
/// The read-only reference data next to the repository (<c>../shared/data</c>), found by walking up from the
/// test assembly, or named by <c>SIGHTLINE_SHARED</c>.
/// </summary>
public static class SharedData
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, "data", .. parts]);

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("SIGHTLINE_SHARED") is { Length: > 0 } named && Directory.Exists(named))
        {
            return named;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { System.IO.Path.Combine(dir.FullName, "shared"), System.IO.Path.Combine(dir.FullName, "..", "shared") })
            {
                if (Directory.Exists(System.IO.Path.Combine(candidate, "data")))
                {
                    return System.IO.Path.GetFullPath(candidate);
                }
            }
        }
        throw new DirectoryNotFoundException("The shared reference folder was not found next to the repository; set SIGHTLINE_SHARED.");
    }
}
