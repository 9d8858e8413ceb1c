namespace Sightline.Parsers.X509;

/// <summary>One top-level DER element read from a binary input, or why it could not be read.</summary>
internal readonly record struct DerElement(long Position, byte[]? Data, string? Error);

/// <summary>
/// Splits a binary input into its top-level DER SEQUENCEs (one certificate, or several concatenated as some
/// tools write them) by reading only tag and length, so each certificate is read as it arrives.
/// </summary>
internal static class DerReader
{
    // Far above any real certificate; a bogus length header must not make us buffer gigabytes.
    private const int _maxElementBytes = 16 * 1024 * 1024;
    private const byte _sequenceTag = 0x30;

    public static IEnumerable<DerElement> Read(Stream input)
    {
        long position = 0;
        while (true)
        {
            var tag = input.ReadByte();
            if (tag < 0)
            {
                yield break;
            }
            position++;
            if (tag != _sequenceTag)
            {
                yield return new DerElement(position, null, $"DER element {position} starts with tag 0x{tag:x2}, not a SEQUENCE; the rest of the input is skipped");
                yield break;
            }
            var element = ReadElement(input, position);
            yield return element;
            if (element.Error is not null)
            {
                yield break;
            }
        }
    }

    private static DerElement ReadElement(Stream input, long position)
    {
        var header = new List<byte> { _sequenceTag };
        var first = input.ReadByte();
        if (first < 0)
        {
            return new DerElement(position, null, "DER is truncated: no length after the tag");
        }
        header.Add((byte)first);
        long length = first;
        if (first == 0x80)
        {
            return new DerElement(position, null, "DER uses indefinite length (BER), which a certificate may not");
        }
        if (first > 0x80)
        {
            var count = first & 0x7f;
            if (count > 4)
            {
                return new DerElement(position, null, $"DER length of {count} bytes is too large for a certificate");
            }
            length = 0;
            for (var i = 0; i < count; i++)
            {
                var b = input.ReadByte();
                if (b < 0)
                {
                    return new DerElement(position, null, "DER is truncated inside the length");
                }
                header.Add((byte)b);
                length = (length << 8) | (uint)b;
            }
        }
        if (length > _maxElementBytes)
        {
            return new DerElement(position, null, $"DER element claims {length} bytes, more than a certificate can be");
        }
        return ReadBody(input, position, header, (int)length);
    }

    private static DerElement ReadBody(Stream input, long position, List<byte> header, int length)
    {
        var data = new byte[header.Count + length];
        header.CopyTo(data);
        var offset = header.Count;
        // Read in the loop rather than ReadExactly so a short input is reported, not thrown.
        while (offset < data.Length)
        {
            var read = input.Read(data, offset, data.Length - offset);
            if (read == 0)
            {
                return new DerElement(position, null, $"DER is truncated: the header announces {length} bytes, only {offset - header.Count} follow");
            }
            offset += read;
        }
        return new DerElement(position, data, null);
    }
}
