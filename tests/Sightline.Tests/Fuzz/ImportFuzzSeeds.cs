using System.Text.Json.Nodes;
using Sightline.Tests.Import;

namespace Sightline.Tests.Fuzz;

/// <summary>A valid input of one format, the settings it is imported with, and how the mutator treats it.</summary>
public sealed record ImportFuzzSeed(string Format, InputMutator.Kind Kind, string Content, IReadOnlyDictionary<string, string> Settings);

/// <summary>The valid inputs the importer fuzz mutates, taken from the import tests' own sample files.</summary>
public static class ImportFuzzSeeds
{
    public static ImportFuzzSeed For(string format) => format switch
    {
        "cof" => new(format, InputMutator.Kind.JsonLines, string.Join("\n",
            CofFiles.Line("fuzz.example", "A", "198.51.100.9"), CofFiles.Line("www.fuzz.example", "CNAME", "fuzz.example"),
            CofFiles.Line("fuzz.example", "AAAA", "2001:db8::9", count: 7), CofFiles.Line("fuzz.example", "MX", "mail.fuzz.example"),
            CofFiles.Line("fuzz.example", "NS", "ns1.fuzz.example"), CofFiles.Line("fuzz.example", "TXT", "v=spf1 -all")) + "\n", Empty),
        "stix" => new(format, InputMutator.Kind.Json, SmallUrsa(), Empty),
        "har" => new(format, InputMutator.Kind.Json, HarFiles.Contoso(), Empty),
        "nmap" => new(format, InputMutator.Kind.Xml, NmapScans.Scan(NmapScans.WebHost(), NmapScans.NamedHost), Empty),
        "x509" => new(format, InputMutator.Kind.Pem, NmapScans.CertificatePem + File.ReadAllText(CertificateFiles.RootPath("ISRG_Root_X1.crt")),
            new Dictionary<string, string> { ["host"] = "www.example.org", ["port"] = "443", ["seen"] = "2025-01-01T00:00:00Z" }),
        "whois" => new(format, InputMutator.Kind.Text, WhoisImportTests.Sample("likexian/com_google.com"),
            new Dictionary<string, string> { ["seen"] = "2019-10-01T00:00:00Z", ["domain"] = "google.com" }),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "no fuzz seed"),
    };

    private static readonly Dictionary<string, string> Empty = [];

    /// <summary>
    /// The Fighting Ursa bundle cut down to its report, actor, malware, identities, a campaign, eight indicators and
    /// the relationships among those, so that hundreds of mutations of it import quickly.
    /// </summary>
    private static string SmallUrsa() => StixFiles.Edited(StixFiles.FightingUrsa, objects =>
    {
        var indicators = 0;
        var campaigns = 0;
        var kept = objects.Select(o => o!.AsObject()).Where(o => (string?)o["type"] switch
        {
            "intrusion-set" or "malware" or "identity" or "marking-definition" => true,
            "report" => (string?)o["id"] == StixFiles.UrsaReportId,
            "indicator" => ++indicators <= 8,
            "campaign" => ++campaigns <= 1,
            _ => false,
        }).ToList();
        var ids = kept.Select(o => (string)o["id"]!).ToHashSet(StringComparer.Ordinal);
        kept.AddRange(objects.Select(o => o!.AsObject()).Where(o => (string?)o["type"] == "relationship"
            && ids.Contains((string)o["source_ref"]!) && ids.Contains((string)o["target_ref"]!)));
        foreach (var report in kept.Where(o => (string?)o["type"] == "report"))
        {
            var refs = report["object_refs"]!.AsArray().Select(r => (string)r!).Where(ids.Contains).ToList();
            report["object_refs"] = new JsonArray([.. refs.Select(r => (JsonNode)JsonValue.Create(r))]);
        }
        var copies = kept.Select(o => o.DeepClone()).ToList();
        objects.Clear();
        foreach (var copy in copies)
        {
            objects.Add(copy);
        }
    });
}
