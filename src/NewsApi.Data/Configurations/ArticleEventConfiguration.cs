using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

public sealed class ArticleEventConfiguration : IEntityTypeConfiguration<ArticleEvent>
{
    public void Configure(EntityTypeBuilder<ArticleEvent> builder)
    {
        builder.ToTable("article_events");
        builder.HasKey(ae => new { ae.EventId, ae.ArticleId });
        builder.Property(ae => ae.Title).HasMaxLength(400);
        builder.Property(ae => ae.DatePrecision).HasMaxLength(8);
        builder.Property(ae => ae.DateText).HasMaxLength(100);
        builder.HasIndex(ae => ae.ArticleId);
        builder.HasOne<Article>().WithMany().HasForeignKey(ae => ae.ArticleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Entity>().WithMany().HasForeignKey(ae => ae.PlaceId).OnDelete(DeleteBehavior.SetNull);
    }
}
