using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenGov.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CycleDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "PublishedAt",
                table: "Cycles",
                type: "timestamp with time zone",
                nullable: true);

            // Cycles that existed before drafts were public: they stay published.
            migrationBuilder.Sql(@"UPDATE ""Cycles"" SET ""PublishedAt"" = ""CreatedAt"";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PublishedAt",
                table: "Cycles");
        }
    }
}
