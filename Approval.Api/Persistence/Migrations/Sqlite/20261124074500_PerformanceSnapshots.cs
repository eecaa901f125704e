using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PerformanceSnapshots : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PerformanceSnapshots",
                columns: table => new
                {
                    UnitKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    UnitCode = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PeriodKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Received = table.Column<int>(type: "INTEGER", nullable: false),
                    Completed = table.Column<int>(type: "INTEGER", nullable: false),
                    Immediate = table.Column<int>(type: "INTEGER", nullable: false),
                    Promised = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletedEarly = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkingDaysUsedSum = table.Column<long>(type: "INTEGER", nullable: false),
                    WorkingDaysUsedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkingDaysHistogram = table.Column<string>(type: "TEXT", nullable: false),
                    YellowCards = table.Column<int>(type: "INTEGER", nullable: false),
                    RedCards = table.Column<int>(type: "INTEGER", nullable: false),
                    ConfirmedViolations = table.Column<int>(type: "INTEGER", nullable: false),
                    SatisfactionSum = table.Column<long>(type: "INTEGER", nullable: false),
                    SatisfactionCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PerformanceSnapshots", x => new { x.UnitKind, x.UnitCode, x.PeriodKind, x.PeriodStart });
                });

            migrationBuilder.CreateIndex(
                name: "IX_PerformanceSnapshots_PeriodKind_PeriodStart",
                table: "PerformanceSnapshots",
                columns: new[] { "PeriodKind", "PeriodStart" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PerformanceSnapshots");
        }
    }
}
