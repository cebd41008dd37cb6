using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenGov.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BareAddressLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContactCulture",
                table: "PlanCommitments",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "fr");

            migrationBuilder.AddColumn<string>(
                name: "OwnerEmailCulture",
                table: "MeetingDecisions",
                type: "TEXT",
                maxLength: 10,
                nullable: false,
                defaultValue: "fr");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ContactCulture",
                table: "PlanCommitments");

            migrationBuilder.DropColumn(
                name: "OwnerEmailCulture",
                table: "MeetingDecisions");
        }
    }
}
