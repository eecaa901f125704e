using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Api.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SupervisionWarnedCasesByReceipt : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Cases_WarnedByReceipt",
                table: "Cases",
                columns: new[] { "ReceivedAt", "Status", "Level", "DueAt", "Number", "Id" },
                filter: "\"Level\" IN ('Prompt', 'Yellow', 'Red')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_WarnedByReceipt",
                table: "Cases");
        }
    }
}
