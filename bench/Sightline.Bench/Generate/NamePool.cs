using System.Globalization;
using System.Text;

namespace Sightline.Bench.Generate;

/// <summary>
/// Registrable domains and public IPv4 addresses as pure functions of (seed, index): no table is held, so a pool of
/// ten million names costs no memory and index i names the same host in every format and at every dataset size.
/// Domain labels are pronounceable syllables that encode a bijective scramble of the index (so they never collide),
/// some with a word in front, spread over common public suffixes (multi-label ones like <c>co.uk</c> included, so
/// the Public Suffix List matters). Low indices are the heavy hosts of every format's long tail.
/// </summary>
internal sealed class NamePool(int seed)
{
    /// <summary>Domains are distinct for indices below this (a 24-bit scramble).</summary>
    public const int MaxDomains = 1 << 24;

    private const string Consonants = "bcdfghklmnprstvz";
    private const string Vowels = "aeiou";

    private static readonly string[] _words =
    [
        "blue", "north", "bright", "cloud", "data", "secure", "pixel", "river", "stone", "swift", "logic", "atlas", "nova",
        "delta", "echo", "harbor", "summit", "prime", "vertex", "lumen", "orbit", "cedar", "maple", "quartz", "ember",
        "falcon", "granite", "iron", "jade", "kite", "lotus", "meadow", "nimbus", "onyx", "pine", "raven", "sierra",
        "market", "travel", "health", "media", "shop", "labs", "login", "pay", "mail", "news", "home", "tech",
    ];

    private static readonly string[] _suffixes = Weighted(
        ("com", 46), ("net", 8), ("org", 6), ("io", 4), ("de", 5), ("co.uk", 4), ("ru", 4), ("info", 3), ("xyz", 4),
        ("top", 3), ("online", 2), ("com.br", 3), ("fr", 3), ("nl", 2), ("co.jp", 3));

    // Public /8 blocks (no private, loopback, multicast, CGNAT or documentation ranges).
    private static readonly int[] _firstOctets =
    [
        3, 5, 13, 20, 23, 31, 34, 35, 37, 40, 45, 46, 47, 51, 52, 54, 62, 64, 66, 69, 74, 77, 78, 80, 81, 82, 85, 87, 88,
        89, 91, 93, 94, 95, 104, 107, 109, 128, 130, 138, 141, 142, 144, 146, 149, 151, 152, 154, 157, 158, 159, 162, 163,
        164, 167, 168, 173, 176, 178, 185, 188, 193, 194, 195, 199, 204, 205, 207, 208, 209, 212, 213, 216, 217,
    ];

    private static readonly string[] _v6Prefixes = ["2a01:4f8", "2606:4700", "2a00:1450", "2600:1f18", "2a02:26f0", "2001:41d0", "2400:cb00", "2a03:2880"];

    private readonly ulong _key = Mix((ulong)(uint)seed ^ 0x5bd1e995UL);

    /// <summary>A stable 64-bit value for (seed, purpose, index), for choices that must not depend on draw order.</summary>
    public ulong Hash(string purpose, long index)
    {
        var h = _key;
        foreach (var c in purpose)
        {
            h = Mix(h ^ c);
        }
        return Mix(h ^ (ulong)index);
    }

    public string Domain(int index)
    {
        var h = Hash("domain", index);
        var label = Syllables(Scramble((uint)index & (MaxDomains - 1)));
        if (h % 10 < 3)
        {
            label = _words[(int)((h >> 8) % (ulong)_words.Length)] + "-" + label;
        }
        return label + "." + _suffixes[(int)((h >> 32) % (ulong)_suffixes.Length)];
    }

    /// <summary>A public IPv4 address; distinct indices may rarely share one (a shared hosting address, which is realistic).</summary>
    public string Address(int index)
    {
        var h = Hash("address", index);
        return string.Create(CultureInfo.InvariantCulture,
            $"{_firstOctets[(int)(h % (ulong)_firstOctets.Length)]}.{(h >> 8) & 255}.{(h >> 16) & 255}.{1 + ((h >> 24) % 254)}");
    }

    /// <summary>An IPv6 address under a few large hosting prefixes.</summary>
    public string Ipv6(int index)
    {
        var h = Hash("ipv6", index);
        return string.Create(CultureInfo.InvariantCulture,
            $"{_v6Prefixes[(int)(h % (ulong)_v6Prefixes.Length)]}:{(h >> 8) & 0xffff:x}::{1 + ((h >> 24) & 0xfffe):x}");
    }

    /// <summary>A bijection of [0, 2^24): odd multiplications and xor-shifts, keyed by the seed.</summary>
    private uint Scramble(uint x)
    {
        const uint mask = MaxDomains - 1;
        x = (x ^ (uint)_key) & mask;
        x = (x * 0x9E3779u) & mask;
        x ^= x >> 12;
        x = (x * 0x5A2C35u) & mask;
        x ^= x >> 11;
        return x;
    }

    /// <summary>The number in base 80 as consonant-vowel syllables, at least two of them.</summary>
    private static string Syllables(uint value)
    {
        var text = new StringBuilder(10);
        do
        {
            var digit = (int)(value % 80);
            text.Append(Consonants[digit / 5]).Append(Vowels[digit % 5]);
            value /= 80;
        }
        while (value > 0 || text.Length < 4);
        return text.ToString();
    }

    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static string[] Weighted(params (string Value, int Weight)[] items) =>
        [.. items.SelectMany(i => Enumerable.Repeat(i.Value, i.Weight))];
}
