using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Api.Persistence.Migrations.PostgreSql
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
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Accepted",
                table: "PerformanceSnapshots",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "AcceptedOnTime",
                table: "PerformanceSnapshots",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Refused",
                table: "PerformanceSnapshots",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SatisfiedCount",
                table: "PerformanceSnapshots",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "SupplementRequests",
                table: "PerformanceSnapshots",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "AcceptingWindowCode",
                table: "Cases",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DeliveringWindowCode",
                table: "Cases",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "RatedAt",
                table: "Cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Rating",
                table: "Cases",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "WindowCode",
                table: "CaseEvents",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

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
