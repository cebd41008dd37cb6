using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace OpenGov.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ContentGenerations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContentGenerations",
                columns: table => new
                {
                    Tag = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentGenerations", x => x.Tag);
                });

            migrationBuilder.InsertData(
                table: "ContentGenerations",
                columns: new[] { "Tag", "Version" },
                values: new object[,]
                {
                    { "associations", 0L },
                    { "committees", 0L },
                    { "content", 0L },
                    { "cycles", 0L },
                    { "evaluation", 0L },
                    { "events", 0L },
                    { "feedback", 0L },
                    { "follows", 0L },
                    { "forum", 0L },
                    { "meetings", 0L },
                    { "plans", 0L },
                    { "proposals", 0L },
                    { "search", 0L },
                    { "sheets", 0L }
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContentGenerations");
        }
    }
}
