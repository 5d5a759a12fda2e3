using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsApi.Data.Entities;

namespace NewsApi.Data.Configurations;

public sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> builder)
    {
        builder.ToTable("import_runs");
        builder.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Owner).HasMaxLength(300);
        builder.HasIndex(r => r.Status);

        // At most one queued run per folder: a request while one is queued gets that run, across instances.
        builder.HasIndex(r => r.Path).IsUnique().HasFilter("status = 'Queued'").HasDatabaseName("ux_import_runs_one_queued_per_path");
        builder.HasMany(r => r.Files).WithOne(f => f.Run).HasForeignKey(f => f.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
