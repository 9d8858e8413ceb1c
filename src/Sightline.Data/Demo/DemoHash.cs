using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Sightline.Data.Demo;

/// <summary>Deterministic "randomness": every value is derived from the SHA-256 of a fixed key.</summary>
internal static class DemoHash
{
    public static byte[] Bytes(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>64 lower-case hex characters.</summary>
    public static string Hex(string key) => Convert.ToHexStringLower(Bytes(key));

    /// <summary>Lower-case hex of the given length (up to 128 characters).</summary>
    public static string Hex(string key, int length) =>
        (Hex(key) + Hex(key + "#2")).Substring(0, length);

    public static int Int(string key, int maxExclusive) =>
        (int)(BinaryPrimitives.ReadUInt32BigEndian(Bytes(key)) % (uint)maxExclusive);

    public static int Range(string key, int minInclusive, int maxInclusive) =>
        minInclusive + Int(key, maxInclusive - minInclusive + 1);

    public static T Pick<T>(string key, IReadOnlyList<T> items) => items[Int(key, items.Count)];

    public static bool Chance(string key, int percent) => Int(key, 100) < percent;
}
