using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sightline.Data.Demo;

/// <summary>One entry of the CISA Known Exploited Vulnerabilities catalog (CC0).</summary>
internal sealed record KevEntry(
    string CveId, string Vendor, string Product, string Name, string Description, string RequiredAction,
    DateTimeOffset? DateAdded, string? DueDate, bool RansomwareUse, List<string> Cwes, List<string> NoteUrls);

/// <summary>Reads the embedded KEV catalog subset and the KEV/EPSS CVSS 3 scores (Apache-2.0).</summary>
internal static class DemoKev
{
    public static Dictionary<string, KevEntry> Catalog()
    {
        using var document = DemoResources.Json("kev/known_exploited_vulnerabilities.json");
        var catalog = new Dictionary<string, KevEntry>(StringComparer.Ordinal);
        foreach (var v in document.RootElement.Arr("vulnerabilities"))
        {
            var entry = Entry(v);
            catalog.TryAdd(entry.CveId, entry);
        }

        return catalog;
    }

    /// <summary>CVSS 3 base scores by CVE id, from <c>epss_kev_nvd.csv</c>.</summary>
    public static Dictionary<string, double> Cvss3Scores()
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var lines = DemoResources.Text("kev/epss_kev_nvd.csv").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in lines.Skip(1))
        {
            var fields = SplitCsv(line);
            if (fields.Count > 1 && double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var score))
            {
                scores[fields[0].Trim().ToUpperInvariant()] = score;
            }
        }

        return scores;
    }

    private static KevEntry Entry(JsonElement v)
    {
        var notes = (v.Str("notes") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(n => n.StartsWith("https://", StringComparison.Ordinal) || n.StartsWith("http://", StringComparison.Ordinal))
            .ToList();
        return new KevEntry(
            v.Str("cveID")!.ToUpperInvariant(),
            v.Str("vendorProject") ?? "",
            v.Str("product") ?? "",
            v.Str("vulnerabilityName") ?? "",
            v.Str("shortDescription") ?? "",
            v.Str("requiredAction") ?? "",
            DemoJson.Date(v.Str("dateAdded")),
            v.Str("dueDate"),
            string.Equals(v.Str("knownRansomwareCampaignUse"), "Known", StringComparison.Ordinal),
            [.. v.Strings("cwes")],
            notes);
    }

    /// <summary>Splits one CSV line, honouring double-quoted fields.</summary>
    private static List<string> SplitCsv(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c != '\r')
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
