using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupervisionReadIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Level_LeadDepartmentCode",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Status_Level_DueAt",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Violations_At",
                table: "Violations",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_Violations_Review_Kind_At",
                table: "Violations",
                columns: new[] { "Review", "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTasks_Status_DepartmentCode_Level_CaseId",
                table: "CaseTasks",
                columns: new[] { "Status", "DepartmentCode", "Level", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTasks_SupervisionList",
                table: "CaseTasks",
                columns: new[] { "Status", "Level", "DepartmentCode", "ClaimedBy", "DueAt", "CaseId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Id_Number_ItemCode",
                table: "Cases",
                columns: new[] { "Id", "Number", "ItemCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Status_Level_LeadDepartmentCode",
                table: "Cases",
                columns: new[] { "Status", "Level", "LeadDepartmentCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_SupervisionList",
                table: "Cases",
                columns: new[] { "Status", "Level", "ItemCode", "LeadDepartmentCode", "DueAt", "Number", "ReceivedAt", "AcceptingWindowCode", "DeliveringWindowCode", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Violations_At",
                table: "Violations");

            migrationBuilder.DropIndex(
                name: "IX_Violations_Review_Kind_At",
                table: "Violations");

            migrationBuilder.DropIndex(
                name: "IX_CaseTasks_Status_DepartmentCode_Level_CaseId",
                table: "CaseTasks");

            migrationBuilder.DropIndex(
                name: "IX_CaseTasks_SupervisionList",
                table: "CaseTasks");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Id_Number_ItemCode",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Status_Level_LeadDepartmentCode",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_SupervisionList",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Level_LeadDepartmentCode",
                table: "Cases",
                columns: new[] { "Level", "LeadDepartmentCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Status_Level_DueAt",
                table: "Cases",
                columns: new[] { "Status", "Level", "DueAt" });
        }
    }
}
