using System.Text;

namespace Sightline.Data.Enrichment;

/// <summary>
/// The distinct (AS number, organisation) pairs the range tables point at. Organisation names are kept once each as
/// UTF-8 in one byte array: the 75,000 IPv4 names take under 2 MB this way instead of about twice that as .NET
/// strings (plus an object header each), and a lookup decodes only the one it returns.
/// </summary>
internal sealed class AsnDirectory
{
    private readonly int[] _numbers;
    private readonly int[] _organizations;
    private readonly byte[] _names;
    private readonly int[] _nameOffsets;

    private AsnDirectory(int[] numbers, int[] organizations, byte[] names, int[] nameOffsets)
    {
        _numbers = numbers;
        _organizations = organizations;
        _names = names;
        _nameOffsets = nameOffsets;
    }

    public int Number(int entry) => _numbers[entry];

    public string Organization(int entry)
    {
        var name = _organizations[entry];
        var start = _nameOffsets[name];
        return Encoding.UTF8.GetString(_names, start, _nameOffsets[name + 1] - start);
    }

    /// <summary>Interns names and pairs while the CSV files are read; only new names allocate.</summary>
    public sealed class Builder
    {
        private readonly Dictionary<string, int> _nameIds = new(StringComparer.Ordinal);
        private readonly Dictionary<(int Number, int Name), int> _entryIds = [];
        private readonly List<int> _numbers = [];
        private readonly List<int> _organizations = [];
        private readonly List<int> _nameOffsets = [0];
        private readonly MemoryStream _names = new();

        public int Add(int number, ReadOnlySpan<char> organization)
        {
            var lookup = _nameIds.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(organization, out var name))
            {
                name = _nameIds.Count;
                lookup[organization] = name;
                var size = Encoding.UTF8.GetMaxByteCount(organization.Length);
                Span<byte> utf8 = size <= 1024 ? stackalloc byte[size] : new byte[size];
                _names.Write(utf8[..Encoding.UTF8.GetBytes(organization, utf8)]);
                _nameOffsets.Add((int)_names.Length);
            }
            if (!_entryIds.TryGetValue((number, name), out var entry))
            {
                entry = _numbers.Count;
                _entryIds[(number, name)] = entry;
                _numbers.Add(number);
                _organizations.Add(name);
            }
            return entry;
        }

        public AsnDirectory Build() => new([.. _numbers], [.. _organizations], _names.ToArray(), [.. _nameOffsets]);
    }
}
