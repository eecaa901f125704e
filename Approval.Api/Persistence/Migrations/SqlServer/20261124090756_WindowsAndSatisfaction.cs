using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Api.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class WindowsAndSatisfaction : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WindowCode",
                table: "Violations",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: true,
                collation: "Latin1_General_100_BIN2");

            migrationBuilder.AddColumn<int>(
                name: "Accepted",
                table: "PerformanceSnapshots",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "AcceptedOnTime",
                table: "PerformanceSnapshots",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Refused",
                table: "PerformanceSnapshots",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SatisfiedCount",
                table: "PerformanceSnapshots",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SupplementRequests",
                table: "PerformanceSnapshots",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "AcceptingWindowCode",
                table: "Cases",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: true,
                collation: "Latin1_General_100_BIN2");

            migrationBuilder.AddColumn<string>(
                name: "DeliveringWindowCode",
                table: "Cases",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: true,
                collation: "Latin1_General_100_BIN2");

            migrationBuilder.AddColumn<DateTime>(
                name: "RatedAt",
                table: "Cases",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Rating",
                table: "Cases",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WindowCode",
                table: "CaseEvents",
                type: "nvarchar(128)",
                maxLength: 128,
                nullable: true,
                collation: "Latin1_General_100_BIN2");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_AcceptingWindowCode",
                table: "Cases",
                column: "AcceptingWindowCode");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_DeliveringWindowCode",
                table: "Cases",
                column: "DeliveringWindowCode");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_RatedAt",
                table: "Cases",
                column: "RatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_AcceptingWindowCode",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_DeliveringWindowCode",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_RatedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "WindowCode",
                table: "Violations");

            migrationBuilder.DropColumn(
                name: "Accepted",
                table: "PerformanceSnapshots");

            migrationBuilder.DropColumn(
                name: "AcceptedOnTime",
                table: "PerformanceSnapshots");

            migrationBuilder.DropColumn(
                name: "Refused",
                table: "PerformanceSnapshots");

            migrationBuilder.DropColumn(
                name: "SatisfiedCount",
                table: "PerformanceSnapshots");

            migrationBuilder.DropColumn(
                name: "SupplementRequests",
                table: "PerformanceSnapshots");

            migrationBuilder.DropColumn(
                name: "AcceptingWindowCode",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "DeliveringWindowCode",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "RatedAt",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "Rating",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "WindowCode",
                table: "CaseEvents");
        }
    }
}
