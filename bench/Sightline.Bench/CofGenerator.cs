using System.Globalization;
using System.Text;

namespace Sightline.Bench;

/// <summary>
/// Deterministic passive DNS in the Common Output Format with a realistic long tail: a few names resolve to very
/// many answers (fast-flux and CDN fronts), most to one or two. Same seed and count, same file.
/// </summary>
internal static class CofGenerator
{
    private const long Start = 1_704_067_200; // 2024-01-01T00:00:00Z

    public static async Task WriteAsync(string path, int records, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var names = Math.Max(1, records / 3);
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        var line = new StringBuilder(256);
        for (var i = 0; i < records; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Half the records belong to the 0.1% heaviest names; the rest spread over all names.
            var name = random.NextDouble() < 0.5 ? random.Next(Math.Max(1, names / 1000)) : random.Next(names);
            var (type, rdata) = Answer(random, i);
            var first = Start + random.Next(0, 600 * 86_400);
            var last = first + random.Next(0, 90 * 86_400);
            line.Clear();
            line.Append(CultureInfo.InvariantCulture, $"{{\"rrname\":\"h{name}.d{name % 20_000}.example{name % 7}.com\",\"rrtype\":\"{type}\",\"rdata\":\"{rdata}\",");
            line.Append(CultureInfo.InvariantCulture, $"\"time_first\":{first},\"time_last\":{last},\"count\":{1 + random.Next(500)},\"sensor_id\":\"bench\"}}");
            await writer.WriteLineAsync(line, cancellationToken);
        }
    }

    private static (string Type, string Rdata) Answer(Random random, int i) => random.Next(20) switch
    {
        < 14 => ("A", $"{11 + random.Next(200)}.{random.Next(256)}.{random.Next(256)}.{1 + random.Next(254)}"),
        < 16 => ("AAAA", string.Create(CultureInfo.InvariantCulture, $"2001:db8:{random.Next(65536):x}::{i >> 16:x}:{i & 0xffff:x}")),
        < 18 => ("CNAME", $"edge{random.Next(5000)}.cdn{random.Next(50)}.example.net"),
        < 19 => ("NS", $"ns{random.Next(4)}.dns{random.Next(500)}.example.org"),
        _ => ("MX", $"10 mx{random.Next(3)}.mail{random.Next(2000)}.example.org"),
    };
}
