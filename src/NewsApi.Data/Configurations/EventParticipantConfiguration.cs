using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

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
