using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Api.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class WorkListsAtAMillion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AwaitingDecisionSince",
                table: "Cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "SupplementsReturnedAt",
                table: "Cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SupplementsReturnedTo",
                table: "Cases",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CaseDepartments",
                columns: table => new
                {
                    CaseId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    DepartmentCode = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ItemCode = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseDepartments", x => new { x.CaseId, x.DepartmentCode });
                    table.ForeignKey(
                        name: "FK_CaseDepartments_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            // Backfill, so the lists read the new columns and rows at once, not only once each case is saved again. The same
            // SQL on the three providers (quoted names, correlated subqueries); before the indexes, which are built once after.
            // 补正已交: an application submitted again after a supplement request, for the window that asked last.
            migrationBuilder.Sql(
                "UPDATE \"Cases\" SET \"SupplementsReturnedAt\" = \"ReceivedAt\", \"SupplementsReturnedTo\" = (SELECT e.\"WindowCode\" FROM \"CaseEvents\" e " +
                "WHERE e.\"CaseId\" = \"Cases\".\"Id\" AND e.\"Sequence\" = (SELECT MAX(s.\"Sequence\") FROM \"CaseEvents\" s WHERE s.\"CaseId\" = \"Cases\".\"Id\" AND s.\"Action\" = 'SupplementRequested')) " +
                "WHERE \"Status\" = 'Submitted' AND EXISTS (SELECT 1 FROM \"CaseEvents\" s WHERE s.\"CaseId\" = \"Cases\".\"Id\" AND s.\"Action\" = 'SupplementRequested');");
            // 待决定: in review with no open task, since the last task closed.
            migrationBuilder.Sql(
                "UPDATE \"Cases\" SET \"AwaitingDecisionSince\" = COALESCE((SELECT MAX(t.\"ClosedAt\") FROM \"CaseTasks\" t WHERE t.\"CaseId\" = \"Cases\".\"Id\"), \"AcceptedAt\", \"ReceivedAt\") " +
                "WHERE \"Status\" = 'InReview' AND NOT EXISTS (SELECT 1 FROM \"CaseTasks\" t WHERE t.\"CaseId\" = \"Cases\".\"Id\" AND t.\"Status\" = 'Open');");
            // The departments each case concerns: its lead, then every other department with a task.
            migrationBuilder.Sql(
                "INSERT INTO \"CaseDepartments\" (\"CaseId\", \"DepartmentCode\", \"ItemCode\", \"ReceivedAt\", \"CaseNumber\") " +
                "SELECT c.\"Id\", c.\"LeadDepartmentCode\", c.\"ItemCode\", c.\"ReceivedAt\", c.\"Number\" FROM \"Cases\" c;");
            migrationBuilder.Sql(
                "INSERT INTO \"CaseDepartments\" (\"CaseId\", \"DepartmentCode\", \"ItemCode\", \"ReceivedAt\", \"CaseNumber\") " +
                "SELECT DISTINCT c.\"Id\", t.\"DepartmentCode\", c.\"ItemCode\", c.\"ReceivedAt\", c.\"Number\" FROM \"CaseTasks\" t JOIN \"Cases\" c ON c.\"Id\" = t.\"CaseId\" " +
                "WHERE t.\"DepartmentCode\" <> c.\"LeadDepartmentCode\";");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AwaitingDecision",
                table: "Cases",
                columns: new[] { "LeadDepartmentCode", "DueAt", "Number" },
                filter: "\"AwaitingDecisionSince\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_SupplementsReturned",
                table: "Cases",
                columns: new[] { "WindowDueAt", "Number" },
                filter: "\"SupplementsReturnedAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_SupplementsReturnedTo_WindowDueAt_Number",
                table: "Cases",
                columns: new[] { "SupplementsReturnedTo", "WindowDueAt", "Number" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseDepartments_DepartmentCode_ItemCode_ReceivedAt_CaseNumb~",
                table: "CaseDepartments",
                columns: new[] { "DepartmentCode", "ItemCode", "ReceivedAt", "CaseNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseDepartments_DepartmentCode_ReceivedAt_CaseNumber",
                table: "CaseDepartments",
                columns: new[] { "DepartmentCode", "ReceivedAt", "CaseNumber" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseDepartments");

            migrationBuilder.DropIndex(
                name: "IX_Cases_AwaitingDecision",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_SupplementsReturned",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_SupplementsReturnedTo_WindowDueAt_Number",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "AwaitingDecisionSince",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SupplementsReturnedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "SupplementsReturnedTo",
                table: "Cases");
        }
    }
}
