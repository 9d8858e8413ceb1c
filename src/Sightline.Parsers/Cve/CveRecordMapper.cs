using System.Text.Json;
using static Sightline.Parsers.Cve.CveJson;

namespace Sightline.Parsers.Cve;

/// <summary>Maps one CVE JSON 5.x record (the CVE Services / cvelistV5 / vulnrichment layout).</summary>
internal static class CveRecordMapper
{
    // CVSS properties in the order the Graph entity prefers them within each container.
    private static readonly (string Property, string Version)[] CvssKinds =
        [("cvssV4_0", "4.0"), ("cvssV3_1", "3.1"), ("cvssV3_0", "3.0"), ("cvssV2_0", "2.0")];

    public static CveRecordData Map(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            throw new CveFormatException("a CVE record must be a JSON object");
        }
        var meta = Object(record, "cveMetadata") ?? throw new CveFormatException("no cveMetadata");
        var id = CveId(String(meta, "cveId"));
        var state = String(meta, "state")?.ToUpperInvariant() ?? "PUBLISHED";
        var containers = Object(record, "containers");
        var cna = containers is { } c ? Object(c, "cna") : null;
        if (cna is null)
        {
            return state == "PUBLISHED"
                ? throw new CveFormatException($"{id}: no containers.cna")
                : new CveRecordData { Id = id, State = state, DateUpdated = Timestamp(meta, "dateUpdated") };
        }
        var adps = containers is { } all ? Objects(all, "adp").ToList() : [];
        var metrics = Metrics(cna.Value, adps);
        var affected = Affected(cna.Value, CveSource.Cna);
        if (CveComponentNamer.Names(affected).Count == 0)
        {
            // Old records say "n/a n/a"; CISA's ADP then supplies CPE-derived vendor and product.
            affected = [.. adps.SelectMany(a => Affected(a, CveSource.Adp))];
        }
        return new CveRecordData
        {
            Id = id,
            State = state,
            AssignerShortName = String(meta, "assignerShortName"),
            Title = String(cna.Value, "title"),
            DatePublished = Timestamp(meta, "datePublished"),
            DateUpdated = Timestamp(meta, "dateUpdated"),
            DateReserved = Timestamp(meta, "dateReserved"),
            Descriptions = Descriptions(cna.Value, state),
            Cvss40 = metrics.GetValueOrDefault("4.0"),
            Cvss31 = metrics.GetValueOrDefault("3.1"),
            Cvss30 = metrics.GetValueOrDefault("3.0"),
            Cvss2 = metrics.GetValueOrDefault("2.0"),
            CweIds = CweIds([cna.Value, .. adps]),
            References = References([cna.Value, .. adps]),
            Affected = affected,
            ComponentNames = CveComponentNamer.Names(affected),
            Kev = Other(adps, "kev") is { } kev ? new CveKevInfo(Timestamp(kev, "dateAdded"), String(kev, "reference")) : null,
            SsvcExploitation = SsvcOption(adps, "Exploitation"),
            SsvcAutomatable = SsvcOption(adps, "Automatable"),
            SsvcTechnicalImpact = SsvcOption(adps, "Technical Impact"),
        };
    }

    private static List<CveDescription> Descriptions(JsonElement cna, string state)
    {
        var source = state == "REJECTED" ? "rejectedReasons" : "descriptions";
        var all = Objects(cna, source)
            .Select(d => new CveDescription(String(d, "lang") ?? "", String(d, "value")?.Trim() ?? ""))
            .Where(d => d.Value.Length > 0)
            .ToList();
        // Stable: English ("en", "en-US", "eng") first, the rest in record order.
        return [.. all.OrderBy(d => d.Lang.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? 0 : 1)];
    }

    private static Dictionary<string, CveCvss> Metrics(JsonElement cna, List<JsonElement> adps)
    {
        var found = new Dictionary<string, CveCvss>(StringComparer.Ordinal);
        AddMetrics(found, cna, CveSource.Cna);
        foreach (var adp in adps)
        {
            AddMetrics(found, adp, CveSource.Adp);
        }
        return found;
    }

    // First score of each version wins, so CNA scores shadow ADP ones and the first CNA scenario is used.
    private static void AddMetrics(Dictionary<string, CveCvss> found, JsonElement container, CveSource source)
    {
        var provider = Object(container, "providerMetadata") is { } pm ? String(pm, "shortName") : null;
        foreach (var metric in Objects(container, "metrics"))
        {
            foreach (var (property, version) in CvssKinds)
            {
                if (found.ContainsKey(version) || Object(metric, property) is not { } cvss || Number(cvss, "baseScore") is not { } score)
                {
                    continue;
                }
                found[version] = new CveCvss(version, score, String(cvss, "baseSeverity")?.ToUpperInvariant(), String(cvss, "vectorString"), source, provider);
            }
        }
    }

    private static List<string> CweIds(IEnumerable<JsonElement> containers)
    {
        var ids = new List<string>();
        foreach (var container in containers)
        {
            foreach (var description in Objects(container, "problemTypes").SelectMany(p => Objects(p, "descriptions")))
            {
                // cweId when given, else a CWE-n quoted in the text ("Code Injection (CWE-94)").
                var text = String(description, "cweId") ?? String(description, "description") ?? "";
                foreach (var match in CvePatterns.CweId().Matches(text).Select(m => m.Value.ToUpperInvariant()))
                {
                    if (!ids.Contains(match, StringComparer.Ordinal))
                    {
                        ids.Add(match);
                    }
                }
            }
        }
        return ids;
    }

    private static List<CveReference> References(IEnumerable<JsonElement> containers)
    {
        var byUrl = new Dictionary<string, int>(StringComparer.Ordinal);
        var list = new List<CveReference>();
        foreach (var reference in containers.SelectMany(c => Objects(c, "references")))
        {
            if (String(reference, "url")?.Trim() is not { Length: > 0 } url)
            {
                continue;
            }
            var tags = Strings(reference, "tags");
            if (byUrl.TryGetValue(url, out var index))
            {
                var known = list[index];
                list[index] = known with { Tags = [.. known.Tags.Union(tags, StringComparer.OrdinalIgnoreCase)], Name = known.Name ?? String(reference, "name") };
                continue;
            }
            byUrl[url] = list.Count;
            list.Add(new CveReference(url, String(reference, "name"), tags));
        }
        return list;
    }

    private static List<CveAffected> Affected(JsonElement container, CveSource source) =>
    [
        .. Objects(container, "affected").Select(a => new CveAffected(
            String(a, "vendor"),
            String(a, "product"),
            String(a, "defaultStatus"),
            [.. Objects(a, "versions").Select(v => new CveVersion(
                String(v, "version"), String(v, "status"), String(v, "lessThan"), String(v, "lessThanOrEqual"), String(v, "versionType")))],
            Strings(a, "cpes"),
            source)),
    ];

    /// <summary>The content of the first ADP <c>metrics[].other</c> of the given type (<c>kev</c>, <c>ssvc</c>).</summary>
    private static JsonElement? Other(List<JsonElement> adps, string type) =>
        adps.SelectMany(a => Objects(a, "metrics"))
            .Select(m => Object(m, "other"))
            .Where(o => o is { } other && string.Equals(String(other, "type"), type, StringComparison.OrdinalIgnoreCase))
            .Select(o => Object(o!.Value, "content"))
            .FirstOrDefault(c => c is not null);

    private static string? SsvcOption(List<JsonElement> adps, string decision) =>
        Other(adps, "ssvc") is { } ssvc
            ? Objects(ssvc, "options").Select(o => String(o, decision)).FirstOrDefault(v => v is not null)?.ToLowerInvariant()
            : null;
}
