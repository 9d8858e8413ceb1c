namespace Sightline.Data.Ingestion;

/// <summary>The formats Sightline imports, by name, and how a format is recognised when none is given.</summary>
public static class Importers
{
    private static readonly Dictionary<string, Func<IImporter>> _byName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cof"] = () => new PassiveDnsImporter(),
    };

    public static IEnumerable<string> Names => _byName.Keys.Order(StringComparer.Ordinal);

    public static IImporter? Find(string format) => _byName.TryGetValue(format, out var create) ? create() : null;

    /// <summary>Guesses the format from the file name and the first bytes of the content.</summary>
    public static string? Detect(string fileName, ReadOnlySpan<byte> head)
    {
        var text = System.Text.Encoding.UTF8.GetString(head).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is ".cof" || (text.StartsWith('{') && text.Contains("\"rrname\"", StringComparison.Ordinal)))
        {
            return "cof";
        }
        return null;
    }
}
