using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CaseClerks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AnsweringClerk",
                table: "Cases",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AnsweringClerk_Status_Level",
                table: "Cases",
                columns: new[] { "AnsweringClerk", "Status", "Level" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_AnsweringClerk_Status_Level",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "AnsweringClerk",
                table: "Cases");
        }
    }
}
