using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using Sightline.Data.Entities;
using Sightline.Data.Ingestion;
using Sightline.Tests.Support;
using static Sightline.Tests.Import.CofFiles;

namespace Sightline.Tests.Import;

/// <summary>
/// The stored result of passive DNS imports, row by row, on whichever store the suite runs on (SQLite, or
/// PostgreSQL with SIGHTLINE_TEST_POSTGRES): duplicates inside one batch, rows stored by earlier batches, hosts and
/// subdomains widened, and a batch that fails half-way leaving nothing behind. The expected rows are written out by
/// hand, so both stores must give these same rows.
/// </summary>
public sealed class PassiveDnsMergeTests : IngestTestBase
{
    private const long Day = 86_400;

    private async Task<JsonElement> IngestAsync(string content, int batchSize)
    {
        using var body = new StringContent(content, Encoding.UTF8, new MediaTypeHeaderValue("application/x-ndjson"));
        using var response = await Importer.PostAsync($"/ingest/cof?name=merge.cof&batchSize={batchSize}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static DateTimeOffset At(long unixSeconds) => DateTimeOffset.FromUnixTimeSeconds(unixSeconds);

    private static string Lines(params string[] lines) => string.Join('\n', lines);

    [Fact]
    public async Task Duplicates_inside_one_batch_become_one_row_with_the_widest_window_and_the_summed_count()
    {
        var report = await IngestAsync(Lines(
            Line("www.dup.example", "A", "203.0.113.10", first: T1, last: T2, count: 2),
            Line("www.dup.example", "A", "203.0.113.10", first: T1 - Day, last: T2 - Day, count: 3, sensor: "s2"),
            Line("www.dup.example", "A", "203.0.113.10", first: T1 + Day, last: T2 + Day, count: 5, sensor: "s3"),
            Line("10.113.0.203.in-addr.arpa", "PTR", "www.dup.example.", first: T1 + 2 * Day, last: T2, count: 1)), batchSize: 100);

        Assert.Equal(4, report.GetProperty("accepted").GetInt32());
        Assert.Equal(2, report.GetProperty("merged").GetInt32());

        await using var db = Server.CreateDb();
        var rows = await db.PassiveDnsRecords.OrderBy(r => r.Id).ToListAsync();
        Assert.Equal(2, rows.Count);
        var forward = rows.Single(r => r.RecordType == "A");
        Assert.Equal(("www.dup.example", "203.0.113.10", HostKind.IpAddress), (forward.ParentHostId, forward.ArtifactId, forward.ArtifactKind));
        Assert.Equal((At(T1 - Day), At(T2 + Day), At(T2 + Day), 10L), (forward.FirstSeenDateTime, forward.LastSeenDateTime, forward.CollectedDateTime, forward.Count));
        var reverse = rows.Single(r => r.RecordType == "PTR");
        Assert.Equal(("203.0.113.10", "www.dup.example", HostKind.Hostname), (reverse.ParentHostId, reverse.ArtifactId, reverse.ArtifactKind));
        Assert.Equal((At(T1 + 2 * Day), At(T2), 1L), (reverse.FirstSeenDateTime, reverse.LastSeenDateTime, reverse.Count));

        var hosts = await db.Hosts.OrderBy(h => h.Id).ToListAsync();
        Assert.Equal(["203.0.113.10", "dup.example", "www.dup.example"], hosts.Select(h => h.Id));
        Assert.Equal((HostKind.IpAddress, At(T1 - Day), At(T2 + Day)), (hosts[0].Kind, hosts[0].FirstSeenDateTime, hosts[0].LastSeenDateTime));
        Assert.Equal((HostKind.Hostname, (DateTimeOffset?)null, (DateTimeOffset?)null), (hosts[1].Kind, hosts[1].FirstSeenDateTime, hosts[1].LastSeenDateTime));
        Assert.Equal((HostKind.Hostname, At(T1 - Day), At(T2 + Day)), (hosts[2].Kind, hosts[2].FirstSeenDateTime, hosts[2].LastSeenDateTime));
        var subdomain = await db.Subdomains.SingleAsync();
        Assert.Equal(("dup.example", "www.dup.example", At(T1 - Day)), (subdomain.ParentHostId, subdomain.HostId, subdomain.FirstSeenDateTime));
        Assert.Equal(1, await db.ImportedBatches.CountAsync());
    }

    [Fact]
    public async Task Records_merge_into_rows_that_earlier_batches_stored()
    {
        await using (var db = Server.CreateDb())
        {
            // Stored by other means before: a hostname without a window, and a domain with a registrar.
            db.Hosts.Add(new Host { Id = "mail.later.example", Kind = HostKind.Hostname });
            db.Hosts.Add(new Host { Id = "later.example", Kind = HostKind.Hostname, Registrar = "Example Registrar", FirstSeenDateTime = At(T1 - 30 * Day) });
            await db.SaveChangesAsync();
        }

        // Batches of two: the second and third batch merge into rows of the first.
        var report = await IngestAsync(Lines(
            Line("www.later.example", "A", "198.51.100.20", first: T1, last: T2, count: 4),
            Line("later.example", "MX", "mail.later.example.", first: T1, last: T2, count: 1),
            Line("www.later.example", "A", "198.51.100.20", first: T1 - 5 * Day, last: T2 - Day, count: 6, sensor: "s2"),
            Line("api.later.example", "CNAME", "www.later.example.", first: T1 + Day, last: T2 + Day, count: 2),
            Line("www.later.example", "A", "198.51.100.20", first: T1 + Day, last: T2 + 9 * Day, count: 1, sensor: "s3")), batchSize: 2);

        Assert.Equal(5, report.GetProperty("accepted").GetInt32());
        Assert.Equal(2, report.GetProperty("merged").GetInt32());

        await using var check = Server.CreateDb();
        var rows = (await check.PassiveDnsRecords.ToListAsync())
            .Select(r => (r.ParentHostId, r.RecordType, r.ArtifactId, r.FirstSeenDateTime, r.LastSeenDateTime, r.CollectedDateTime, r.Count))
            .OrderBy(r => r.ParentHostId, StringComparer.Ordinal).ThenBy(r => r.RecordType, StringComparer.Ordinal).ToList();
        Assert.Equal(
        [
            ("api.later.example", "CNAME", "www.later.example", At(T1 + Day), At(T2 + Day), At(T2 + Day), 2L),
            ("later.example", "MX", "mail.later.example", At(T1), At(T2), At(T2), 1L),
            ("www.later.example", "A", "198.51.100.20", At(T1 - 5 * Day), At(T2 + 9 * Day), At(T2 + 9 * Day), 11L),
        ], rows);

        var hosts = (await check.Hosts.ToListAsync()).OrderBy(h => h.Id, StringComparer.Ordinal)
            .Select(h => (h.Id, h.Kind, h.FirstSeenDateTime, h.LastSeenDateTime, h.Registrar)).ToList();
        Assert.Equal(
        [
            ("198.51.100.20", HostKind.IpAddress, (DateTimeOffset?)At(T1 - 5 * Day), (DateTimeOffset?)At(T2 + 9 * Day), (string?)null),
            ("api.later.example", HostKind.Hostname, At(T1 + Day), At(T2 + Day), null),
            ("later.example", HostKind.Hostname, At(T1 - 30 * Day), At(T2), "Example Registrar"),
            ("mail.later.example", HostKind.Hostname, At(T1), At(T2), null),
            ("www.later.example", HostKind.Hostname, At(T1 - 5 * Day), At(T2 + 9 * Day), null),
        ], hosts);

        var subdomains = (await check.Subdomains.ToListAsync()).OrderBy(s => s.HostId, StringComparer.Ordinal)
            .Select(s => (s.ParentHostId, s.HostId, s.FirstSeenDateTime)).ToList();
        Assert.Equal(
        [
            ("later.example", "api.later.example", (DateTimeOffset?)At(T1 + Day)),
            ("later.example", "mail.later.example", At(T1)),
            ("later.example", "www.later.example", At(T1 - 5 * Day)),
        ], subdomains);
        Assert.Equal(3, await check.ImportedBatches.CountAsync());
    }

    [Fact]
    public async Task A_batch_that_fails_half_way_leaves_nothing_and_can_be_imported_again()
    {
        var content = Lines(
            Line("one.halfway.example", "A", "192.0.2.1"),
            Line("two.halfway.example", "A", "192.0.2.2"),
            Line("three.halfway.example", "A", "192.0.2.3", count: 7),
            Line("boom.halfway.example", "A", "192.0.2.4"));
        await using (var db = Server.CreateDb())
        {
            // The subdomains are written after the batch's records and hosts: a failure there must undo those too.
            await SetTriggerAsync(db, install: true);
        }

        var importer = Importers.Find("cof")!;
        await using (var db = Server.CreateDb())
        {
            await Assert.ThrowsAnyAsync<Exception>(() => importer.ImportAsync(db, new MemoryStream(Encoding.UTF8.GetBytes(content)), new ImportContext("halfway.cof", new ImportOptions(2, 0))));
        }

        await using (var db = Server.CreateDb())
        {
            // The first batch is stored whole; of the second, nothing.
            Assert.Equal(["one.halfway.example", "two.halfway.example"], (await db.PassiveDnsRecords.Select(r => r.ParentHostId).ToListAsync()).Order(StringComparer.Ordinal));
            Assert.False(await db.Hosts.AnyAsync(h => h.Id == "three.halfway.example" || h.Id == "192.0.2.3" || h.Id == "boom.halfway.example"));
            Assert.Equal(2, await db.Subdomains.CountAsync());
            Assert.Equal(1, await db.ImportedBatches.CountAsync());
            await SetTriggerAsync(db, install: false);
        }

        await using (var db = Server.CreateDb())
        {
            var report = await importer.ImportAsync(db, new MemoryStream(Encoding.UTF8.GetBytes(content)), new ImportContext("halfway.cof", new ImportOptions(2, 0)));
            Assert.Equal((2L, 2L), (report.Accepted, report.AlreadyImported));
            Assert.Equal(7, (await db.PassiveDnsRecords.SingleAsync(r => r.ParentHostId == "three.halfway.example")).Count);
            Assert.Equal(4, await db.Subdomains.CountAsync());
        }
    }

    /// <summary>A trigger that refuses the subdomain row of <c>boom.halfway.example</c>, in the store's own dialect.</summary>
    private static async Task SetTriggerAsync(SightlineDb db, bool install)
    {
        string[] sql = (db.Database.IsNpgsql(), install) switch
        {
            (true, true) =>
            [
                "CREATE FUNCTION refuse_boom() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$ LANGUAGE plpgsql",
                "CREATE TRIGGER refuse_boom BEFORE INSERT ON \"Subdomains\" FOR EACH ROW WHEN (NEW.\"HostId\" = 'boom.halfway.example') EXECUTE FUNCTION refuse_boom()",
            ],
            (true, false) => ["DROP TRIGGER refuse_boom ON \"Subdomains\"", "DROP FUNCTION refuse_boom()"],
            (false, true) => ["CREATE TRIGGER refuse_boom BEFORE INSERT ON \"Subdomains\" WHEN NEW.\"HostId\" = 'boom.halfway.example' BEGIN SELECT RAISE(ABORT, 'refused'); END"],
            (false, false) => ["DROP TRIGGER refuse_boom"],
        };
        foreach (var statement in sql)
        {
            await db.Database.ExecuteSqlRawAsync(statement);
        }
    }
}
