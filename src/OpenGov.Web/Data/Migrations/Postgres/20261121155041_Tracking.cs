using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenGov.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Tracking : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Plans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    StartYear = table.Column<int>(type: "integer", nullable: false),
                    EndYear = table.Column<int>(type: "integer", nullable: false),
                    ContextMarkdown = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    TrackingSystemMarkdown = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WeightsReopened = table.Column<bool>(type: "boolean", nullable: false),
                    SourceCycleId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlanAxes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    NameFr = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NameAr = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NameEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanAxes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanAxes_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanCommitments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    AxisId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    LeadAgency = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Problem = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Description = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Results = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    HowAddressed = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    NextSteps = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    SourceSheetId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastUpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastUpdatedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanCommitments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanCommitments_PlanAxes_AxisId",
                        column: x => x.AxisId,
                        principalTable: "PlanAxes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PlanCommitments_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanActivities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommitmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Weight = table.Column<double>(type: "double precision", nullable: false),
                    PlannedStart = table.Column<DateOnly>(type: "date", nullable: true),
                    PlannedEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    Percent = table.Column<double>(type: "double precision", nullable: false),
                    IsCancelled = table.Column<bool>(type: "boolean", nullable: false),
                    CancellationReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    NotDone = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    Difficulties = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanActivities_PlanCommitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "PlanCommitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanCommitmentLeads",
                columns: table => new
                {
                    CommitmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanCommitmentLeads", x => new { x.CommitmentId, x.UserId });
                    table.ForeignKey(
                        name: "FK_PlanCommitmentLeads_PlanCommitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "PlanCommitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanCommitmentUpdates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommitmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanCommitmentUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanCommitmentUpdates_PlanCommitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "PlanCommitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanCommunicationActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommitmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Action = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: true),
                    Audience = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Indicators = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanCommunicationActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanCommunicationActions_PlanCommitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "PlanCommitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanInformationRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CommitmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    AskedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Question = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AskedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Answer = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    AnsweredBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    AnsweredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanInformationRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanInformationRequests_PlanCommitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "PlanCommitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanActivityActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: true),
                    End = table.Column<DateOnly>(type: "date", nullable: true),
                    IsAdditional = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanActivityActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanActivityActions_PlanActivities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "PlanActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlanActivities_CommitmentId",
                table: "PlanActivities",
                column: "CommitmentId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanActivityActions_ActivityId",
                table: "PlanActivityActions",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanAxes_PlanId",
                table: "PlanAxes",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanCommitmentLeads_UserId",
                table: "PlanCommitmentLeads",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanCommitments_AxisId",
                table: "PlanCommitments",
                column: "AxisId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanCommitments_PlanId_Number",
                table: "PlanCommitments",
                columns: new[] { "PlanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanCommitmentUpdates_CommitmentId_At",
                table: "PlanCommitmentUpdates",
                columns: new[] { "CommitmentId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_PlanCommunicationActions_CommitmentId",
                table: "PlanCommunicationActions",
                column: "CommitmentId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanInformationRequests_CommitmentId_AskedAt",
                table: "PlanInformationRequests",
                columns: new[] { "CommitmentId", "AskedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PlanActivityActions");

            migrationBuilder.DropTable(
                name: "PlanCommitmentLeads");

            migrationBuilder.DropTable(
                name: "PlanCommitmentUpdates");

            migrationBuilder.DropTable(
                name: "PlanCommunicationActions");

            migrationBuilder.DropTable(
                name: "PlanInformationRequests");

            migrationBuilder.DropTable(
                name: "PlanActivities");

            migrationBuilder.DropTable(
                name: "PlanCommitments");

            migrationBuilder.DropTable(
                name: "PlanAxes");

            migrationBuilder.DropTable(
                name: "Plans");
        }
    }
}
