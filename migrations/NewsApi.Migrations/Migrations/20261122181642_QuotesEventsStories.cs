using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

#nullable disable

namespace NewsApi.Migrations
{
    /// <inheritdoc />
    public partial class QuotesEventsStories : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "duplicate_of_id",
                table: "articles",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "main_event",
                table: "articles",
                type: "jsonb",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "shingle_count",
                table: "articles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "story_id",
                table: "articles",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "article_shingles",
                columns: table => new
                {
                    hash = table.Column<int>(type: "integer", nullable: false),
                    article_id = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_article_shingles", x => new { x.hash, x.article_id });
                    table.ForeignKey(
                        name: "fk_article_shingles_articles_article_id",
                        column: x => x.article_id,
                        principalTable: "articles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "events",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    cameo = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    title = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    date_value = table.Column<DateOnly>(type: "date", nullable: true),
                    date_until = table.Column<DateOnly>(type: "date", nullable: true),
                    date_precision = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    date_inferred = table.Column<bool>(type: "boolean", nullable: false),
                    date_text = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    place_id = table.Column<long>(type: "bigint", nullable: true),
                    ordinal = table.Column<int>(type: "integer", nullable: true),
                    article_count = table.Column<int>(type: "integer", nullable: false),
                    evidence_count = table.Column<int>(type: "integer", nullable: false),
                    confidence = table.Column<double>(type: "double precision", nullable: false),
                    sort_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_events_entities_place_id",
                        column: x => x.place_id,
                        principalTable: "entities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "quotes",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    article_id = table.Column<long>(type: "bigint", nullable: false),
                    in_title = table.Column<bool>(type: "boolean", nullable: false),
                    start = table.Column<int>(type: "integer", nullable: false),
                    end = table.Column<int>(type: "integer", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    cue = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true),
                    speaker_id = table.Column<long>(type: "bigint", nullable: true),
                    speaker_text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    speaker_start = table.Column<int>(type: "integer", nullable: true),
                    speaker_end = table.Column<int>(type: "integer", nullable: true),
                    sentence_index = table.Column<int>(type: "integer", nullable: false),
                    article_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    search_vector = table.Column<NpgsqlTsVector>(type: "tsvector", nullable: false, computedColumnSql: "to_tsvector('english'::regconfig, text)", stored: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_quotes", x => x.id);
                    table.ForeignKey(
                        name: "fk_quotes_articles_article_id",
                        column: x => x.article_id,
                        principalTable: "articles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_quotes_entities_speaker_id",
                        column: x => x.speaker_id,
                        principalTable: "entities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "stories",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    title = table.Column<string>(type: "text", nullable: false),
                    article_count = table.Column<int>(type: "integer", nullable: false),
                    first_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_date = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stories", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "article_events",
                columns: table => new
                {
                    event_id = table.Column<long>(type: "bigint", nullable: false),
                    article_id = table.Column<long>(type: "bigint", nullable: false),
                    title = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    date_value = table.Column<DateOnly>(type: "date", nullable: true),
                    date_until = table.Column<DateOnly>(type: "date", nullable: true),
                    date_precision = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    date_inferred = table.Column<bool>(type: "boolean", nullable: false),
                    date_text = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    place_id = table.Column<long>(type: "bigint", nullable: true),
                    ordinal = table.Column<int>(type: "integer", nullable: true),
                    confidence = table.Column<double>(type: "double precision", nullable: false),
                    main = table.Column<bool>(type: "boolean", nullable: false),
                    match_reason = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_article_events", x => new { x.event_id, x.article_id });
                    table.ForeignKey(
                        name: "fk_article_events_articles_article_id",
                        column: x => x.article_id,
                        principalTable: "articles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_article_events_entities_place_id",
                        column: x => x.place_id,
                        principalTable: "entities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_article_events_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "event_evidence",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    event_id = table.Column<long>(type: "bigint", nullable: false),
                    article_id = table.Column<long>(type: "bigint", nullable: false),
                    in_title = table.Column<bool>(type: "boolean", nullable: false),
                    start = table.Column<int>(type: "integer", nullable: false),
                    end = table.Column<int>(type: "integer", nullable: false),
                    sentence = table.Column<string>(type: "text", nullable: false),
                    trigger = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    trigger_start = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_evidence", x => x.id);
                    table.ForeignKey(
                        name: "fk_event_evidence_articles_article_id",
                        column: x => x.article_id,
                        principalTable: "articles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_event_evidence_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "event_participants",
                columns: table => new
                {
                    event_id = table.Column<long>(type: "bigint", nullable: false),
                    article_id = table.Column<long>(type: "bigint", nullable: false),
                    entity_id = table.Column<long>(type: "bigint", nullable: false),
                    role = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_participants", x => new { x.event_id, x.article_id, x.entity_id });
                    table.ForeignKey(
                        name: "fk_event_participants_articles_article_id",
                        column: x => x.article_id,
                        principalTable: "articles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_event_participants_entities_entity_id",
                        column: x => x.entity_id,
                        principalTable: "entities",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_event_participants_events_event_id",
                        column: x => x.event_id,
                        principalTable: "events",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_articles_duplicate_of_id",
                table: "articles",
                column: "duplicate_of_id");

            migrationBuilder.CreateIndex(
                name: "ix_articles_story_id",
                table: "articles",
                column: "story_id");

            migrationBuilder.CreateIndex(
                name: "ix_article_events_article_id",
                table: "article_events",
                column: "article_id");

            migrationBuilder.CreateIndex(
                name: "ix_article_events_place_id",
                table: "article_events",
                column: "place_id");

            migrationBuilder.CreateIndex(
                name: "ix_article_shingles_article_id",
                table: "article_shingles",
                column: "article_id");

            migrationBuilder.CreateIndex(
                name: "ix_event_evidence_article_id",
                table: "event_evidence",
                column: "article_id");

            migrationBuilder.CreateIndex(
                name: "ix_event_evidence_event_id_article_id",
                table: "event_evidence",
                columns: new[] { "event_id", "article_id" });

            migrationBuilder.CreateIndex(
                name: "ix_event_participants_article_id",
                table: "event_participants",
                column: "article_id");

            migrationBuilder.CreateIndex(
                name: "ix_event_participants_entity_id_event_id",
                table: "event_participants",
                columns: new[] { "entity_id", "event_id" });

            migrationBuilder.CreateIndex(
                name: "ix_events_article_count_id",
                table: "events",
                columns: new[] { "article_count", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_events_place_id",
                table: "events",
                column: "place_id");

            migrationBuilder.CreateIndex(
                name: "ix_events_sort_date_id",
                table: "events",
                columns: new[] { "sort_date", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_events_type_sort_date_id",
                table: "events",
                columns: new[] { "type", "sort_date", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_quotes_article_date_id",
                table: "quotes",
                columns: new[] { "article_date", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_quotes_article_id_in_title_start",
                table: "quotes",
                columns: new[] { "article_id", "in_title", "start" });

            migrationBuilder.CreateIndex(
                name: "ix_quotes_search_vector",
                table: "quotes",
                column: "search_vector")
                .Annotation("Npgsql:IndexMethod", "GIN");

            migrationBuilder.CreateIndex(
                name: "ix_quotes_speaker_id_article_date_id",
                table: "quotes",
                columns: new[] { "speaker_id", "article_date", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_stories_article_count_last_date_id",
                table: "stories",
                columns: new[] { "article_count", "last_date", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_stories_last_date_id",
                table: "stories",
                columns: new[] { "last_date", "id" });

            migrationBuilder.AddForeignKey(
                name: "fk_articles_articles_duplicate_of_id",
                table: "articles",
                column: "duplicate_of_id",
                principalTable: "articles",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_articles_stories_story_id",
                table: "articles",
                column: "story_id",
                principalTable: "stories",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_articles_articles_duplicate_of_id",
                table: "articles");

            migrationBuilder.DropForeignKey(
                name: "fk_articles_stories_story_id",
                table: "articles");

            migrationBuilder.DropTable(
                name: "article_events");

            migrationBuilder.DropTable(
                name: "article_shingles");

            migrationBuilder.DropTable(
                name: "event_evidence");

            migrationBuilder.DropTable(
                name: "event_participants");

            migrationBuilder.DropTable(
                name: "quotes");

            migrationBuilder.DropTable(
                name: "stories");

            migrationBuilder.DropTable(
                name: "events");

            migrationBuilder.DropIndex(
                name: "ix_articles_duplicate_of_id",
                table: "articles");

            migrationBuilder.DropIndex(
                name: "ix_articles_story_id",
                table: "articles");

            migrationBuilder.DropColumn(
                name: "duplicate_of_id",
                table: "articles");

            migrationBuilder.DropColumn(
                name: "main_event",
                table: "articles");

            migrationBuilder.DropColumn(
                name: "shingle_count",
                table: "articles");

            migrationBuilder.DropColumn(
                name: "story_id",
                table: "articles");
        }
    }
}
