using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace OpenGov.Web.Data.Migrations.SqlServer
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
                    Tag = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false, collation: "Latin1_General_100_CI_AI_SC_UTF8"),
                    Version = table.Column<long>(type: "bigint", nullable: false)
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
