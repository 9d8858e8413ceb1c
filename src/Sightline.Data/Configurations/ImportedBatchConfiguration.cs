using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sightline.Data.Entities;

namespace Sightline.Data.Configurations;

internal sealed class ImportedBatchConfiguration : IEntityTypeConfiguration<ImportedBatch>
{
    public void Configure(EntityTypeBuilder<ImportedBatch> b) => b.HasKey(x => x.Id);
}
