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

public sealed class EntityMentionConfiguration : IEntityTypeConfiguration<EntityMention>
{
    public void Configure(EntityTypeBuilder<EntityMention> builder)
    {
        builder.ToTable("entity_mentions");
        builder.Property(m => m.Surface).HasMaxLength(300);
        builder.HasIndex(m => new { m.EntityId, m.Id });
        builder.HasIndex(m => m.ArticleId);
        builder.HasOne<Entity>().WithMany().HasForeignKey(m => m.EntityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Article>().WithMany().HasForeignKey(m => m.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ArticleEntityConfiguration : IEntityTypeConfiguration<ArticleEntity>
{
    public void Configure(EntityTypeBuilder<ArticleEntity> builder)
    {
        builder.ToTable("article_entities");
        builder.HasKey(ae => new { ae.ArticleId, ae.EntityId });
        builder.HasIndex(ae => ae.EntityId);
        builder.HasOne(ae => ae.Entity).WithMany().HasForeignKey(ae => ae.EntityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Article>().WithMany().HasForeignKey(ae => ae.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class EntityRoleConfiguration : IEntityTypeConfiguration<EntityRole>
{
    public void Configure(EntityTypeBuilder<EntityRole> builder)
    {
        builder.ToTable("entity_roles");
        builder.Property(r => r.Title).HasMaxLength(200);
        builder.Property(r => r.Affiliation).HasMaxLength(300);
        builder.Property(r => r.AffiliationKind).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(r => r.EntityId);
        builder.HasIndex(r => r.ArticleId);
        builder.HasOne<Entity>().WithMany().HasForeignKey(r => r.EntityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}

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
