using System.Text.Json;
using Sightline.Data.Entities;

namespace Sightline.Data.Demo;

/// <summary>Maps one CVE JSON 5.1 record (CNA container plus the CISA ADP enrichment) to a vulnerability.</summary>
internal static class DemoCveRecord
{
    private const int MaxComponents = 12;
    private const int MaxReferences = 15;
    private static readonly HashSet<string> _noVersion = new(StringComparer.OrdinalIgnoreCase) { "", "n/a", "unspecified", "*", "-", "0", "all" };

    public static Vulnerability? Build(DemoBuilder b, JsonElement record, Dictionary<string, KevEntry> kev)
    {
        var meta = record.Obj("cveMetadata");
        var cna = record.Obj("containers")?.Obj("cna");
        if (meta?.Str("cveId") is not { } rawId || cna is not { } container)
        {
            return null;
        }

        var cveId = rawId.ToUpperInvariant();
        var adp = record.Obj("containers")!.Value.Arr("adp").ToList();
        var metrics = container.Arr("metrics").Concat(adp.SelectMany(a => a.Arr("metrics"))).ToList();
        var cvss3 = Cvss(metrics, "cvssV3_1") ?? Cvss(metrics, "cvssV3_0") ?? new CvssSummary();
        var cvss2 = Cvss(metrics, "cvssV2_0") ?? new CvssSummary();
        var inKev = kev.TryGetValue(cveId, out var entry);
        var references = container.Arr("references").Select(r => (Url: r.Str("url"), Name: r.Str("name"), Tags: r.Strings("tags").ToList()))
            .Where(r => r.Url is not null)
            .DistinctBy(r => r.Url)
            .Take(MaxReferences)
            .ToList();
        var exploits = references.Where(r => r.Tags.Contains("exploit", StringComparer.OrdinalIgnoreCase)).ToList();
        var exploitsAvailable = inKev || exploits.Count > 0;
        var description = container.Arr("descriptions").FirstOrDefault(d => (d.Str("lang") ?? "").StartsWith("en", StringComparison.OrdinalIgnoreCase)).Str("value") ?? "";
        var published = DemoJson.Date(meta.Value.Str("datePublished")) ?? DemoBuilder.BaseDate;
        foreach (var name in Components(container))
        {
            DemoVulnerabilities.AddComponent(b, cveId, name);
        }

        return new Vulnerability
        {
            Id = cveId,
            Severity = cvss3.Severity ?? cvss2.Severity ?? Severity.None,
            PriorityScore = DemoVulnerabilities.PriorityScore(cvss3.Score, inKev, exploitsAvailable, false),
            Cvss2 = cvss2,
            Cvss3 = cvss3,
            CommonWeaknessEnumerationIds = Cwes(container, adp, entry),
            DescriptionContent = description.Trim(),
            DescriptionFormat = description.Contains("</", StringComparison.Ordinal) ? ContentFormat.Html : ContentFormat.Text,
            RemediationContent = inKev ? entry!.RequiredAction : "Apply the fixes or mitigations published by the vendor.",
            RemediationFormat = ContentFormat.Text,
            Exploits = [.. exploits.Select(r => Link(r.Url!, r.Name))],
            References = [.. references.Select(r => Link(r.Url!, r.Name))],
            ExploitsAvailable = exploitsAvailable,
            ActiveExploitsObserved = inKev,
            HasChatter = inKev && entry!.RansomwareUse,
            CreatedDateTime = DemoJson.Date(meta.Value.Str("dateReserved")) ?? published,
            LastModifiedDateTime = DemoJson.Date(meta.Value.Str("dateUpdated")) ?? published,
            PublishedDateTime = published,
        };
    }

    public static Link Link(string url) => Link(url, null);

    /// <summary>A reference named by its record, or else by the site it points at.</summary>
    public static Link Link(string url, string? name) => new()
    {
        Url = url,
        Name = !string.IsNullOrWhiteSpace(name) && !name.StartsWith("http", StringComparison.OrdinalIgnoreCase)
            ? name
            : Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : url,
    };

    private static CvssSummary? Cvss(List<JsonElement> metrics, string version)
    {
        foreach (var metric in metrics)
        {
            if (metric.Obj(version) is { } cvss && cvss.Num("baseScore") is { } score)
            {
                return new CvssSummary
                {
                    Score = score,
                    Severity = DemoVulnerabilities.SeverityOf(cvss.Str("baseSeverity"), score),
                    VectorString = cvss.Str("vectorString"),
                };
            }
        }

        return null;
    }

    private static List<string> Cwes(JsonElement cna, List<JsonElement> adp, KevEntry? kev) =>
        cna.Arr("problemTypes").Concat(adp.SelectMany(a => a.Arr("problemTypes")))
            .SelectMany(p => p.Arr("descriptions"))
            .Select(d => d.Str("cweId"))
            .OfType<string>()
            .Concat(kev?.Cwes ?? [])
            .Where(c => c.StartsWith("CWE-", StringComparison.OrdinalIgnoreCase))
            .Select(c => c.ToUpperInvariant())
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <summary>"Vendor Product Version" for every affected version, e.g. "Apache Software Foundation Log4j 2.0".</summary>
    private static IEnumerable<string> Components(JsonElement cna)
    {
        var names = new List<string>();
        foreach (var affected in cna.Arr("affected"))
        {
            var vendor = affected.Str("vendor") ?? "";
            var product = affected.Str("product") ?? "";
            var prefix = Prefix(vendor.Trim(), product.Trim());
            if (prefix.Length == 0)
            {
                continue;
            }

            var versions = affected.Arr("versions")
                .Where(v => !string.Equals(v.Str("status"), "unaffected", StringComparison.OrdinalIgnoreCase))
                .Select(v => (v.Str("version") ?? "").Trim())
                .Where(v => !_noVersion.Contains(v))
                .ToList();
            names.AddRange(versions.Count == 0 ? [prefix] : versions.Select(v => WithVersion(prefix, product.Trim(), v)));
        }

        return names.Distinct(StringComparer.Ordinal).Take(MaxComponents);
    }

    /// <summary>"Vendor Product", without repeating a vendor name the product already starts with.</summary>
    private static string Prefix(string vendor, string product)
    {
        if (_noVersion.Contains(product))
        {
            return _noVersion.Contains(vendor) ? "" : vendor;
        }

        return _noVersion.Contains(vendor) || product.StartsWith(vendor, StringComparison.OrdinalIgnoreCase)
            ? product
            : vendor + " " + product;
    }

    /// <summary>Appends the version, unless the version text already names the product ("FortiOS 6.2.0").</summary>
    private static string WithVersion(string prefix, string product, string version) =>
        product.Length > 0 && version.StartsWith(product, StringComparison.OrdinalIgnoreCase)
            ? prefix[..^product.Length].TrimEnd() is { Length: > 0 } vendor ? vendor + " " + version : version
            : prefix + " " + version;
}
