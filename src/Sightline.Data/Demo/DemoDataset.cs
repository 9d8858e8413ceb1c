using Microsoft.EntityFrameworkCore;
using Sightline.Data.Entities;
using Sightline.Data.Ingestion;

namespace Sightline.Data.Demo;

/// <summary>
/// The demo dataset, built by running the importers over <see cref="DemoFiles"/>: real public threat intelligence
/// (MITRE ATT&amp;CK, MISP galaxy, Unit 42 playbooks, CISA KEV and vulnrichment CVE records, embedded under
/// <c>Demo/data</c> with their licences) and synthetic observations in the standard formats (hosts marked
/// <see cref="Host.IsSynthetic"/>). Every run produces the same rows: the files are deterministic and so are the
/// importers' ids.
/// </summary>
public static class DemoDataset
{
    /// <summary>The ledger row that says the whole demo was imported.</summary>
    public const string CompletedMarker = "demo-dataset-complete";

    /// <summary>Hosts whose every navigation (passive DNS, WHOIS, certificates, ports...) has data.</summary>
    public static IReadOnlyList<string> ShowcaseHosts { get; } = DemoShowcase.HostIds;

    /// <summary>True when the demo was never loaded into this store or its loading was interrupted.</summary>
    public static async Task<bool> NeedsLoadingAsync(SightlineDb db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.ImportedBatches.AnyAsync(b => b.Id == CompletedMarker, cancellationToken))
        {
            return false;
        }
        return !await db.Hosts.AnyAsync(cancellationToken)
            || await db.ImportedBatches.AnyAsync(b => b.Source.StartsWith("demo/"), cancellationToken);
    }

    /// <summary>
    /// Imports every demo file. Each batch is atomic and recorded in the ledger, so a load that was interrupted is
    /// completed by calling this again. Throws when an importer rejects anything: the demo's files are the product's.
    /// </summary>
    public static async Task LoadAsync(SightlineDb db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var options = new ImportOptions(20_000, 0);
        foreach (var file in DemoFiles.Build())
        {
            var importer = Importers.Find(file.Format) ?? throw new InvalidOperationException($"No importer for '{file.Format}'.");
            using var input = new MemoryStream(file.Content, writable: false);
            var report = await importer.ImportAsync(db, input, new ImportContext("demo/" + file.Name, options) { Settings = file.Settings }, cancellationToken);
            if (!report.Succeeded)
            {
                throw new InvalidOperationException($"The demo file {file.Name} did not import: {string.Join("; ", report.Errors.Take(5))}");
            }
        }
        await MarkSyntheticAsync(db, cancellationToken);
        await DemoReputation.ApplyAsync(db, cancellationToken);
        db.ImportedBatches.Add(new ImportedBatch
        {
            Id = CompletedMarker, Format = "demo", Source = "demo", Records = 0, ImportedDateTime = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>Every host the real public data does not name is one the demo made up.</summary>
    private static async Task MarkSyntheticAsync(SightlineDb db, CancellationToken cancellationToken)
    {
        var real = db.ArticleIndicators.Where(i => i.Source == IndicatorSource.Public && i.ArtifactType != ArtifactType.Unclassified).Select(i => i.ArtifactId);
        await db.Hosts.Where(h => !real.Contains(h.Id)).ExecuteUpdateAsync(s => s.SetProperty(h => h.IsSynthetic, true), cancellationToken);
    }
}
