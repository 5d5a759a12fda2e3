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

            // Earlier versions wrote server paths and exception messages into texts anyone can read.
            migrationBuilder.Sql("""
                UPDATE import_runs SET error = 'The import folder does not exist.' WHERE error LIKE 'The import folder ''%'' does not exist.';
                UPDATE import_runs SET error = 'The run stopped on an unexpected error; the details are in the server log.' WHERE error LIKE 'The run stopped: %';
                UPDATE import_files SET reason = 'The file could not be read.' WHERE reason LIKE 'The file could not be read: %';
                UPDATE import_files SET reason = 'The database refused the article; the details are in the server log under this file''s name.'
                  WHERE reason LIKE 'The database refused the article: %';
                UPDATE import_files SET reason = 'The text could not be normalised; the details are in the server log under this file''s name.'
                  WHERE reason LIKE 'The text could not be normalised: %';
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
