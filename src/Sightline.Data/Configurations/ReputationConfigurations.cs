using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sightline.Data.Entities;

namespace Sightline.Data.Configurations;

internal sealed class ListEntryConfiguration : IEntityTypeConfiguration<ListEntry>
{
    public void Configure(EntityTypeBuilder<ListEntry> b)
    {
        b.HasKey(e => new { e.List, e.Value });
        b.HasIndex(e => e.Host);
    }
}

internal sealed class ReputationOverrideConfiguration : IEntityTypeConfiguration<ReputationOverride>
{
    public void Configure(EntityTypeBuilder<ReputationOverride> b) => b.HasKey(o => o.HostId);
}
