using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Sightline.Data.Entities;

namespace Sightline.Data.Configurations;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> b)
    {
        b.HasKey(a => a.Id);
        b.HasIndex(a => a.CreatedDateTime);
    }
}

internal sealed class ArticleIndicatorConfiguration : IEntityTypeConfiguration<ArticleIndicator>
{
    public void Configure(EntityTypeBuilder<ArticleIndicator> b)
    {
        b.HasKey(i => new { i.ArticleId, i.Id });
        b.HasIndex(i => i.Id);
        b.HasIndex(i => i.ArtifactId);
    }
}

internal sealed class IntelProfileConfiguration : IEntityTypeConfiguration<IntelProfile>
{
    public void Configure(EntityTypeBuilder<IntelProfile> b)
    {
        b.HasKey(p => p.Id);
        b.HasIndex(p => p.Title);
    }
}

internal sealed class IntelProfileIndicatorConfiguration : IEntityTypeConfiguration<IntelProfileIndicator>
{
    public void Configure(EntityTypeBuilder<IntelProfileIndicator> b)
    {
        b.HasKey(i => new { i.ProfileId, i.Id });
        b.HasIndex(i => i.Id).IsUnique();
        b.HasIndex(i => new { i.ProfileId, i.FirstSeenDateTime });
        b.HasIndex(i => i.ArtifactId);
    }
}

internal sealed class VulnerabilityConfiguration : IEntityTypeConfiguration<Vulnerability>
{
    public void Configure(EntityTypeBuilder<Vulnerability> b)
    {
        b.HasKey(v => v.Id);
        b.HasIndex(v => v.PublishedDateTime);
        b.OwnsOne(v => v.Cvss2);
        b.OwnsOne(v => v.Cvss3);
        b.Navigation(v => v.Cvss2).IsRequired();
        b.Navigation(v => v.Cvss3).IsRequired();
        b.OwnsMany(v => v.Exploits, o => o.ToJson());
        b.OwnsMany(v => v.References, o => o.ToJson());
    }
}

internal sealed class VulnerabilityComponentConfiguration : IEntityTypeConfiguration<VulnerabilityComponent>
{
    public void Configure(EntityTypeBuilder<VulnerabilityComponent> b) =>
        b.HasKey(c => new { c.VulnerabilityId, c.Id });
}

internal sealed class VulnerabilityArticleConfiguration : IEntityTypeConfiguration<VulnerabilityArticle>
{
    public void Configure(EntityTypeBuilder<VulnerabilityArticle> b)
    {
        b.HasKey(l => new { l.VulnerabilityId, l.ArticleId });
        b.HasIndex(l => l.ArticleId);
    }
}
