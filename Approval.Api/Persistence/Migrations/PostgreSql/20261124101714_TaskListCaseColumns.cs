using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Api.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class TaskListCaseColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseTasks_SupervisionList",
                table: "CaseTasks");

            migrationBuilder.AddColumn<string>(
                name: "ApplicantName",
                table: "CaseTasks",
                type: "character varying(256)",
                maxLength: 256,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "CaseNumber",
                table: "CaseTasks",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ItemCode",
                table: "CaseTasks",
                type: "character varying(128)",
                maxLength: 128,
                nullable: false,
                defaultValue: "");

            // Tasks written before these columns existed take their case's number, item and applicant (what CaseRows.Tasks
            // writes now), before the indexes over them are built.
            migrationBuilder.Sql(
                "UPDATE \"CaseTasks\" AS t SET \"CaseNumber\" = c.\"Number\", \"ItemCode\" = c.\"ItemCode\", \"ApplicantName\" = c.\"ApplicantName\" " +
                "FROM \"Cases\" AS c WHERE c.\"Id\" = t.\"CaseId\";");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTasks_Status_ClosedAt",
                table: "CaseTasks",
                columns: new[] { "Status", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTasks_SupervisionList",
                table: "CaseTasks",
                columns: new[] { "Status", "Level", "DepartmentCode", "ClaimedBy", "DueAt", "CaseNumber", "ItemCode", "CaseId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseTasks_SupervisionListByItem",
                table: "CaseTasks",
                columns: new[] { "Status", "ItemCode", "Level", "DueAt", "CaseNumber", "DepartmentCode", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Status_ClosedAt",
                table: "Cases",
                columns: new[] { "Status", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseEvents_Action_At",
                table: "CaseEvents",
                columns: new[] { "Action", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseTasks_Status_ClosedAt",
                table: "CaseTasks");

            migrationBuilder.DropIndex(
                name: "IX_CaseTasks_SupervisionList",
                table: "CaseTasks");

            migrationBuilder.DropIndex(
                name: "IX_CaseTasks_SupervisionListByItem",
                table: "CaseTasks");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Status_ClosedAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_CaseEvents_Action_At",
                table: "CaseEvents");

            migrationBuilder.DropColumn(
                name: "ApplicantName",
                table: "CaseTasks");

            migrationBuilder.DropColumn(
                name: "CaseNumber",
                table: "CaseTasks");

            migrationBuilder.DropColumn(
                name: "ItemCode",
                table: "CaseTasks");

            migrationBuilder.CreateIndex(
                name: "IX_CaseTasks_SupervisionList",
                table: "CaseTasks",
                columns: new[] { "Status", "Level", "DepartmentCode", "ClaimedBy", "DueAt", "CaseId", "Id" });
        }
    }
}
