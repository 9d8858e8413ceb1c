using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sightline.Tests.Metadata;
using Sightline.Tests.Support;

namespace Sightline.Tests.Import;

/// <summary>Real CVE JSON 5.1 records, the CISA KEV catalog and KEV_EPSS scores from the shared data folder.</summary>
internal static class CveFiles
{
    public static string RecordPath(string cveId) => SharedReference.Locate($"data/cve/{cveId}.json");

    public static string KevPath => SharedReference.Locate("data/kev/known_exploited_vulnerabilities.json");

    public static string EpssKevPath => SharedReference.Locate("data/kev/epss_kev_nvd.csv");

    public static JsonObject Record(string cveId) => JsonNode.Parse(File.ReadAllText(RecordPath(cveId)))!.AsObject();

    /// <summary>Records one per line (NDJSON), as a bulk export writes them.</summary>
    public static string Ndjson(params JsonNode[] records) => string.Join('\n', records.Select(r => r.ToJsonString()));

    /// <summary>A copy of a record as another version of it: its dateUpdated and English description replaced.</summary>
    public static JsonObject Version(string cveId, string dateUpdated, string description)
    {
        var record = Record(cveId);
        record["cveMetadata"]!["dateUpdated"] = dateUpdated;
        record["containers"]!["cna"]!["descriptions"] = new JsonArray(new JsonObject { ["lang"] = "en", ["value"] = description });
        return record;
    }

    /// <summary>The real KEV catalog cut down to the named entries, header kept.</summary>
    public static string KevSubset(params string[] cveIds)
    {
        var catalog = JsonNode.Parse(File.ReadAllText(KevPath))!.AsObject();
        var entries = catalog["vulnerabilities"]!.AsArray().Where(e => cveIds.Contains(e!["cveID"]!.GetValue<string>())).Select(e => e!.DeepClone());
        catalog["vulnerabilities"] = new JsonArray([.. entries]);
        catalog["count"] = cveIds.Length;
        return catalog.ToJsonString();
    }

    /// <summary>The real KEV_EPSS file cut down to its header and the named CVEs' rows.</summary>
    public static string EpssKevSubset(params string[] cveIds)
    {
        var lines = File.ReadAllLines(EpssKevPath);
        return string.Join('\n', lines.Take(1).Concat(lines.Skip(1).Where(l => cveIds.Any(id => l.StartsWith(id + ",", StringComparison.Ordinal))))) + "\n";
    }

    public static async Task<(int Status, JsonElement Body)> IngestAsync(HttpClient importer, string format, string name, string content)
    {
        using var body = new StringContent(content, Encoding.UTF8, new MediaTypeHeaderValue("application/octet-stream"));
        using var response = await importer.PostAsync($"/ingest/{format}?name={Uri.EscapeDataString(name)}", body);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    public static Task<JsonElement> VulnerabilityAsync(this HttpClient reader, string cveId) =>
        reader.GetJsonAsync($"{Graph.Root}/vulnerabilities/{cveId}");

    public static async Task<List<string>> ComponentNamesAsync(this HttpClient reader, string cveId) =>
        [.. (await reader.GetJsonAsync($"{Graph.Root}/vulnerabilities/{cveId}/components")).Values().Select(c => c.GetProperty("name").GetString()!).Order(StringComparer.Ordinal)];
}
