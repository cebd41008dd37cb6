using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenGov.Web.Data.Migrations.Sqlite
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
                    Kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ItemId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FieldKey = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    FrenchHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SavedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
