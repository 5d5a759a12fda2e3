using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

public sealed class EntityConfiguration : IEntityTypeConfiguration<Entity>
{
    public void Configure(EntityTypeBuilder<Entity> builder)
    {
        builder.ToTable("entities");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(e => e.Name).HasMaxLength(300);
        builder.Property(e => e.NameKey).HasMaxLength(300);
        builder.Property(e => e.LastWordKey).HasMaxLength(300);
        builder.HasIndex(e => new { e.Kind, e.NameKey });
        builder.HasIndex(e => new { e.Kind, e.LastWordKey });
        builder.HasIndex(e => new { e.Kind, e.ArticleCount, e.Id });
        builder.HasIndex(e => new { e.Kind, e.MentionCount, e.Id });
        builder.HasIndex(e => new { e.Kind, e.Name, e.Id });
        builder.HasOne<Entity>().WithMany().HasForeignKey(e => e.MergedIntoId).OnDelete(DeleteBehavior.SetNull);
        builder.HasMany(e => e.Aliases).WithOne(a => a.Entity).HasForeignKey(a => a.EntityId).OnDelete(DeleteBehavior.Cascade);
    }
}
