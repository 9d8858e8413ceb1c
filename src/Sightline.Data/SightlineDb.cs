using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Sightline.Data.Entities;

namespace Sightline.Data;

/// <summary>
/// The store. One model for every provider; each provider has its own subclass so that it keeps its own
/// migrations (<see cref="SqliteSightlineDb"/>, <see cref="PostgresSightlineDb"/>).
/// </summary>
public abstract class SightlineDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<Host> Hosts => Set<Host>();
    public DbSet<PassiveDnsRecord> PassiveDnsRecords => Set<PassiveDnsRecord>();
    public DbSet<Subdomain> Subdomains => Set<Subdomain>();
    public DbSet<HostComponent> HostComponents => Set<HostComponent>();
    public DbSet<HostCookie> HostCookies => Set<HostCookie>();
    public DbSet<HostTracker> HostTrackers => Set<HostTracker>();
    public DbSet<HostPair> HostPairs => Set<HostPair>();
    public DbSet<HostPort> HostPorts => Set<HostPort>();
    public DbSet<SslCertificate> SslCertificates => Set<SslCertificate>();
    public DbSet<HostSslCertificate> HostSslCertificates => Set<HostSslCertificate>();
    public DbSet<WhoisRecord> WhoisRecords => Set<WhoisRecord>();
    public DbSet<WhoisLookup> WhoisLookups => Set<WhoisLookup>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleIndicator> ArticleIndicators => Set<ArticleIndicator>();
    public DbSet<IntelProfile> IntelProfiles => Set<IntelProfile>();
    public DbSet<IntelProfileIndicator> IntelProfileIndicators => Set<IntelProfileIndicator>();
    public DbSet<Vulnerability> Vulnerabilities => Set<Vulnerability>();
    public DbSet<VulnerabilityComponent> VulnerabilityComponents => Set<VulnerabilityComponent>();
    public DbSet<VulnerabilityArticle> VulnerabilityArticles => Set<VulnerabilityArticle>();
    public DbSet<HostReputation> HostReputations => Set<HostReputation>();
    public DbSet<ReputationOverride> ReputationOverrides => Set<ReputationOverride>();
    public DbSet<ListEntry> ListEntries => Set<ListEntry>();
    public DbSet<ImportedBatch> ImportedBatches => Set<ImportedBatch>();

    // The WHOIS lookup rows are derived on every save, so no writer can leave them out.
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        Data.WhoisLookups.DeriveAdded(ChangeTracker, WhoisLookups);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        Data.WhoisLookups.DeriveAdded(ChangeTracker, WhoisLookups);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SightlineDb).Assembly);
}

public sealed class SqliteSightlineDb(DbContextOptions<SqliteSightlineDb> options) : SightlineDb(options)
{
    // SQLite has no date type: stored as UTC ticks, timestamps compare and sort in SQL.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresSightlineDb(DbContextOptions<PostgresSightlineDb> options) : SightlineDb(options);
