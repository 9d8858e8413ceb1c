using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Numerics;

namespace Sightline.Data.Enrichment;

/// <summary>Addresses as unsigned integers and the aligned blocks (CIDR prefixes) around them.</summary>
internal static class Cidr
{
    public static uint ToUInt32(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[4];
        address.TryWriteBytes(bytes, out _);
        return BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    public static UInt128 ToUInt128(IPAddress address)
    {
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    /// <summary>
    /// The shortest prefix (the largest aligned block) that contains <paramref name="address"/> and lies wholly
    /// inside [<paramref name="start"/>, <paramref name="end"/>]; a range rarely is one CIDR block, so this is the
    /// block of the range the address is in.
    /// </summary>
    public static (T Network, int PrefixLength) LargestBlock<T>(T address, T start, T end)
        where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>
    {
        var width = T.AllBitsSet.GetByteCount() * 8;
        for (var prefix = 0; prefix < width; prefix++)
        {
            var mask = prefix == 0 ? T.Zero : T.AllBitsSet << (width - prefix);
            var network = address & mask;
            if (network >= start && (network | ~mask) <= end)
            {
                return (network, prefix);
            }
        }
        return (address, width);
    }

    public static string Format(uint network, int prefixLength)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, network);
        return Format(new IPAddress(bytes), prefixLength);
    }

    public static string Format(UInt128 network, int prefixLength)
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt128BigEndian(bytes, network);
        return Format(new IPAddress(bytes), prefixLength);
    }

    private static string Format(IPAddress network, int prefixLength) =>
        network.ToString() + "/" + prefixLength.ToString(CultureInfo.InvariantCulture);
}
