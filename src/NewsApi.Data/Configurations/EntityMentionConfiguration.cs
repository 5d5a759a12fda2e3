using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

public sealed class EntityMentionConfiguration : IEntityTypeConfiguration<EntityMention>
{
    public void Configure(EntityTypeBuilder<EntityMention> builder)
    {
        builder.ToTable("entity_mentions");
        builder.Property(m => m.Surface).HasMaxLength(300);
        builder.HasIndex(m => new { m.EntityId, m.Id });
        builder.HasIndex(m => m.ArticleId);
        builder.HasOne<Entity>().WithMany().HasForeignKey(m => m.EntityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Article>().WithMany().HasForeignKey(m => m.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
