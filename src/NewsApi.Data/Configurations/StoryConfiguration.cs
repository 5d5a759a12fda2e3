using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

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
