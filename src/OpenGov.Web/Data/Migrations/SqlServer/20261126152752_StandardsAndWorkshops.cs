using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenGov.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class StandardsAndWorkshops : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "WorkshopId",
                table: "Proposals",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WorkshopTitle",
                table: "Proposals",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true,
                collation: "Latin1_General_100_CI_AI_SC_UTF8");

            migrationBuilder.AddColumn<DateTime>(
                name: "ScheduledAt",
                table: "CyclePhases",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Workshops",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CycleId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EventId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_CI_AI_SC_UTF8"),
                    Region = table.Column<string>(type: "nvarchar(60)", maxLength: 60, nullable: false, collation: "Latin1_General_100_CI_AI_SC_UTF8"),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ParticipantCount = table.Column<int>(type: "int", nullable: false),
                    FacilitatorUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false, collation: "Latin1_General_100_CI_AI_SC_UTF8"),
                    CreatedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Workshops", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkshopParticipants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    WorkshopId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false, collation: "Latin1_General_100_CI_AI_SC_UTF8"),
                    Organisation = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true, collation: "Latin1_General_100_CI_AI_SC_UTF8"),
                    ConsentRecordedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkshopParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkshopParticipants_Workshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "Workshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_WorkshopId",
                table: "Proposals",
                column: "WorkshopId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkshopParticipants_WorkshopId",
                table: "WorkshopParticipants",
                column: "WorkshopId");

            migrationBuilder.CreateIndex(
                name: "IX_Workshops_CycleId_HeldOn",
                table: "Workshops",
                columns: new[] { "CycleId", "HeldOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Workshops_FacilitatorUserId",
                table: "Workshops",
                column: "FacilitatorUserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WorkshopParticipants");

            migrationBuilder.DropTable(
                name: "Workshops");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_WorkshopId",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "WorkshopId",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "WorkshopTitle",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "ScheduledAt",
                table: "CyclePhases");
        }
    }
}
