using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

public sealed class ArticleShingleConfiguration : IEntityTypeConfiguration<ArticleShingle>
{
    public void Configure(EntityTypeBuilder<ArticleShingle> builder)
    {
        builder.ToTable("article_shingles");
        builder.HasKey(s => new { s.Hash, s.ArticleId });
        builder.HasIndex(s => s.ArticleId);
        builder.HasOne<Article>().WithMany().HasForeignKey(s => s.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
