using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Sightline.Data.Demo;

/// <summary>One input of the demo: a file in a standard format, with the import settings a user would give it.</summary>
public sealed record DemoFile(string Name, string Format, byte[] Content, IReadOnlyDictionary<string, string> Settings);

/// <summary>
/// Every input of the demo, in import order: first the real public data (ATT&amp;CK enriched from the MISP galaxy,
/// CVE records, the KEV catalog and its CVSS/EPSS table, the Unit 42 playbooks), then the synthetic observations
/// (STIX indicators, a Markdown article, passive DNS as COF, WHOIS responses, certificate sightings, a HAR crawl and
/// an nmap scan). The same files always come out byte for byte; <c>demo --out DIR</c> writes them to disk.
/// </summary>
public static class DemoFiles
{
    private static readonly Dictionary<string, string> _none = [];

    public static IReadOnlyList<DemoFile> Build()
    {
        var files = new List<DemoFile>();
        var (attack, profiles) = DemoIntel.Build();
        files.Add(new("intel/attack-misp.json", "stix", attack, new Dictionary<string, string> { ["profiles"] = "described" }));
        foreach (var name in DemoResources.Names("cve", ".json"))
        {
            files.Add(new("cve/" + name[(name.LastIndexOf('/') + 1)..], "cve", DemoResources.Bytes(name), _none));
        }
        files.Add(new("kev/known_exploited_vulnerabilities.json", "kev", DemoResources.Bytes("kev/known_exploited_vulnerabilities.json"), _none));
        files.Add(new("kev/epss_kev_nvd.csv", "epss", DemoResources.Bytes("kev/epss_kev_nvd.csv"), _none));
        var linked = new Dictionary<string, int>(StringComparer.Ordinal);
        var unit42 = new Dictionary<string, string> { ["tag"] = "Unit 42", ["credit"] = DemoUnit42.Credit };
        files.AddRange(DemoUnit42.Build(profiles, linked).Select(u => new DemoFile(u.Name, "stix", u.Bundle, unit42)));

        var b = new DemoBuilder();
        DemoShowcase.Add(b);
        DemoInfrastructure.Add(b);
        files.Add(new("synthetic/profile-indicators.json", "stix", DemoIndicators.Osint(b, profiles, linked), new Dictionary<string, string> { ["source"] = "osint" }));
        files.Add(new("synthetic/showcase-indicators.json", "stix", DemoIndicators.Showcase(profiles), new Dictionary<string, string> { ["source"] = "microsoft" }));
        files.Add(new("synthetic/contoso-phishing.md", "markdown", DemoArticle.Markdown(), _none));
        files.Add(new("synthetic/passive-dns.cof", "cof", Cof(b), _none));
        var n = 0;
        foreach (var response in b.Whois)
        {
            var seen = response.Seen.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            files.Add(new(string.Create(CultureInfo.InvariantCulture, $"synthetic/whois/{++n:D4}-{response.Domain}.whois"), "whois",
                Encoding.UTF8.GetBytes(response.Text), new Dictionary<string, string> { ["domain"] = response.Domain, ["seen"] = seen }));
        }
        files.Add(new("synthetic/certificate-sightings.jsonl", "certsightings", Sightings(b), _none));
        files.Add(new("synthetic/crawl.har", "har", DemoHar.Write(b), _none));
        files.Add(new("synthetic/scan.xml", "nmap", DemoNmap.Write(b.Scans), _none));
        return files;
    }

    private static byte[] Cof(DemoBuilder b) => JsonLines(b.Dns, (json, o) =>
    {
        json.WriteString("rrname", o.Name);
        json.WriteString("rrtype", o.Type);
        json.WriteString("rdata", o.Data);
        json.WriteNumber("time_first", o.First.ToUnixTimeSeconds());
        json.WriteNumber("time_last", o.Last.ToUnixTimeSeconds());
        json.WriteNumber("count", o.Count);
        json.WriteString("sensor_id", "sightline-demo");
    });

    private static byte[] Sightings(DemoBuilder b) => JsonLines(b.Certificates, (json, s) =>
    {
        json.WriteString("host", s.Host);
        json.WriteNumber("port", s.Port);
        json.WriteString("seen", s.Seen.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        json.WriteString("pem", s.Pem);
    });

    /// <summary>One JSON object per line (NDJSON), each written by <paramref name="write"/>.</summary>
    private static byte[] JsonLines<T>(IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
    {
        using var buffer = new MemoryStream();
        foreach (var item in items)
        {
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                write(json, item);
                json.WriteEndObject();
            }
            buffer.WriteByte((byte)'\n');
        }
        return buffer.ToArray();
    }
}
