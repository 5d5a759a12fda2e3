using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

public sealed class ArticleNameConfiguration : IEntityTypeConfiguration<ArticleName>
{
    public void Configure(EntityTypeBuilder<ArticleName> builder)
    {
        builder.ToTable("article_names");
        builder.HasKey(n => new { n.ArticleId, n.NameKey });
        builder.Property(n => n.NameKey).HasMaxLength(300);
        builder.Property(n => n.Name).HasMaxLength(300);

        // GET /articles?name= looks articles up by key.
        builder.HasIndex(n => new { n.NameKey, n.ArticleId });
        builder.HasOne<Article>().WithMany().HasForeignKey(n => n.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
