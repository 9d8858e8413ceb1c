using System.Globalization;
using System.Text.Json;
using Sightline.Parsers.Common;
using static Sightline.Parsers.Cve.CveJson;

namespace Sightline.Parsers.Cve;

/// <summary>
/// Reads CISA's KEV catalog JSON (<c>known_exploited_vulnerabilities.json</c>) entry by entry; Position is the
/// 1-based index in <c>vulnerabilities</c>. An entry without a valid cveID, vendorProject, product or dateAdded
/// is a Fail and reading goes on; a document that is not JSON or has no <c>vulnerabilities</c> array is one Fail.
/// </summary>
internal static class KevCatalogReader
{
    public static IEnumerable<Parsed<KevEntry>> Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return ReadCore(stream);
    }

    private static IEnumerable<Parsed<KevEntry>> ReadCore(Stream stream)
    {
        var json = new JsonValueStream(stream);
        var header = new Dictionary<string, string>(StringComparer.Ordinal);
        var error = SeekEntries(json, header);
        if (error is not null)
        {
            yield return Parsed<KevEntry>.Fail(0, error);
            yield break;
        }
        var version = header.GetValueOrDefault("catalogVersion");
        var released = ParseTimestamp(header.GetValueOrDefault("dateReleased"));
        foreach (var item in json.ReadEach((position, element) => MapOne(position, element, version, released), "invalid JSON: "))
        {
            yield return item;
        }
    }

    private static Parsed<KevEntry> MapOne(long position, JsonElement entry, string? version, DateTimeOffset? released)
    {
        try
        {
            if (entry.ValueKind != JsonValueKind.Object)
            {
                throw new CveFormatException("an entry must be a JSON object");
            }
            var notes = String(entry, "notes");
            return Parsed<KevEntry>.Ok(position, new KevEntry
            {
                CveId = CveId(String(entry, "cveID")),
                VendorProject = Required(entry, "vendorProject"),
                Product = Required(entry, "product"),
                VulnerabilityName = String(entry, "vulnerabilityName"),
                DateAdded = Timestamp(entry, "dateAdded") ?? throw new CveFormatException($"dateAdded is missing or not a date: '{String(entry, "dateAdded")}'"),
                ShortDescription = String(entry, "shortDescription"),
                RequiredAction = String(entry, "requiredAction"),
                DueDate = Timestamp(entry, "dueDate"),
                KnownRansomwareCampaignUse = string.Equals(String(entry, "knownRansomwareCampaignUse"), "Known", StringComparison.OrdinalIgnoreCase),
                Notes = notes,
                NoteUrls = notes is null ? [] : [.. CvePatterns.Url().Matches(notes).Select(m => m.Value)],
                Cwes = Strings(entry, "cwes"),
                CatalogVersion = version,
                CatalogDateReleased = released,
            });
        }
        catch (CveFormatException ex)
        {
            return Parsed<KevEntry>.Fail(position, $"entry {position.ToString(CultureInfo.InvariantCulture)}: {ex.Message}");
        }
    }

    private static string Required(JsonElement entry, string name) =>
        String(entry, name) is { Length: > 0 } value ? value : throw new CveFormatException($"'{name}' is missing or empty");

    /// <summary>Moves inside the <c>vulnerabilities</c> array, keeping the string properties met on the way.</summary>
    private static string? SeekEntries(JsonValueStream json, Dictionary<string, string> header)
    {
        try
        {
            if (json.ReadToken() != JsonTokenType.StartObject)
            {
                return "not a KEV catalog: the document is not a JSON object";
            }
            while (json.ReadToken() == JsonTokenType.PropertyName)
            {
                var name = json.PropertyName!;
                if (string.Equals(name, "vulnerabilities", StringComparison.Ordinal))
                {
                    return json.ReadToken() == JsonTokenType.StartArray ? null : "not a KEV catalog: 'vulnerabilities' is not an array";
                }
                if (json.ReadValue() is { ValueKind: JsonValueKind.String } value)
                {
                    header[name] = value.GetString()!;
                }
            }
            return "not a KEV catalog: no 'vulnerabilities' array";
        }
        catch (JsonException ex)
        {
            return $"not valid JSON: {ex.Message}";
        }
    }
}
