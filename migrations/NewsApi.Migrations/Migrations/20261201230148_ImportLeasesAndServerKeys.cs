using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NewsApi.Migrations
{
    /// <inheritdoc />
    public partial class ImportLeasesAndServerKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "heartbeat_at",
                table: "import_runs",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "owner",
                table: "import_runs",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "server_keys",
                columns: table => new
                {
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    value = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_server_keys", x => x.name);
                });

            // Earlier versions queued a run per request; keep the first queued run of each folder.
            migrationBuilder.Sql("""
                UPDATE import_runs SET status = 'Failed', finished_at = now(),
                  error = 'Superseded: an earlier queued run of the same folder imports its files.'
                WHERE status = 'Queued' AND id NOT IN (SELECT min(id) FROM import_runs WHERE status = 'Queued' GROUP BY path);
                """);

            migrationBuilder.CreateIndex(
                name: "ux_import_runs_one_queued_per_path",
                table: "import_runs",
                column: "path",
                unique: true,
                filter: "status = 'Queued'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "server_keys");

            migrationBuilder.DropIndex(
                name: "ux_import_runs_one_queued_per_path",
                table: "import_runs");

            migrationBuilder.DropColumn(
                name: "heartbeat_at",
                table: "import_runs");

            migrationBuilder.DropColumn(
                name: "owner",
                table: "import_runs");
        }
    }
}
