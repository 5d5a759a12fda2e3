using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

public sealed class ArticleEntityConfiguration : IEntityTypeConfiguration<ArticleEntity>
{
    public void Configure(EntityTypeBuilder<ArticleEntity> builder)
    {
        builder.ToTable("article_entities");
        builder.HasKey(ae => new { ae.ArticleId, ae.EntityId });
        builder.HasIndex(ae => ae.EntityId);
        builder.HasOne(ae => ae.Entity).WithMany().HasForeignKey(ae => ae.EntityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Article>().WithMany().HasForeignKey(ae => ae.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
