using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenGov.Web.Data.Migrations.Postgres
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
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "fr");

            migrationBuilder.AddColumn<string>(
                name: "OwnerEmailCulture",
                table: "MeetingDecisions",
                type: "character varying(10)",
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
