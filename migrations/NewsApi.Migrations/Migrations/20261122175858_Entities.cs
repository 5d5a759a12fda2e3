using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace NewsApi.Migrations
{
    /// <inheritdoc />
    public partial class Entities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "analysed_at",
                table: "articles",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "pipeline_version",
                table: "articles",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "token_count",
                table: "articles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "entities",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    name_key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    last_word_key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    merged_into_id = table.Column<long>(type: "bigint", nullable: true),
                    article_count = table.Column<int>(type: "integer", nullable: false),
                    mention_count = table.Column<int>(type: "integer", nullable: false),
                    first_seen = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_seen = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entities", x => x.id);
                    table.ForeignKey(
                        name: "fk_entities_entities_merged_into_id",
                        column: x => x.merged_into_id,
                        principalTable: "entities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "entity_corrections",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    entity_id = table.Column<long>(type: "bigint", nullable: false),
                    other_entity_id = table.Column<long>(type: "bigint", nullable: true),
                    alias = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entity_corrections", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "article_entities",
                columns: table => new
                {
                    article_id = table.Column<long>(type: "bigint", nullable: false),
                    entity_id = table.Column<long>(type: "bigint", nullable: false),
                    mention_count = table.Column<int>(type: "integer", nullable: false),
                    salience = table.Column<double>(type: "double precision", nullable: false),
                    match_reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_article_entities", x => new { x.article_id, x.entity_id });
                    table.ForeignKey(
                        name: "fk_article_entities_articles_article_id",
                        column: x => x.article_id,
                        principalTable: "articles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_article_entities_entities_entity_id",
                        column: x => x.entity_id,
                        principalTable: "entities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "entity_aliases",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    entity_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    alias = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    alias_key = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    mention_count = table.Column<int>(type: "integer", nullable: false),
                    source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entity_aliases", x => x.id);
                    table.ForeignKey(
                        name: "fk_entity_aliases_entities_entity_id",
                        column: x => x.entity_id,
                        principalTable: "entities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "entity_mentions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    entity_id = table.Column<long>(type: "bigint", nullable: false),
                    article_id = table.Column<long>(type: "bigint", nullable: false),
                    in_title = table.Column<bool>(type: "boolean", nullable: false),
                    start = table.Column<int>(type: "integer", nullable: false),
                    end = table.Column<int>(type: "integer", nullable: false),
                    surface = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    surface_key = table.Column<string>(type: "text", nullable: false),
                    sentence_index = table.Column<int>(type: "integer", nullable: false),
                    sentence_start = table.Column<int>(type: "integer", nullable: false),
                    sentence_end = table.Column<int>(type: "integer", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entity_mentions", x => x.id);
                    table.ForeignKey(
                        name: "fk_entity_mentions_articles_article_id",
                        column: x => x.article_id,
                        principalTable: "articles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_entity_mentions_entities_entity_id",
                        column: x => x.entity_id,
                        principalTable: "entities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "entity_roles",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    entity_id = table.Column<long>(type: "bigint", nullable: false),
                    article_id = table.Column<long>(type: "bigint", nullable: false),
                    title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    affiliation = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    affiliation_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    former = table.Column<bool>(type: "boolean", nullable: false),
                    in_title = table.Column<bool>(type: "boolean", nullable: false),
                    start = table.Column<int>(type: "integer", nullable: false),
                    end = table.Column<int>(type: "integer", nullable: false),
                    evidence = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_entity_roles", x => x.id);
                    table.ForeignKey(
                        name: "fk_entity_roles_articles_article_id",
                        column: x => x.article_id,
                        principalTable: "articles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_entity_roles_entities_entity_id",
                        column: x => x.entity_id,
                        principalTable: "entities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_articles_pipeline_version",
                table: "articles",
                column: "pipeline_version");

            migrationBuilder.CreateIndex(
                name: "ix_article_entities_entity_id",
                table: "article_entities",
                column: "entity_id");

            migrationBuilder.CreateIndex(
                name: "ix_entities_kind_article_count_id",
                table: "entities",
                columns: new[] { "kind", "article_count", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_entities_kind_last_word_key",
                table: "entities",
                columns: new[] { "kind", "last_word_key" });

            migrationBuilder.CreateIndex(
                name: "ix_entities_kind_mention_count_id",
                table: "entities",
                columns: new[] { "kind", "mention_count", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_entities_kind_name_id",
                table: "entities",
                columns: new[] { "kind", "name", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_entities_kind_name_key",
                table: "entities",
                columns: new[] { "kind", "name_key" });

            migrationBuilder.CreateIndex(
                name: "ix_entities_merged_into_id",
                table: "entities",
                column: "merged_into_id");

            migrationBuilder.CreateIndex(
                name: "ix_entity_aliases_alias_key_kind",
                table: "entity_aliases",
                columns: new[] { "alias_key", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_entity_aliases_entity_id_alias_key",
                table: "entity_aliases",
                columns: new[] { "entity_id", "alias_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_entity_corrections_entity_id",
                table: "entity_corrections",
                column: "entity_id");

            migrationBuilder.CreateIndex(
                name: "ix_entity_mentions_article_id",
                table: "entity_mentions",
                column: "article_id");

            migrationBuilder.CreateIndex(
                name: "ix_entity_mentions_entity_id_id",
                table: "entity_mentions",
                columns: new[] { "entity_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_entity_roles_article_id",
                table: "entity_roles",
                column: "article_id");

            migrationBuilder.CreateIndex(
                name: "ix_entity_roles_entity_id",
                table: "entity_roles",
                column: "entity_id");

            // Search by similarity and prefix (pg_trgm) over aliases; see EntityAliasConfiguration.
            migrationBuilder.Sql("CREATE INDEX ix_entity_aliases_alias_key_trgm ON entity_aliases USING GIN (lower(alias_key) gin_trgm_ops);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_entity_aliases_alias_key_trgm;");

            migrationBuilder.DropTable(
                name: "article_entities");

            migrationBuilder.DropTable(
                name: "entity_aliases");

            migrationBuilder.DropTable(
                name: "entity_corrections");

            migrationBuilder.DropTable(
                name: "entity_mentions");

            migrationBuilder.DropTable(
                name: "entity_roles");

            migrationBuilder.DropTable(
                name: "entities");

            migrationBuilder.DropIndex(
                name: "ix_articles_pipeline_version",
                table: "articles");

            migrationBuilder.DropColumn(
                name: "analysed_at",
                table: "articles");

            migrationBuilder.DropColumn(
                name: "pipeline_version",
                table: "articles");

            migrationBuilder.DropColumn(
                name: "token_count",
                table: "articles");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");
        }
    }
}
