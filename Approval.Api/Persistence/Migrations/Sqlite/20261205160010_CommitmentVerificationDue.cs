using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CommitmentVerificationDue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "CommitmentVerificationDueAt",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CommitmentVerificationDueAt",
                table: "Cases",
                column: "CommitmentVerificationDueAt");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_LeadDepartmentCode_CommitmentVerificationDueAt",
                table: "Cases",
                columns: new[] { "LeadDepartmentCode", "CommitmentVerificationDueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_CommitmentVerificationDueAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_LeadDepartmentCode_CommitmentVerificationDueAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "CommitmentVerificationDueAt",
                table: "Cases");
        }
    }
}
