using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sightline.Data.Entities;

namespace Sightline.Data.Configurations;

internal sealed class WhoisRecordConfiguration : IEntityTypeConfiguration<WhoisRecord>
{
    public void Configure(EntityTypeBuilder<WhoisRecord> b)
    {
        b.HasKey(r => new { r.HostId, r.Id });
        b.HasIndex(r => r.Id);
        b.HasIndex(r => new { r.HostId, r.IsCurrent });
        b.HasIndex(r => new { r.HostId, r.LastUpdateDateTime });
        b.HasIndex(r => r.RegistrationDateTime);
        b.HasIndex(r => r.ExpirationDateTime);
        b.OwnsOne(r => r.Abuse);
        b.OwnsOne(r => r.Admin);
        b.OwnsOne(r => r.Billing);
        b.OwnsOne(r => r.Noc);
        b.OwnsOne(r => r.Registrant, o => o.HasIndex(c => c.Email));
        b.OwnsOne(r => r.Registrar, o => o.HasIndex(c => c.Name));
        b.OwnsOne(r => r.Technical);
        b.OwnsOne(r => r.Zone);
        b.OwnsMany(r => r.Nameservers, o => o.ToJson());
    }
}

internal sealed class WhoisLookupConfiguration : IEntityTypeConfiguration<WhoisLookup>
{
    public void Configure(EntityTypeBuilder<WhoisLookup> b)
    {
        // The key is the pivot index: one (path, value) is one range, in host then version-id order (the order
        // whoisRecords pages in). It holds the host, as every host-scoped key does (docs/scaling.md).
        b.HasKey(l => new { l.Path, l.Value, l.HostId, l.RecordId });
        b.HasOne<WhoisRecord>().WithMany().HasForeignKey(l => new { l.HostId, l.RecordId }).OnDelete(DeleteBehavior.Cascade);
    }
}
