using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenGov.Web.Data.Migrations.Sqlite
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WorkshopTitle",
                table: "Proposals",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ScheduledAt",
                table: "CyclePhases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Workshops",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CycleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    EventId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ParticipantCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FacilitatorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Workshops", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkshopParticipants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkshopId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Organisation = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ConsentRecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
