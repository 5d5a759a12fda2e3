using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

public sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> builder)
    {
        builder.ToTable("sources");
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.HasIndex(s => s.Name).IsUnique();
    }
}
