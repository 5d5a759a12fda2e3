using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

public sealed class EntityCorrectionConfiguration : IEntityTypeConfiguration<EntityCorrection>
{
    public void Configure(EntityTypeBuilder<EntityCorrection> builder)
    {
        builder.ToTable("entity_corrections");
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(c => c.Alias).HasMaxLength(300);
        builder.HasIndex(c => c.EntityId);
    }
}
