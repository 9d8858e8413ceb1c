using System.Text.Json;
using Sightline.Parsers.Common;

namespace Sightline.Parsers.Cve;

/// <summary>
/// Reads CVE JSON 5.x records from a stream holding one record, a JSON array of records, or records one per line
/// (NDJSON, or simply concatenated). Position is the 1-based record number. A record without a valid
/// <c>cveMetadata.cveId</c> (or, when published, without a CNA container) is a Fail and reading goes on; invalid
/// JSON is a Fail at the record where it occurs and ends the read.
/// </summary>
internal static class CveRecordReader
{
    public static IEnumerable<Parsed<CveRecordData>> Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadCore(stream);
    }

    private static IEnumerable<Parsed<CveRecordData>> ReadCore(Stream stream)
    {
        var json = new JsonValueStream(stream, allowMultipleValues: true);
        string? error = null;
        try
        {
            var first = json.PeekToken();
            if (first == JsonTokenType.None)
            {
                error = "the input is empty";
            }
            else if (first == JsonTokenType.StartArray)
            {
                json.ReadToken();
            }
        }
        catch (JsonException ex)
        {
            error = $"not valid JSON: {ex.Message}";
        }
        if (error is not null)
        {
            yield return Parsed<CveRecordData>.Fail(0, error);
            yield break;
        }
        foreach (var item in json.ReadEach(MapOne, "invalid JSON: "))
        {
            yield return item;
        }
    }

    private static Parsed<CveRecordData> MapOne(long position, JsonElement element)
    {
        try
        {
            return Parsed<CveRecordData>.Ok(position, CveRecordMapper.Map(element));
        }
        catch (CveFormatException ex)
        {
            return Parsed<CveRecordData>.Fail(position, ex.Message);
        }
    }
}
