using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

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
