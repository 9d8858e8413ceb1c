namespace Sightline.Tests.Metadata;

/// <summary>
/// The read-only reference material kept next to the repository (<c>../shared</c>). Found through the
/// <c>SIGHTLINE_SHARED</c> environment variable when set, otherwise by walking up from the test binaries.
/// </summary>
public static class SharedReference
{
    public const string EnvironmentVariable = "SIGHTLINE_SHARED";

    private const string CsdlRelativePath = "graph/threat-intelligence.csdl.xml";

    public static string CsdlPath => Locate(CsdlRelativePath);

    public static string Locate(string relativePath)
    {
        var tried = new List<string>();
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } configured)
        {
            var candidate = Path.GetFullPath(Path.Combine(configured, relativePath));
            if (File.Exists(candidate))
            {
                return candidate;
            }
            tried.Add(candidate);
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
            tried.Add(candidate);
        }
        throw new FileNotFoundException(
            $"The shared reference file '{relativePath}' was not found. Set {EnvironmentVariable} to the shared folder. Tried:\n  " + string.Join("\n  ", tried));
    }
}
