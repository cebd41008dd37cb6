using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenGov.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Proposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContentReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Target = table.Column<int>(type: "integer", nullable: false),
                    TargetId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReporterUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    Reason = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProposalComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    ParentId = table.Column<Guid>(type: "uuid", nullable: true),
                    AuthorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AuthorDisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsHidden = table.Column<bool>(type: "boolean", nullable: false),
                    ReportCount = table.Column<int>(type: "integer", nullable: false),
                    ReplyCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalComments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProposalCredits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AssociationName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    FromProposalId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalCredits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProposalSupports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ProposalId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalSupports", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_Status_IsHidden_CommentCount_Id",
                table: "Proposals",
                columns: new[] { "Status", "IsHidden", "CommentCount", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_Status_IsHidden_PublishedAt_Id",
                table: "Proposals",
                columns: new[] { "Status", "IsHidden", "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_Status_IsHidden_SupportCount_Id",
                table: "Proposals",
                columns: new[] { "Status", "IsHidden", "SupportCount", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentReports_ReviewedAt_CreatedAt",
                table: "ContentReports",
                columns: new[] { "ReviewedAt", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentReports_Target_TargetId_ReporterUserId",
                table: "ContentReports",
                columns: new[] { "Target", "TargetId", "ReporterUserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProposalComments_AuthorUserId",
                table: "ProposalComments",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalComments_ParentId",
                table: "ProposalComments",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalComments_ProposalId_ParentId_CreatedAt_Id",
                table: "ProposalComments",
                columns: new[] { "ProposalId", "ParentId", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ProposalCredits_ProposalId",
                table: "ProposalCredits",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_ProposalSupports_ProposalId_UserId",
                table: "ProposalSupports",
                columns: new[] { "ProposalId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ProposalSupports_UserId",
                table: "ProposalSupports",
                column: "UserId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContentReports");

            migrationBuilder.DropTable(
                name: "ProposalComments");

            migrationBuilder.DropTable(
                name: "ProposalCredits");

            migrationBuilder.DropTable(
                name: "ProposalSupports");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_Status_IsHidden_CommentCount_Id",
                table: "Proposals");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_Status_IsHidden_PublishedAt_Id",
                table: "Proposals");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_Status_IsHidden_SupportCount_Id",
                table: "Proposals");
        }
    }
}
