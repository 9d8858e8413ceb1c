namespace Sightline.Bench.Generate;

/// <summary>
/// Seeded randomness for the generators. Each format draws from its own stream (seed and format name), so adding
/// records to one format never changes another, and the same seed always gives the same files.
/// </summary>
internal static class Seeded
{
    /// <summary>A generator for one purpose under a seed; the name is hashed with FNV-1a (stable across runs, unlike string.GetHashCode).</summary>
    public static Random For(int seed, string purpose) => new(unchecked((int)(Stable(purpose) ^ ((uint)seed * 2654435761u))) & int.MaxValue);

    /// <summary>FNV-1a of the text: the same in every process (string.GetHashCode is randomised per process).</summary>
    public static uint Stable(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return hash;
    }

    /// <summary>
    /// An index in [0, count) with a long tail: index = count * u^3 for uniform u, so the first name gets about
    /// count^(-1/3) of all draws (1.4% of them for 333,333 names), the first 0.1% of names get 10%, and the last
    /// half of the names share about 21%, one or two draws each.
    /// </summary>
    public static int LongTail(this Random random, int count)
    {
        var u = random.NextDouble();
        return Math.Min(count - 1, (int)(count * u * u * u));
    }

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>True with the given probability.</summary>
    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;
}
