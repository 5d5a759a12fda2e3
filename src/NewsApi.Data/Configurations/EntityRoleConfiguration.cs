using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

public sealed class EntityRoleConfiguration : IEntityTypeConfiguration<EntityRole>
{
    public void Configure(EntityTypeBuilder<EntityRole> builder)
    {
        builder.ToTable("entity_roles");
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.Affiliation).HasMaxLength(300);
        builder.Property(r => r.AffiliationKind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => r.EntityId);
        builder.HasIndex(r => r.ArticleId);
        builder.HasOne<Entity>().WithMany().HasForeignKey(r => r.EntityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
