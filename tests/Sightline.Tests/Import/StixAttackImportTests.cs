using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Data.Demo;
using Sightline.Data.Entities;
using Sightline.Tests.Support;
using Xunit.Abstractions;
using static Sightline.Tests.Import.StixFiles;

namespace Sightline.Tests.Import;

/// <summary>
/// The MITRE ATT&amp;CK Enterprise bundle through the ingest endpoint, and the ids and texts the importer gives
/// compared with the demo's, which builds the same profiles and articles from the same sources.
/// </summary>
public sealed class StixAttackImportTests(ITestOutputHelper output) : IngestTestBase
{
    private async Task<JsonElement> IngestAsync(string path, string query = "")
    {
        await using var file = File.OpenRead(path);
        using var body = new StreamContent(file);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await Importer.PostAsync($"/ingest/stix?name={Path.GetFileName(path)}{query}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<int> CountAsync(string query) =>
        (await Reader.GetJsonAsync($"{Graph.Root}/intelProfiles?$count=true&$top=1&{query}")).GetProperty("@odata.count").GetInt32();

    [Fact]
    public async Task Attack_groups_become_actors_and_software_becomes_tools_without_retired_objects()
    {
        var objects = JsonDocument.Parse(File.ReadAllText(Attack)).RootElement.GetProperty("objects").EnumerateArray().ToList();
        bool Retired(JsonElement o) => o.TryGetProperty("revoked", out var r) && r.GetBoolean()
            || o.TryGetProperty("x_mitre_deprecated", out var d) && d.GetBoolean();
        var groups = objects.Where(o => o.GetProperty("type").GetString() == "intrusion-set").ToList();
        var software = objects.Where(o => o.GetProperty("type").GetString() is "malware" or "tool").ToList();
        Assert.Equal(187, groups.Count);

        var clock = Stopwatch.StartNew();
        var report = await IngestAsync(Attack);
        output.WriteLine($"ATT&CK import ({objects.Count} objects) took {clock.Elapsed.TotalSeconds:N1} s");
        Assert.Equal(objects.Count, report.GetProperty("accepted").GetInt32() + report.GetProperty("ignored").GetInt32());

        Assert.Equal(groups.Count(o => !Retired(o)), await CountAsync("$filter=kind eq 'actor'"));
        Assert.Equal(172, await CountAsync("$filter=kind eq 'actor'"));
        Assert.Equal(software.Count(o => !Retired(o)), await CountAsync("$filter=kind eq 'tool'"));
        Assert.Equal(0, await CountAsync("$filter=title eq 'MONSOON'")); // revoked

        var apt28 = await Reader.GetJsonAsync($"{Graph.Root}/intelProfiles/{ProfileId(Apt28Id)}");
        Assert.Equal("APT28", apt28.GetProperty("title").GetString());
        Assert.Equal("2017-05-31T21:31:48.664Z", apt28.GetProperty("firstActiveDateTime").GetString());
        var aliases = apt28.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!).ToList();
        Assert.Contains("Fancy Bear", aliases);
        Assert.Contains("Forest Blizzard", aliases);
        Assert.DoesNotContain("APT28", aliases);
        var tradecraft = apt28.GetProperty("tradecraft").GetProperty("content").GetString()!;
        Assert.StartsWith("## Tools and implants\n\n", tradecraft);
        Assert.Contains("- **Mimikatz** (tool)", tradecraft);
        Assert.Contains("- **CHOPSTICK** (malware)", tradecraft);
        Assert.EndsWith("_Source: [MITRE ATT&CK® G0007](https://attack.mitre.org/groups/G0007), used under the ATT&CK terms of use._",
            apt28.GetProperty("description").GetProperty("content").GetString());
        var mimikatz = (await Reader.GetJsonAsync($"{Graph.Root}/intelProfiles?$filter=title eq 'Mimikatz'")).Values().Single();
        Assert.Contains("- APT28\n", mimikatz.GetProperty("tradecraft").GetProperty("content").GetString());
    }
}
