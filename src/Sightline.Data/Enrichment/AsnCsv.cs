using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Numerics;
using System.Text;

namespace Sightline.Data.Enrichment;

/// <summary>
/// Reads ip-location-db's ASN CSV (<c>first,last,number,organisation</c>, one inclusive range a line, sorted by
/// its first address; the organisation is quoted when it holds a comma) from a gzipped embedded resource.
/// </summary>
internal static class AsnCsv
{
    /// <summary>Reads one family's file into its range table and the directory of AS entries the ranges point at.</summary>
    public static AsnTable<T> Load<T>(string resource, Func<IPAddress, T> toInteger, int expectedRows)
        where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>
    {
        using var compressed = EnrichmentResources.Open(resource);
        using var gzip = new GZipStream(compressed, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        var table = new AsnRangeTable<T>.Builder(expectedRows);
        var directory = new AsnDirectory.Builder();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }
            if (!TryParse(line, out var first, out var last, out var number, out var organization))
            {
                throw new InvalidDataException($"{resource}:{lineNumber}: not a 'first,last,number,organisation' row.");
            }
            if (number is 0 or > int.MaxValue)
            {
                // AS0 and private-use 32-bit numbers (up to 4294967294) name no public network, and a Host's AS number
                // is an int: such a range is left as a gap.
                continue;
            }
            table.Add(toInteger(first), toInteger(last), directory.Add((int)number, organization));
        }
        return new AsnTable<T>(table.Build(), directory.Build());
    }

    private static bool TryParse(string line, out IPAddress first, out IPAddress last, out uint number, out ReadOnlySpan<char> organization)
    {
        first = last = IPAddress.None;
        number = 0;
        organization = default;
        var rest = line.AsSpan();
        if (!TakeField(ref rest, out var firstText) || !TakeField(ref rest, out var lastText) || !TakeField(ref rest, out var numberText)
            || !IPAddress.TryParse(firstText, out first!) || !IPAddress.TryParse(lastText, out last!) || first.AddressFamily != last.AddressFamily
            || !uint.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out number))
        {
            return false;
        }
        organization = Unquote(rest);
        return true;
    }

    private static bool TakeField(ref ReadOnlySpan<char> rest, out ReadOnlySpan<char> field)
    {
        var comma = rest.IndexOf(',');
        field = comma < 0 ? default : rest[..comma];
        rest = comma < 0 ? rest : rest[(comma + 1)..];
        return comma > 0;
    }

    private static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> field)
    {
        if (field.Length < 2 || field[0] != '"' || field[^1] != '"')
        {
            return field;
        }
        var inner = field[1..^1];
        // Doubled quotes are rare enough (a few thousand rows) that allocating for them costs nothing measurable.
        return inner.Contains("\"\"", StringComparison.Ordinal) ? inner.ToString().Replace("\"\"", "\"", StringComparison.Ordinal) : inner;
    }
}

/// <summary>One address family's ranges and their AS entries; each family has its own, so each loads alone.</summary>
internal sealed record AsnTable<T>(AsnRangeTable<T> Ranges, AsnDirectory Directory)
    where T : unmanaged, IBinaryInteger<T>, IUnsignedNumber<T>;
