using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Api.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SupervisionDepartmentAndHallIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Status_ClosedAt",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ListById",
                table: "Cases",
                columns: new[] { "Id", "Status", "Level", "LeadDepartmentCode", "ItemCode", "DueAt", "Number", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_OpenByWindow",
                table: "Cases",
                columns: new[] { "Status", "AcceptingWindowCode", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Status_ClosedAt_ReceivedAt_DueAt_ItemCode",
                table: "Cases",
                columns: new[] { "Status", "ClosedAt", "ReceivedAt", "DueAt", "ItemCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_ListById",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_OpenByWindow",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Status_ClosedAt_ReceivedAt_DueAt_ItemCode",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Status_ClosedAt",
                table: "Cases",
                columns: new[] { "Status", "ClosedAt" });
        }
    }
}
