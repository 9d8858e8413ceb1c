using System.Runtime.CompilerServices;
using System.Text;
using Sightline.Parsers.Common;
using Sightline.Parsers.Har;

namespace Sightline.Parsers.Tests.Har;

/// <summary>Fixture HAR files beside this source file (found through the compiler-recorded path), and helpers.</summary>
internal static class HarFixtures
{
    public static string Path(string name, [CallerFilePath] string here = "") =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(here)!, "Fixtures", name);

    public static List<Parsed<HarObservation>> ReadFile(string name)
    {
        using var stream = File.OpenRead(Path(name));
        return [.. HarReader.Read(stream)];
    }

    public static List<Parsed<HarObservation>> ReadText(string json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return [.. HarReader.Read(stream)];
    }

    public static List<T> Only<T>(this IEnumerable<Parsed<HarObservation>> items) where T : HarObservation =>
        [.. items.Where(i => !i.IsError).Select(i => i.Record).OfType<T>()];

    /// <summary>A HAR document holding <paramref name="entries"/> (raw JSON).</summary>
    public static string Document(params string[] entries) =>
        "{\"log\":{\"version\":\"1.2\",\"entries\":[" + string.Join(",", entries) + "]}}";

    /// <summary>A minimal valid entry, for malformed-input tests.</summary>
    public static string Entry(string url, string started = "2024-03-05T10:15:30Z", string extraHeaders = "") =>
        "{\"startedDateTime\":\"" + started + "\",\"request\":{\"method\":\"GET\",\"url\":\"" + url + "\",\"headers\":[]}," +
        "\"response\":{\"status\":200,\"headers\":[{\"name\":\"Server\",\"value\":\"nginx/1.18.0\"}" + extraHeaders + "]," +
        "\"content\":{\"mimeType\":\"text/plain\"}}}";
}
