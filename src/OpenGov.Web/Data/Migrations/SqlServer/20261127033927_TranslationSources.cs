using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenGov.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class TranslationSources : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "TranslationSources",
                columns: table => new
                {
                    Kind = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false, collation: "Latin1_General_100_CI_AI_SC_UTF8"),
                    ItemId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FieldKey = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_CI_AI_SC_UTF8"),
                    Language = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false, collation: "Latin1_General_100_CI_AI_SC_UTF8"),
                    FrenchHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false, collation: "Latin1_General_100_CI_AI_SC_UTF8"),
                    SavedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TranslationSources", x => new { x.Kind, x.ItemId, x.FieldKey, x.Language });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "TranslationSources");
        }
    }
}
