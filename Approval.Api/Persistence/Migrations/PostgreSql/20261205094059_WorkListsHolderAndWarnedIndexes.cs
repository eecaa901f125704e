using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Api.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class WorkListsHolderAndWarnedIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseTasks_ClaimedBy_Status_DueAt",
                table: "CaseTasks");

            migrationBuilder.DropIndex(
                name: "IX_CaseTasks_DepartmentCode_Status_DueAt",
                table: "CaseTasks");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTasks_Department",
                table: "CaseTasks",
                columns: new[] { "DepartmentCode", "Status", "ClaimedBy", "DueAt", "CaseNumber", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTasks_Holder",
                table: "CaseTasks",
                columns: new[] { "ClaimedBy", "Status", "DepartmentCode", "DueAt", "CaseNumber", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ExtensionCandidates",
                table: "Cases",
                columns: new[] { "LeadDepartmentCode", "Status", "DueAt", "Number" },
                filter: "\"Level\" IN ('Prompt', 'Yellow', 'Red')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseTasks_Department",
                table: "CaseTasks");

            migrationBuilder.DropIndex(
                name: "IX_CaseTasks_Holder",
                table: "CaseTasks");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ExtensionCandidates",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTasks_ClaimedBy_Status_DueAt",
                table: "CaseTasks",
                columns: new[] { "ClaimedBy", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTasks_DepartmentCode_Status_DueAt",
                table: "CaseTasks",
                columns: new[] { "DepartmentCode", "Status", "DueAt" });
        }
    }
}
