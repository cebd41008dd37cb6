using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenGov.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SearchArabicForms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BodyTerms",
                table: "SearchEntries",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "",
                collation: "Latin1_General_100_CI_AI_SC_UTF8");

            migrationBuilder.AddColumn<string>(
                name: "TitleTerms",
                table: "SearchEntries",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "",
                collation: "Latin1_General_100_CI_AI_SC_UTF8");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "BodyTerms",
                table: "SearchEntries");

            migrationBuilder.DropColumn(
                name: "TitleTerms",
                table: "SearchEntries");
        }
    }
}
