using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sightline.Data.Entities;

namespace Sightline.Data.Configurations;

internal sealed class HostConfiguration : IEntityTypeConfiguration<Host>
{
    public void Configure(EntityTypeBuilder<Host> b)
    {
        b.HasKey(h => h.Id);
        // Pivots (hosts by ASN, netblock, country, registrar, registrant): each index ends with the key, so a
        // page of one value is read in key order and stops after the page.
        b.HasIndex(h => new { h.AsNumber, h.Id });
        b.HasIndex(h => new { h.Netblock, h.Id });
        b.HasIndex(h => new { h.CountryOrRegion, h.Id });
        b.HasIndex(h => new { h.Registrar, h.Id });
        b.HasIndex(h => new { h.Registrant, h.Id });
    }
}

internal sealed class PassiveDnsRecordConfiguration : IEntityTypeConfiguration<PassiveDnsRecord>
{
    public void Configure(EntityTypeBuilder<PassiveDnsRecord> b)
    {
        b.HasKey(r => new { r.ParentHostId, r.Id });
        // Item routes look an id up alone. Not unique: a distributed store (Citus, docs/scaling.md) only enforces
        // uniqueness that includes the host, the distribution column; the key already holds it, and every id is
        // derived from its host's name, so the key is as unique as the id.
        b.HasIndex(r => r.Id);
        b.HasIndex(r => new { r.ParentHostId, r.LastSeenDateTime });
        b.HasIndex(r => new { r.ArtifactId, r.LastSeenDateTime });
        b.HasIndex(r => new { r.ArtifactId, r.Id });
    }
}

internal sealed class SubdomainConfiguration : IEntityTypeConfiguration<Subdomain>
{
    public void Configure(EntityTypeBuilder<Subdomain> b)
    {
        b.HasKey(r => new { r.ParentHostId, r.Id });
        b.HasIndex(r => r.Id);
        b.HasIndex(r => new { r.ParentHostId, r.FirstSeenDateTime });
        b.HasIndex(r => new { r.HostId, r.Id });
    }
}

internal sealed class HostComponentConfiguration : IEntityTypeConfiguration<HostComponent>
{
    public void Configure(EntityTypeBuilder<HostComponent> b)
    {
        b.HasKey(r => new { r.HostId, r.Id });
        b.HasIndex(r => r.Id);
        b.HasIndex(r => new { r.HostId, r.LastSeenDateTime });
        b.HasIndex(r => new { r.Name, r.Version, r.Id });
    }
}

internal sealed class HostCookieConfiguration : IEntityTypeConfiguration<HostCookie>
{
    public void Configure(EntityTypeBuilder<HostCookie> b)
    {
        b.HasKey(r => new { r.HostId, r.Id });
        b.HasIndex(r => r.Id);
        b.HasIndex(r => new { r.HostId, r.LastSeenDateTime });
        b.HasIndex(r => new { r.Name, r.Id });
        b.HasIndex(r => new { r.Domain, r.Id });
    }
}

internal sealed class HostTrackerConfiguration : IEntityTypeConfiguration<HostTracker>
{
    public void Configure(EntityTypeBuilder<HostTracker> b)
    {
        b.HasKey(r => new { r.HostId, r.Id });
        b.HasIndex(r => r.Id);
        b.HasIndex(r => new { r.HostId, r.LastSeenDateTime });
        b.HasIndex(r => new { r.Value, r.Id });
    }
}

internal sealed class HostPairConfiguration : IEntityTypeConfiguration<HostPair>
{
    public void Configure(EntityTypeBuilder<HostPair> b)
    {
        b.HasKey(r => new { r.ParentHostId, r.Id });
        b.HasIndex(r => r.Id);
        b.HasIndex(r => new { r.ParentHostId, r.LastSeenDateTime });
        b.HasIndex(r => new { r.ChildHostId, r.LastSeenDateTime });
        b.HasIndex(r => new { r.ChildHostId, r.Id });
    }
}

internal sealed class HostPortConfiguration : IEntityTypeConfiguration<HostPort>
{
    public void Configure(EntityTypeBuilder<HostPort> b)
    {
        b.HasKey(r => new { r.HostId, r.Id });
        b.HasIndex(r => r.Id);
        b.HasIndex(r => new { r.HostId, r.Port });
        b.HasIndex(r => new { r.Port, r.Id });
        b.HasIndex(r => new { r.MostRecentSslCertificateId, r.Id });
        b.OwnsMany(r => r.Banners, o => o.ToJson());
        b.OwnsMany(r => r.Services, o => o.ToJson());
    }
}

internal sealed class HostReputationConfiguration : IEntityTypeConfiguration<HostReputation>
{
    public void Configure(EntityTypeBuilder<HostReputation> b)
    {
        b.HasKey(r => r.HostId);
        b.HasIndex(r => r.Classification);
        b.OwnsMany(r => r.Rules, o => o.ToJson());
    }
}
