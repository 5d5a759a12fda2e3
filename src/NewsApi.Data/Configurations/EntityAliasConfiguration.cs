using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

public sealed class EntityAliasConfiguration : IEntityTypeConfiguration<EntityAlias>
{
    public void Configure(EntityTypeBuilder<EntityAlias> builder)
    {
        builder.ToTable("entity_aliases");
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Source).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Alias).HasMaxLength(300);
        builder.Property(a => a.AliasKey).HasMaxLength(300);
        builder.HasIndex(a => new { a.EntityId, a.AliasKey }).IsUnique();
        builder.HasIndex(a => new { a.AliasKey, a.Kind });
        // The trigram index for search is on lower(alias_key) (created in the Entities migration), an expression
        // only search uses: on alias_key itself the planner picks it for equality lookups, which it is slow at.
    }
}
