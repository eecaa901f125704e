using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_ApplicantIdNumber",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ItemCode",
                table: "Cases");

            migrationBuilder.AddColumn<bool>(
                name: "IsLeadClerk",
                table: "Users",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "DelegatedBy",
                table: "CaseTasks",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "WindowDueAt",
                table: "Cases",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseTasks_ClaimedBy_Status_DueAt",
                table: "CaseTasks",
                columns: new[] { "ClaimedBy", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AcceptingWindowCode_PromiseDueAt",
                table: "Cases",
                columns: new[] { "AcceptingWindowCode", "PromiseDueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ApplicantIdNumber_ReceivedAt",
                table: "Cases",
                columns: new[] { "ApplicantIdNumber", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ApplicantName_ReceivedAt",
                table: "Cases",
                columns: new[] { "ApplicantName", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ItemCode_ReceivedAt",
                table: "Cases",
                columns: new[] { "ItemCode", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_LeadDepartmentCode_Status_DueAt_Number",
                table: "Cases",
                columns: new[] { "LeadDepartmentCode", "Status", "DueAt", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Status_AcceptingWindowCode_WindowDueAt_Number",
                table: "Cases",
                columns: new[] { "Status", "AcceptingWindowCode", "WindowDueAt", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Status_WindowDueAt_Number",
                table: "Cases",
                columns: new[] { "Status", "WindowDueAt", "Number" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseTasks_ClaimedBy_Status_DueAt",
                table: "CaseTasks");

            migrationBuilder.DropIndex(
                name: "IX_Cases_AcceptingWindowCode_PromiseDueAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ApplicantIdNumber_ReceivedAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ApplicantName_ReceivedAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_ItemCode_ReceivedAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_LeadDepartmentCode_Status_DueAt_Number",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Status_AcceptingWindowCode_WindowDueAt_Number",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Status_WindowDueAt_Number",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "IsLeadClerk",
                table: "Users");

            migrationBuilder.DropColumn(
                name: "DelegatedBy",
                table: "CaseTasks");

            migrationBuilder.DropColumn(
                name: "WindowDueAt",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ApplicantIdNumber",
                table: "Cases",
                column: "ApplicantIdNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_ItemCode",
                table: "Cases",
                column: "ItemCode");
        }
    }
}
