using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

public sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    /// <summary>The text search configuration for titles and bodies (the corpus is English).</summary>
    public const string SearchConfiguration = "english";

    public void Configure(EntityTypeBuilder<Article> builder)
    {
        builder.ToTable("articles");
        builder.Property(a => a.Title).IsRequired();
        builder.Property(a => a.Language).HasMaxLength(8);
        builder.Property(a => a.File).IsRequired();
        builder.Property(a => a.ContentHash).HasMaxLength(64).IsFixedLength();
        builder.Property(a => a.Encoding).HasMaxLength(32);
        builder.Property(a => a.Version).IsRowVersion();
        builder.Property(a => a.PipelineVersion).HasMaxLength(100);
        builder.HasIndex(a => a.PipelineVersion);

        builder.Property(a => a.SearchVector)
            .HasComputedColumnSql(
                $"setweight(to_tsvector('{SearchConfiguration}'::regconfig, title), 'A') || " +
                $"setweight(to_tsvector('{SearchConfiguration}'::regconfig, coalesce(subtitle, '')), 'B') || " +
                $"setweight(to_tsvector('{SearchConfiguration}'::regconfig, body), 'C')",
                stored: true);

        builder.HasIndex(a => a.ContentHash).IsUnique();
        builder.HasIndex(a => a.File).IsUnique();
        builder.HasIndex(a => new { a.SortDate, a.Id });
        builder.HasIndex(a => a.SearchVector).HasMethod("GIN");

        builder.HasIndex(a => a.StoryId);
        builder.HasOne<Story>().WithMany().HasForeignKey(a => a.StoryId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Article>().WithMany().HasForeignKey(a => a.DuplicateOfId).OnDelete(DeleteBehavior.SetNull);
        builder.OwnsOne(a => a.MainEvent, frame => frame.ToJson("main_event"));
        builder.Property(a => a.Dates).HasColumnType("jsonb");

        // The articles whose dates the re-analysis worker still has to store: an empty index once it has.
        builder.HasIndex(a => a.Id, "DatesMissing").HasFilter("dates IS NULL").HasDatabaseName("ix_articles_dates_missing");

        builder.HasOne(a => a.Source)
            .WithMany(s => s.Articles)
            .HasForeignKey(a => a.SourceId)
            .OnDelete(DeleteBehavior.SetNull);
    }
}
