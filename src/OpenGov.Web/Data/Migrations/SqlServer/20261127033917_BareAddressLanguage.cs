using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenGov.Web.Data.Migrations.SqlServer
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
                type: "nvarchar(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "fr",
                collation: "Latin1_General_100_CI_AI_SC_UTF8");

            migrationBuilder.AddColumn<string>(
                name: "OwnerEmailCulture",
                table: "MeetingDecisions",
                type: "nvarchar(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "fr",
                collation: "Latin1_General_100_CI_AI_SC_UTF8");
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
