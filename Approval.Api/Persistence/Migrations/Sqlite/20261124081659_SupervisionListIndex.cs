using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SupervisionListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Cases_Status_Level_DueAt",
                table: "Cases",
                columns: new[] { "Status", "Level", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Status_Level_DueAt",
                table: "Cases");
        }
    }
}
