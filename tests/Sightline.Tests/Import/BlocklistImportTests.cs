using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Data.Entities;
using Sightline.Tests.Metadata;
using Sightline.Tests.Support;
using Xunit.Abstractions;

namespace Sightline.Tests.Import;

/// <summary>The ipsum feed and maltrail trails, recognised without a format name, stored as list entries.</summary>
public sealed class BlocklistImportTests(ITestOutputHelper output) : IngestTestBase
{
    private static string IpsumPath => SharedReference.Locate("data/ipsum/ipsum.txt");

    private static string TrailPath(string name) => SharedReference.Locate($"data/maltrail/{name}.txt");

    private async Task<(int Status, JsonElement Body)> PostAsync(string path, string file)
    {
        await using var stream = File.OpenRead(file);
        using var body = new StreamContent(stream);
        body.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var response = await Importer.PostAsync(path, body);
        return ((int)response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    [Fact]
    public async Task The_whole_ipsum_feed_is_recognised_and_stored_once()
    {
        var (status, report) = await PostAsync("/ingest?name=ipsum.txt", IpsumPath);
        Assert.True(status == 200, report.ToString());
        Assert.Equal("ipsum", report.GetProperty("format").GetString());
        Assert.Equal(120_430, report.GetProperty("accepted").GetInt32());
        output.WriteLine($"ipsum, 120,430 addresses: {report.GetProperty("seconds").GetDouble():N2} s on {(Server.Store.IsPostgres ? "PostgreSQL" : "SQLite")}");

        await using (var db = Server.CreateDb())
        {
            Assert.Equal(120_430, await db.ListEntries.CountAsync(e => e.List == "ipsum"));
            var first = await db.ListEntries.SingleAsync(e => e.List == "ipsum" && e.Value == "77.90.185.20");
            Assert.Equal(("77.90.185.20", ListEntryKind.IpAddress, 10, "https://github.com/stamparm/ipsum"), (first.Host, first.Kind, first.Count, first.Reference));
            Assert.Equal(new DateTimeOffset(2026, 8, 22, 1, 0, 29, TimeSpan.Zero), first.ListDateTime);
        }
        var (_, again) = await PostAsync("/ingest/ipsum?name=ipsum.txt", IpsumPath);
        Assert.Equal(120_430, again.GetProperty("alreadyImported").GetInt32());
        var (_, merged) = await PostAsync("/ingest/ipsum?name=ipsum.txt&batchSize=50000", IpsumPath);
        Assert.Equal((120_430, 120_430), (merged.GetProperty("accepted").GetInt32(), merged.GetProperty("merged").GetInt32()));
    }

    [Fact]
    public async Task Maltrail_files_from_the_cli_become_one_list_each_and_mark_hosts_of_the_store()
    {
        await using (var db = Server.CreateDb())
        {
            db.Hosts.Add(new Host { Id = "celasllc.com", Kind = HostKind.Hostname });
            await db.SaveChangesAsync();
        }
        var (exit, stdout, stderr) = await SightlineCli.RunAsync(TimeSpan.FromMinutes(2),
            ["import", .. Server.StoreArgs, TrailPath("apt_lazarus"), TrailPath("apt_turla")]);

        Assert.True(exit == 0, stderr);
        // 224 lines name no host (bare paths) or repeat a trail: ignored, not rejected.
        Assert.Contains("apt_lazarus.txt (maltrail): 5,349 accepted (0 merged into existing), 0 rejected, 224 ignored", stdout, StringComparison.Ordinal);
        Assert.Contains("reputation (sightline-default-", stdout, StringComparison.Ordinal);
        await using (var db = Server.CreateDb())
        {
            var trail = await db.ListEntries.SingleAsync(e => e.List == "maltrail/apt_lazarus" && e.Value == "celasllc.com");
            Assert.Equal(("celasllc.com", ListEntryKind.Domain, "https://securelist.com/operation-applejeus/87553/"), (trail.Host, trail.Kind, trail.Reference));
            Assert.True(await db.ListEntries.AnyAsync(e => e.List == "maltrail/apt_turla"));
            Assert.Equal(ReputationClass.Malicious, (await db.HostReputations.SingleAsync(r => r.HostId == "celasllc.com")).Classification);
        }
        var reputation = await Reader.GetJsonAsync($"{Graph.Root}/hosts/celasllc.com/reputation");
        Assert.Contains(reputation.GetProperty("rules").EnumerateArray(), r => r.GetProperty("name").GetString() == "Maltrail APT trail"
            && r.GetProperty("relatedDetailsUrl").GetString() == "https://securelist.com/operation-applejeus/87553/");
    }
}
