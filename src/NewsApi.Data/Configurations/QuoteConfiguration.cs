using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

public sealed class QuoteConfiguration : IEntityTypeConfiguration<Quote>
{
    public void Configure(EntityTypeBuilder<Quote> builder)
    {
        builder.ToTable("quotes");
        builder.Property(q => q.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(q => q.Cue).HasMaxLength(50);
        builder.Property(q => q.SpeakerText).HasMaxLength(300);
        builder.Property(q => q.SearchVector)
            .HasComputedColumnSql($"to_tsvector('{ArticleConfiguration.SearchConfiguration}'::regconfig, text)", stored: true);
        builder.HasIndex(q => q.SearchVector).HasMethod("GIN");
        builder.HasIndex(q => new { q.ArticleId, q.InTitle, q.Start });
        builder.HasIndex(q => new { q.SpeakerId, q.ArticleDate, q.Id });
        builder.HasIndex(q => new { q.ArticleDate, q.Id });
        builder.HasOne(q => q.Speaker).WithMany().HasForeignKey(q => q.SpeakerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Article>().WithMany().HasForeignKey(q => q.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
