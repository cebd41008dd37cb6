using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenGov.Web.Data.Migrations.Sqlite
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Target = table.Column<int>(type: "INTEGER", nullable: false),
                    TargetId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReporterUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentReports", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProposalComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ParentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AuthorDisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IsHidden = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReportCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ReplyCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalComments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProposalCredits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AssociationName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    FromProposalId = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProposalCredits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ProposalSupports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProposalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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
