using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sightline.Data.Entities;

namespace Sightline.Data.Configurations;

internal sealed class SslCertificateConfiguration : IEntityTypeConfiguration<SslCertificate>
{
    public void Configure(EntityTypeBuilder<SslCertificate> b)
    {
        b.HasKey(c => c.Id);
        b.HasIndex(c => c.Sha1);
        b.HasIndex(c => c.Fingerprint);
        b.HasIndex(c => c.SerialNumber);
        b.HasIndex(c => c.LastSeenDateTime);
        b.OwnsOne(c => c.Issuer);
        b.OwnsOne(c => c.Subject);
        b.Navigation(c => c.Issuer).IsRequired();
        b.Navigation(c => c.Subject).IsRequired();
    }
}

internal sealed class HostSslCertificateConfiguration : IEntityTypeConfiguration<HostSslCertificate>
{
    public void Configure(EntityTypeBuilder<HostSslCertificate> b)
    {
        b.HasKey(r => new { r.HostId, r.Id });
        b.HasIndex(r => r.Id);
        b.HasIndex(r => new { r.HostId, r.LastSeenDateTime });
        b.HasIndex(r => new { r.SslCertificateId, r.Id });
        b.HasOne(r => r.SslCertificate).WithMany().HasForeignKey(r => r.SslCertificateId);
        b.OwnsMany(r => r.Ports, o => o.ToJson());
    }
}
