using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenGov.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OfficialTextTranslations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ContextMarkdownAr",
                table: "Plans",
                type: "TEXT",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContextMarkdownEn",
                table: "Plans",
                type: "TEXT",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleAr",
                table: "Plans",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleEn",
                table: "Plans",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TrackingSystemMarkdownAr",
                table: "Plans",
                type: "TEXT",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TrackingSystemMarkdownEn",
                table: "Plans",
                type: "TEXT",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DescriptionAr",
                table: "PlanCommitments",
                type: "TEXT",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DescriptionEn",
                table: "PlanCommitments",
                type: "TEXT",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProblemAr",
                table: "PlanCommitments",
                type: "TEXT",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProblemEn",
                table: "PlanCommitments",
                type: "TEXT",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleAr",
                table: "PlanCommitments",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleEn",
                table: "PlanCommitments",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleAr",
                table: "PlanActivities",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleEn",
                table: "PlanActivities",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DescriptionMarkdownAr",
                table: "Cycles",
                type: "TEXT",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DescriptionMarkdownEn",
                table: "Cycles",
                type: "TEXT",
                maxLength: 20000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleAr",
                table: "Cycles",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TitleEn",
                table: "Cycles",
                type: "TEXT",
                maxLength: 300,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ContextMarkdownAr",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "ContextMarkdownEn",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "TitleAr",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "TitleEn",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "TrackingSystemMarkdownAr",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "TrackingSystemMarkdownEn",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "DescriptionAr",
                table: "PlanCommitments");

            migrationBuilder.DropColumn(
                name: "DescriptionEn",
                table: "PlanCommitments");

            migrationBuilder.DropColumn(
                name: "ProblemAr",
                table: "PlanCommitments");

            migrationBuilder.DropColumn(
                name: "ProblemEn",
                table: "PlanCommitments");

            migrationBuilder.DropColumn(
                name: "TitleAr",
                table: "PlanCommitments");

            migrationBuilder.DropColumn(
                name: "TitleEn",
                table: "PlanCommitments");

            migrationBuilder.DropColumn(
                name: "TitleAr",
                table: "PlanActivities");

            migrationBuilder.DropColumn(
                name: "TitleEn",
                table: "PlanActivities");

            migrationBuilder.DropColumn(
                name: "DescriptionMarkdownAr",
                table: "Cycles");

            migrationBuilder.DropColumn(
                name: "DescriptionMarkdownEn",
                table: "Cycles");

            migrationBuilder.DropColumn(
                name: "TitleAr",
                table: "Cycles");

            migrationBuilder.DropColumn(
                name: "TitleEn",
                table: "Cycles");
        }
    }
}
