using Sightline.Tests.Support;
using static Sightline.Tests.Import.StixFiles;

namespace Sightline.Tests.Import;

/// <summary>STIX bundles through the <c>import</c> command of the real executable, read back from the running server.</summary>
public sealed class StixCliImportTests : IAsyncLifetime
{
    private SightlineServer _server = null!;

    public async Task InitializeAsync() => _server = await SightlineServer.StartAsync(loadDemo: false);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Cli_import_of_a_unit42_bundle_is_served_by_the_running_server()
    {
        var (exit, stdout, stderr) = await SightlineCli.RunAsync(TimeSpan.FromSeconds(120), ["import", .. _server.StoreArgs, FightingUrsa, "--set", "tag=Unit 42"]);
        Assert.True(exit == 0, stdout + stderr);
        Assert.Contains("(stix): 629 accepted", stdout);
        Assert.Contains("57 ignored", stdout);

        var client = _server.Client();
        var article = await client.GetJsonAsync($"{Graph.Root}/articles/{ArticleId(UrsaReportId)}?$expand=indicators");
        Assert.Equal("Fighting Ursa", article.GetProperty("title").GetString());
        Assert.Equal(["intrusion-set", "Unit 42"], article.GetProperty("tags").EnumerateArray().Select(t => t.GetString()!));
        var types = article.GetProperty("indicators").EnumerateArray().Select(i => i.GetProperty("artifact").GetProperty("@odata.type").GetString()!)
            .GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(1, types["#microsoft.graph.security.hostname"]);
        Assert.Equal(4, types["#microsoft.graph.security.ipAddress"]);
        Assert.Equal(46, types["#microsoft.graph.security.unclassifiedArtifact"]);
        var actor = await client.GetJsonAsync($"{Graph.Root}/intelProfiles/{ProfileId(UrsaActorId)}?$expand=indicators");
        Assert.Equal("actor", actor.GetProperty("kind").GetString());
        Assert.Equal(51, actor.GetProperty("indicators").GetArrayLength());
    }

    [Fact]
    public async Task Cli_rejects_a_bundle_with_a_malformed_object_and_stores_nothing_of_it()
    {
        var folder = Path.Combine(_server.DataDir, "inputs");
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "fighting-ursa-broken.json");
        var position = 0;
        await File.WriteAllTextAsync(file, Edited(FightingUrsa, objects =>
        {
            var indicator = objects.First(o => (string?)o!["type"] == "indicator")!;
            indicator["pattern"] = new System.Text.Json.Nodes.JsonArray();
            position = objects.IndexOf(indicator) + 1;
        }));
        var (exit, stdout, stderr) = await SightlineCli.RunAsync(TimeSpan.FromSeconds(120), ["import", .. _server.StoreArgs, file]);
        Assert.Equal(1, exit);
        Assert.Contains("1 rejected", stdout);
        Assert.Contains("685 not stored with their batch", stdout);
        Assert.Contains($"{file}:{position}: object {position} (indicator--", stderr);
        Assert.Contains("'pattern' must be a string, not an array", stderr);
        Assert.Empty((await _server.Client().GetJsonAsync($"{Graph.Root}/intelProfiles")).Values());
    }
}
