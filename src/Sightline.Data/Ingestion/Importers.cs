using System.Reflection;

namespace Sightline.Data.Ingestion;

/// <summary>
/// The formats Sightline imports: every <see cref="IImporter"/> in this assembly, found once by reflection so a new
/// format is one new class. When no format is named, the first importer that recognises the input takes it.
/// </summary>
public static class Importers
{
    private static readonly IReadOnlyList<IImporter> _all = typeof(Importers).Assembly.GetTypes()
        .Where(t => typeof(IImporter).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .Select(t => (IImporter)Activator.CreateInstance(t, nonPublic: true)!)
        .OrderBy(i => i.Format, StringComparer.Ordinal)
        .ToList();

    public static IEnumerable<string> Names => _all.Select(i => i.Format);

    /// <summary>A fresh importer for a format name (importers keep no state between imports, but are cheap to make).</summary>
    public static IImporter? Find(string format) =>
        _all.FirstOrDefault(i => string.Equals(i.Format, format, StringComparison.OrdinalIgnoreCase)) is { } found
            ? (IImporter)Activator.CreateInstance(found.GetType(), nonPublic: true)!
            : null;

    /// <summary>Guesses the format from the file name and the first bytes of the content.</summary>
    public static string? Detect(string fileName, ReadOnlySpan<byte> head)
    {
        var text = System.Text.Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return _all.FirstOrDefault(i => i.Recognises(extension, text))?.Format;
    }
}
