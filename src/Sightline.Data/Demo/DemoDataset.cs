using Microsoft.EntityFrameworkCore;

namespace Sightline.Data.Demo;

/// <summary>
/// A deterministic demo dataset: real public threat intelligence (MITRE ATT&amp;CK, MISP galaxy, Unit 42
/// playbooks, CISA KEV and vulnrichment CVE records, all embedded under <c>Demo/data</c> with their licences)
/// joined to synthetic infrastructure (hosts marked <see cref="Entities.Host.IsSynthetic"/>). Every run produces
/// exactly the same rows: values come from hashes of fixed keys and dates are offsets from a fixed base date.
/// </summary>
public static class DemoDataset
{
    /// <summary>Hosts whose every navigation (passive DNS, WHOIS, certificates, ports...) has data.</summary>
    public static IReadOnlyList<string> ShowcaseHosts { get; } = DemoShowcase.HostIds;

    /// <summary>Fills an empty store in one transaction. Call it only when <c>db.Hosts</c> is empty.</summary>
    public static async Task LoadAsync(SightlineDb db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Hosts.AnyAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("The demo dataset can only be loaded into an empty store.");
        }

        var builder = Build();
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            db.AddRange(builder.Entities());
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Builds every row in memory, in dependency order (hosts that others point at come first).</summary>
    internal static DemoBuilder Build()
    {
        var builder = new DemoBuilder();
        DemoShowcase.Add(builder);
        DemoInfrastructure.Add(builder);
        DemoArticles.Add(builder);
        DemoIntel.Add(builder);
        DemoVulnerabilities.Add(builder);
        DemoReputation.Add(builder);
        return builder;
    }
}
