using System.Numerics;

namespace Sightline.Data.Enrichment;

/// <summary>
/// Address ranges of one family (IPv4 as <see cref="uint"/>, IPv6 as <see cref="UInt128"/>), sorted and without
/// overlaps, each pointing at an <see cref="AsnDirectory"/> entry. Parallel arrays of values rather than an array of
/// records keep the 400,000 IPv4 rows at 12 bytes each and let <see cref="Array.BinarySearch{T}(T[], T)"/> work on
/// the starts directly.
/// </summary>
internal sealed class AsnRangeTable<T> where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>
{
    private readonly T[] _starts;
    private readonly T[] _ends;
    private readonly int[] _entries;

    private AsnRangeTable(T[] starts, T[] ends, int[] entries)
    {
        _starts = starts;
        _ends = ends;
        _entries = entries;
    }

    /// <summary>The range holding <paramref name="address"/> and its directory entry, or null between ranges.</summary>
    public (T Start, T End, int Entry)? Find(T address)
    {
        var index = Array.BinarySearch(_starts, address);
        if (index < 0)
        {
            // Not a start itself: the candidate is the last range that starts below the address.
            index = ~index - 1;
        }
        return index >= 0 && address <= _ends[index] ? (_starts[index], _ends[index], _entries[index]) : null;
    }

    /// <summary>Collects rows in file order; the source is sorted by start, which keeps the build a single pass.</summary>
    public sealed class Builder
    {
        private readonly List<T> _starts;
        private readonly List<T> _ends;
        private readonly List<int> _entries;

        public Builder(int capacity)
        {
            _starts = new List<T>(capacity);
            _ends = new List<T>(capacity);
            _entries = new List<int>(capacity);
        }

        public void Add(T start, T end, int entry)
        {
            if (end < start)
            {
                throw new InvalidDataException($"ASN range ends before it starts ({start} > {end}).");
            }
            var last = _starts.Count - 1;
            if (last >= 0 && start <= _ends[last])
            {
                if (start <= _starts[last])
                {
                    throw new InvalidDataException("ASN ranges are not sorted by their start.");
                }
                // A few rows overlap the one before (a more specific announcement inside a wider one): the later,
                // narrower row wins and the earlier one is cut short so that a binary search stays unambiguous.
                _ends[last] = start - T.One;
            }
            _starts.Add(start);
            _ends.Add(end);
            _entries.Add(entry);
        }

        public AsnRangeTable<T> Build() => new([.. _starts], [.. _ends], [.. _entries]);
    }
}
