using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

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
