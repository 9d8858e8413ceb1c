using System.Globalization;
using System.Text;
using static Sightline.Tests.Import.CofFiles;

namespace Sightline.Tests.Crash;

/// <summary>
/// A deterministic passive DNS input in many batches in which every observation comes back in later batches with
/// other times and counts (so a batch stored twice, or half, would show in the merged rows), with PTR answers and
/// names below registrable domains (so batches also write derived hosts and subdomains).
/// </summary>
public static class CrashInput
{
    public const int Names = 4_000;

    public static string Name(int j) => $"w{j}.d{j % 300}.example";

    public static string Address(int j) => $"198.18.{j / 250}.{j % 250}";

    public static string[] Lines(int count)
    {
        var lines = new string[count];
        for (var i = 0; i < count; i++)
        {
            var j = i % Names;
            var first = T1 + (i * 7919L % 86_400) * 60;
            var last = first + (i % 97) * 3600;
            var count1 = 1 + (i % 5);
            lines[i] = (i % 10) switch
            {
                3 => Line(string.Join('.', Address(j).Split('.').Reverse()) + ".in-addr.arpa", "PTR", Name(j), first, last, count1),
                7 => Line(Name(j), "AAAA", "2001:db8::" + j.ToString("x", CultureInfo.InvariantCulture), first, last, count1),
                _ => Line(Name(j), "A", Address(j), first, last, count1),
            };
        }
        return lines;
    }

    public static byte[] Bytes(IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            text.Append(line).Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
