using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

public sealed class ServerKeyConfiguration : IEntityTypeConfiguration<ServerKey>
{
    public void Configure(EntityTypeBuilder<ServerKey> builder)
    {
        builder.ToTable("server_keys");
        builder.HasKey(k => k.Name);
        builder.Property(k => k.Name).HasMaxLength(64);
    }
}
