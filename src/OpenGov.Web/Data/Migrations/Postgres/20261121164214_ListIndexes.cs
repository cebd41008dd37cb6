using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace OpenGov.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Proposals_Status_IsHidden_CommentCount_Id",
                table: "Proposals");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_Status_IsHidden_PublishedAt_Id",
                table: "Proposals");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_Status_IsHidden_SupportCount_Id",
                table: "Proposals");

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_CycleId_Status_IsHidden",
                table: "Proposals",
                columns: new[] { "CycleId", "Status", "IsHidden" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_Status_CommentCount_Id",
                table: "Proposals",
                columns: new[] { "Status", "CommentCount", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_Status_PublishedAt_Id",
                table: "Proposals",
                columns: new[] { "Status", "PublishedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_Status_SupportCount_Id",
                table: "Proposals",
                columns: new[] { "Status", "SupportCount", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Proposals_CycleId_Status_IsHidden",
                table: "Proposals");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_Status_CommentCount_Id",
                table: "Proposals");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_Status_PublishedAt_Id",
                table: "Proposals");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_Status_SupportCount_Id",
                table: "Proposals");

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
        }
    }
}
