using System.Globalization;
using System.Text;

namespace Sightline.Bench.Generate;

/// <summary>
/// Passive DNS in the Common Output Format (NDJSON) with a long tail at both ends: a few owner names carry very
/// many records (the heaviest about 1.4% of them) while most carry one or two, and most names resolve to one of a
/// few stable answers (seen again: a merge) while some flux over a large pool of addresses. Answers are A (68%),
/// AAAA (10%), CNAME (12%), NS (5%) and MX (5%); NS and MX are written on the zone apex.
/// </summary>
internal static class CofWriter
{
    private const long Start = 1_704_067_200; // 2024-01-01T00:00:00Z

    private static readonly string[] _labels =
    [
        "mail", "api", "cdn", "m", "login", "static", "vpn", "portal", "app", "img", "shop", "blog", "dev", "support", "auth",
        "secure", "smtp", "webmail", "assets", "id",
    ];

    /// <summary>The owner names: a third of the record count. Exposed so other formats can name the same hosts.</summary>
    public static int OwnerNames(long records) => (int)Math.Clamp(records / 3, 1, int.MaxValue);

    /// <summary>The registrable domains those names fall under: a third of the owner names.</summary>
    public static int Domains(long records) => Math.Clamp(OwnerNames(records) / 3, 1, NamePool.MaxDomains);

    public static async Task<long> WriteAsync(string path, long records, NamePool pool, int seed, CancellationToken cancellationToken)
    {
        var random = Seeded.For(seed, "cof");
        var names = OwnerNames(records);
        var domains = Domains(records);
        var addresses = Math.Max(1, (int)Math.Min(records / 4, int.MaxValue));
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        var line = new StringBuilder(256);
        for (long i = 0; i < records; i++)
        {
            if ((i & 0xffff) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
            var owner = random.LongTail(names);
            var (domain, name) = OwnerName(pool, owner, domains);
            var (type, rdata) = Answer(random, pool, owner, addresses);
            if (type is "NS" or "MX")
            {
                name = domain;
            }
            var first = Start + random.Next(0, 700 * 86_400);
            var last = random.Chance(0.3) ? first : first + random.Next(1, 120 * 86_400);
            // Pareto-like counts: median 2, one in forty above 100, a few in ten thousand above 10,000.
            var count = (long)Math.Min(10_000_000, Math.Pow(1 - random.NextDouble(), -1.25));
            line.Clear();
            line.Append(CultureInfo.InvariantCulture, $"{{\"rrname\":\"{name}\",\"rrtype\":\"{type}\",\"rdata\":\"{rdata}\",");
            line.Append(CultureInfo.InvariantCulture, $"\"time_first\":{first},\"time_last\":{last},\"count\":{count},\"sensor_id\":\"sensor-{1 + random.Next(8)}\"}}");
            await writer.WriteLineAsync(line, cancellationToken);
        }
        await writer.FlushAsync(cancellationToken);
        return records;
    }

    /// <summary>Owner name <paramref name="index"/>: its registrable domain (long-tailed, so big zones have many names) and the name.</summary>
    public static (string Domain, string Name) OwnerName(NamePool pool, int index, int domains)
    {
        var h = pool.Hash("owner", index);
        var u = (h >> 11) * (1.0 / (1UL << 53));
        var domain = pool.Domain(Math.Min(domains - 1, (int)(domains * u * u * u)));
        var label = (h & 127) switch
        {
            < 32 => null,
            < 70 => "www",
            < 110 => _labels[(int)((h >> 7) % (ulong)_labels.Length)],
            < 120 => string.Create(CultureInfo.InvariantCulture, $"s{(h >> 7) % 1000}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"x{(h >> 7) & 0xffffffff:x8}"),
        };
        return (domain, label is null ? domain : label + "." + domain);
    }

    private static (string Type, string Rdata) Answer(Random random, NamePool pool, int owner, int addresses)
    {
        var draw = random.Next(100);
        // Most names answer with one of three addresses of their own; the rest draw from the shared, long-tailed pool.
        int Stable(string purpose, int range) => (int)(pool.Hash(purpose, ((long)owner * 4) + random.Next(3)) % (ulong)range);
        return draw switch
        {
            < 68 => ("A", pool.Address(random.Chance(0.75) ? Stable("a", addresses) : random.LongTail(addresses))),
            < 78 => ("AAAA", pool.Ipv6(random.Chance(0.75) ? Stable("aaaa", addresses) : random.LongTail(addresses))),
            < 90 => ("CNAME", string.Create(CultureInfo.InvariantCulture, $"e{random.Next(5000)}.cdn.{pool.Domain(random.LongTail(200))}")),
            < 95 => ("NS", string.Create(CultureInfo.InvariantCulture, $"ns{1 + random.Next(4)}.{pool.Domain(random.LongTail(500))}")),
            _ => ("MX", string.Create(CultureInfo.InvariantCulture, $"10 mx{1 + random.Next(2)}.{pool.Domain(random.LongTail(300))}")),
        };
    }
}
