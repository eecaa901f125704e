using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseTasksByCaseAndDepartment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseTasks_CaseId",
                table: "CaseTasks");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTasks_CaseId_DepartmentCode_Status",
                table: "CaseTasks",
                columns: new[] { "CaseId", "DepartmentCode", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseTasks_CaseId_DepartmentCode_Status",
                table: "CaseTasks");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTasks_CaseId",
                table: "CaseTasks",
                column: "CaseId");
        }
    }
}
