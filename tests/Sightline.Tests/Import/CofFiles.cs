using System.Text;

namespace Sightline.Tests.Import;

/// <summary>Passive DNS inputs in the Common Output Format, written for the tests.</summary>
public static class CofFiles
{
    public const long T1 = 1_735_689_600; // 2025-01-01T00:00:00Z
    public const long T2 = 1_738_368_000; // 2025-02-01T00:00:00Z

    public static string Line(string name, string type, string rdata, long first = T1, long last = T2, long count = 1, string sensor = "s1") =>
        $"{{\"rrname\":\"{name}\",\"rrtype\":\"{type}\",\"rdata\":\"{rdata}\",\"time_first\":{first},\"time_last\":{last},\"count\":{count},\"sensor_id\":\"{sensor}\"}}";

    /// <summary><paramref name="count"/> distinct A records, one per line.</summary>
    public static string Generate(int count, int offset = 0)
    {
        var text = new StringBuilder();
        for (var i = offset; i < offset + count; i++)
        {
            text.AppendLine(Line($"host{i}.bulk.example", "A", $"198.18.{(i >> 8) & 255}.{i & 255}"));
        }
        return text.ToString();
    }

    public static string Write(string folder, string name, string content)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }
}
