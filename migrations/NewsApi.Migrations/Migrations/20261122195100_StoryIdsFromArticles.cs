using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace NewsApi.Migrations
{
    /// <inheritdoc />
    public partial class StoryIdsFromArticles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "id",
                table: "stories",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .OldAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            // A story is now keyed by its founding article, so a new article's story can never collide with an
            // old one: existing stories take the id of their earliest article (through negative ids, so no two
            // rows ever share a key), and stories without articles go.
            migrationBuilder.Sql("""
                INSERT INTO stories (id, title, article_count, first_date, last_date, created_at)
                SELECT -k.first_article, s.title, s.article_count, s.first_date, s.last_date, s.created_at
                FROM stories s JOIN (SELECT story_id, min(id) AS first_article FROM articles WHERE story_id IS NOT NULL GROUP BY story_id) k
                  ON k.story_id = s.id;
                UPDATE articles a SET story_id = -k.first_article
                FROM (SELECT story_id, min(id) AS first_article FROM articles WHERE story_id IS NOT NULL GROUP BY story_id) k
                WHERE a.story_id = k.story_id;
                DELETE FROM stories WHERE id > 0;
                INSERT INTO stories (id, title, article_count, first_date, last_date, created_at)
                SELECT -id, title, article_count, first_date, last_date, created_at FROM stories WHERE id < 0;
                UPDATE articles SET story_id = -story_id WHERE story_id < 0;
                DELETE FROM stories WHERE id < 0;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<long>(
                name: "id",
                table: "stories",
                type: "bigint",
                nullable: false,
                oldClrType: typeof(long),
                oldType: "bigint")
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
        }
    }
}
