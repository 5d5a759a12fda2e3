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

public sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> builder)
    {
        builder.ToTable("events");
        builder.Property(e => e.Type).HasMaxLength(40);
        builder.Property(e => e.Cameo).HasMaxLength(8);
        builder.Property(e => e.Title).HasMaxLength(400);
        builder.Property(e => e.DatePrecision).HasMaxLength(8);
        builder.Property(e => e.DateText).HasMaxLength(100);
        builder.HasIndex(e => new { e.Type, e.SortDate, e.Id });
        builder.HasIndex(e => new { e.SortDate, e.Id });
        builder.HasIndex(e => new { e.ArticleCount, e.Id });
        builder.HasIndex(e => e.PlaceId);
        builder.HasOne(e => e.Place).WithMany().HasForeignKey(e => e.PlaceId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(e => e.Participants).WithOne().HasForeignKey(p => p.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Articles).WithOne().HasForeignKey(a => a.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

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

public sealed class EventParticipantConfiguration : IEntityTypeConfiguration<EventParticipant>
{
    public void Configure(EntityTypeBuilder<EventParticipant> builder)
    {
        builder.ToTable("event_participants");
        builder.HasKey(p => new { p.EventId, p.ArticleId, p.EntityId });
        builder.Property(p => p.Role).HasConversion<string>().HasMaxLength(8);
        builder.HasIndex(p => new { p.EntityId, p.EventId });
        builder.HasIndex(p => p.ArticleId);
        builder.HasOne(p => p.Entity).WithMany().HasForeignKey(p => p.EntityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Article>().WithMany().HasForeignKey(p => p.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class EventEvidenceConfiguration : IEntityTypeConfiguration<EventEvidence>
{
    public void Configure(EntityTypeBuilder<EventEvidence> builder)
    {
        builder.ToTable("event_evidence");
        builder.Property(e => e.Trigger).HasMaxLength(50);
        builder.HasIndex(e => new { e.EventId, e.ArticleId });
        builder.HasIndex(e => e.ArticleId);
        builder.HasOne<Event>().WithMany().HasForeignKey(e => e.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Article>().WithMany().HasForeignKey(e => e.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class StoryConfiguration : IEntityTypeConfiguration<Story>
{
    public void Configure(EntityTypeBuilder<Story> builder)
    {
        builder.ToTable("stories");
        // A story's id is the id of the article that started it: known before the insert, so an import needs no
        // round trip to learn it.
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasIndex(s => new { s.ArticleCount, s.LastDate, s.Id });
        builder.HasIndex(s => new { s.LastDate, s.Id });
    }
}

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
