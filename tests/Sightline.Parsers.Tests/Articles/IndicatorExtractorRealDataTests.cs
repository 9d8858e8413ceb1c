using Sightline.Parsers.Articles;
using Sightline.Parsers.Tests.Support;

namespace Sightline.Parsers.Tests.Articles;

/// <summary>Microsoft's published indicator lists (mstic), read as plain text: every listed indicator must be found.</summary>
public sealed class IndicatorExtractorRealDataTests
{
    [Fact]
    public void Finds_every_indicator_of_the_nobelium_list()
    {
        var text = File.ReadAllText(SharedData.Path("mstic", "May21NOBELIUMIoCs.csv"));
        var found = IndicatorExtractor.Extract(text).ToHashSet();
        var rows = Csv(text);
        var expected = rows.SelectMany(r => r["Type"] switch
            {
                "Domain" => [new ExtractedIndicator(IndicatorKinds.Domain, r["IoC"].Trim('\u00a0', ' ').ToLowerInvariant())],
                "IP" => [new ExtractedIndicator(IndicatorKinds.IPv4, r["IoC"].Trim())],
                "SHA256" => [new ExtractedIndicator(IndicatorKinds.Sha256, r["IoC"].Trim().ToLowerInvariant())],
                _ => Array.Empty<ExtractedIndicator>(),
            })
            .Concat(rows.Where(r => r["MD5"].Length > 0).Select(r => new ExtractedIndicator(IndicatorKinds.Md5, r["MD5"].ToLowerInvariant())))
            .Concat(rows.Where(r => r["SHA1"].Length > 0).Select(r => new ExtractedIndicator(IndicatorKinds.Sha1, r["SHA1"].ToLowerInvariant())))
            .ToList();
        Assert.True(expected.Count > 120, $"only {expected.Count} expected indicators read");
        var missing = expected.Where(e => !found.Contains(e)).ToList();
        Assert.True(missing.Count == 0, $"missing: {string.Join(", ", missing)}");
        // The Filename column (Invitation.html, ...) must not turn into domains.
        var fileNames = rows.Select(r => r["Filename"].ToLowerInvariant()).Where(f => f.Length > 0).ToHashSet();
        Assert.DoesNotContain(found, f => fileNames.Contains(f.Value));
    }

    [Fact]
    public void Finds_every_host_and_hash_of_the_rapid_release_list_and_no_file_names()
    {
        var text = File.ReadAllText(SharedData.Path("mstic", "RapidReleaseTI-Indicators.csv"));
        var found = IndicatorExtractor.Extract(text);
        var rows = Csv(text);
        var expected = rows.Select(r => r["IoC_Type"] switch
            {
                "domainname" => new ExtractedIndicator(IndicatorKinds.Domain, r["IoC"].Trim().ToLowerInvariant()),
                "IP" => new ExtractedIndicator(IndicatorKinds.IPv4, r["IoC"].Trim()),
                "sha256" => new ExtractedIndicator(IndicatorKinds.Sha256, r["IoC"].Trim().ToLowerInvariant()),
                "URL" => new ExtractedIndicator(IndicatorKinds.Url, r["IoC"].Trim()),
                _ => null,
            })
            .OfType<ExtractedIndicator>()
            .ToList();
        Assert.Equal(229, expected.Count);
        var missing = expected.Except(found).ToList();
        Assert.True(missing.Count == 0, $"missing: {string.Join(", ", missing)}");
        Assert.DoesNotContain(found, f => f.Value.EndsWith(".dll", StringComparison.Ordinal) || f.Value.EndsWith(".exe", StringComparison.Ordinal));
        // The URL's path holds a 64-hex token; it belongs to the URL, not to the hash list.
        Assert.DoesNotContain(found, f => f.Value == "d021d412be456a6f78a0052a1f0e3557dcfa14bf25f9d0f1d0d2d7dcdac86c73");
    }

    /// <summary>Just enough CSV for these files: a header row, quoted fields with doubled quotes.</summary>
    private static List<Dictionary<string, string>> Csv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\n')
            {
                record.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                records.Add(record);
                record = [];
            }
            else { field.Append(c); }
        }
        if (field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }
        var header = records[0].Select(h => h.Trim('\uFEFF')).ToList();
        return records.Skip(1)
            .Where(r => r.Count == header.Count)
            .Select(r => header.Zip(r).ToDictionary(p => p.First, p => p.Second))
            .ToList();
    }
}
