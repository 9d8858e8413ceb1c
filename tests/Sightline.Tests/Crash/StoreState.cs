using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sightline.Data;
using Sightline.Data.Ingestion;
using Sightline.Data.Reputation;

namespace Sightline.Tests.Crash;

/// <summary>What a store holds, table by table (row count and a hash of its rows in key order), and its consistency.</summary>
public static class StoreState
{
    /// <summary>Each table as "name: N rows, sha256"; timestamps of when rows were written are left out, everything imported is in.</summary>
    public static async Task<List<string>> FingerprintAsync(StoreOptions store, bool reputations = true)
    {
        await using var db = store.CreateContext();
        var tables = new Dictionary<string, IEnumerable<string>>(StringComparer.Ordinal)
        {
            ["passiveDns"] = (await db.PassiveDnsRecords.ToListAsync()).Select(r =>
                $"{r.Id}|{r.ParentHostId}|{r.ArtifactId}|{r.ArtifactKind}|{r.RecordType}|{r.FirstSeenDateTime:O}|{r.LastSeenDateTime:O}|{r.CollectedDateTime:O}|{r.Count}"),
            ["hosts"] = (await db.Hosts.ToListAsync()).Select(h =>
                $"{h.Id}|{h.Kind}|{h.FirstSeenDateTime:O}|{h.LastSeenDateTime:O}|{h.AsNumber}|{h.CountryOrRegion}|{h.Netblock}|{h.IsSynthetic}"),
            ["subdomains"] = (await db.Subdomains.ToListAsync()).Select(s => $"{s.Id}|{s.ParentHostId}|{s.HostId}|{s.FirstSeenDateTime:O}"),
            ["ledger"] = (await db.ImportedBatches.ToListAsync()).Select(b => $"{b.Id}|{b.Format}|{b.Records}"),
        };
        if (reputations)
        {
            tables["reputations"] = (await db.HostReputations.ToListAsync()).Select(r => $"{r.Id}|{r.HostId}|{r.Score}|{r.Classification}");
        }
        return tables.Select(t =>
        {
            var rows = t.Value.Order(StringComparer.Ordinal).ToList();
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows)));
            return $"{t.Key}: {rows.Count} rows, {Convert.ToHexStringLower(hash)[..16]}";
        }).ToList();
    }

    /// <summary>Derived rows agree with the records: every record's hosts exist and their seen window covers it; every subdomain's hosts exist.</summary>
    public static async Task AssertConsistentAsync(StoreOptions store)
    {
        await using var db = store.CreateContext();
        var hosts = await db.Hosts.ToDictionaryAsync(h => h.Id, StringComparer.Ordinal);
        foreach (var r in await db.PassiveDnsRecords.ToListAsync())
        {
            foreach (var id in new[] { r.ParentHostId, r.ArtifactId })
            {
                Assert.True(hosts.TryGetValue(id, out var host), $"record {r.Id} names host {id}, which is not stored");
                Assert.True(host.FirstSeenDateTime <= r.FirstSeenDateTime && host.LastSeenDateTime >= r.LastSeenDateTime,
                    $"host {id} seen {host.FirstSeenDateTime:O}..{host.LastSeenDateTime:O} does not cover its record {r.Id} seen {r.FirstSeenDateTime:O}..{r.LastSeenDateTime:O}");
            }
        }
        foreach (var s in await db.Subdomains.ToListAsync())
        {
            Assert.True(hosts.ContainsKey(s.HostId) && hosts.ContainsKey(s.ParentHostId), $"subdomain {s.HostId} of {s.ParentHostId}: a host is missing");
        }
    }

    /// <summary>SQLite's own check of the file (pages, indexes, free list) after the crash; PostgreSQL has no equivalent to ask.</summary>
    public static async Task AssertIntegrityAsync(StoreOptions store)
    {
        if (store.IsPostgres)
        {
            return;
        }
        await using var db = store.CreateContext();
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        Assert.Equal("ok", (string?)await command.ExecuteScalarAsync());
    }

    /// <summary>
    /// A store that never crashed: <paramref name="lines"/> imported in one go, in process, with the same batch size,
    /// then scored as the ingest endpoint scores after an import.
    /// </summary>
    public static async Task<List<string>> CleanImportAsync(IReadOnlyList<string> lines, int batchSize, bool score)
    {
        var store = TestStores.Fresh(out var folder);
        try
        {
            await using (var db = store.CreateContext())
            {
                await StoreSetup.PrepareAsync(db);
                using var input = new MemoryStream(CrashInput.Bytes(lines));
                var report = await Importers.Find("cof")!.ImportAsync(db, input, new ImportContext("clean.cof", new ImportOptions(batchSize)));
                Assert.True(report.Succeeded && report.Rejected == 0, report.ToString());
                if (score)
                {
                    await new ReputationEngine(ReputationRuleSet.Default).RecomputeAsync(db);
                }
            }
            return await FingerprintAsync(store, reputations: score);
        }
        finally
        {
            await TestStores.DeleteAsync(store, folder);
        }
    }
}
