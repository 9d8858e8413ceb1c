using System.Text.Json;

namespace Sightline.Data.Demo;

/// <summary>Reads the public data files embedded from <c>Demo/data</c> (resource names <c>demo/folder/file</c>).</summary>
internal static class DemoResources
{
    private const string Prefix = "demo/";

    public static IReadOnlyList<string> Names(string folder, string extension)
    {
        var start = Prefix + folder + "/";
        return typeof(DemoDataset).Assembly.GetManifestResourceNames()
            .Select(n => n.Replace('\\', '/'))
            .Where(n => n.StartsWith(start, StringComparison.Ordinal) && n.EndsWith(extension, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public static JsonDocument Json(string name)
    {
        using var stream = Open(name);
        return JsonDocument.Parse(stream);
    }

    public static byte[] Bytes(string name)
    {
        using var stream = Open(name);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public static string Text(string name)
    {
        using var stream = Open(name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static Stream Open(string name)
    {
        var assembly = typeof(DemoDataset).Assembly;
        var fullName = name.StartsWith(Prefix, StringComparison.Ordinal) ? name : Prefix + name;
        return assembly.GetManifestResourceStream(fullName)
            ?? assembly.GetManifestResourceStream(fullName.Replace('/', '\\'))
            ?? throw new InvalidOperationException($"Missing embedded demo resource '{fullName}'.");
    }
}
