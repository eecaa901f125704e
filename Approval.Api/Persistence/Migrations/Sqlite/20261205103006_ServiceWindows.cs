using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServiceWindows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ServiceWindows",
                columns: table => new
                {
                    Code = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    IsOpen = table.Column<bool>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceWindows", x => x.Code);
                });

            // Every window the clerks' accounts and the cases named becomes a row, open, named by its code until an
            // administrator names it (the bit literal is the provider's).
            migrationBuilder.Sql(
                "INSERT INTO \"ServiceWindows\" (\"Code\", \"Name\", \"IsOpen\") SELECT w.\"Code\", w.\"Code\", 1 FROM (" +
                "SELECT \"WindowCode\" AS \"Code\" FROM \"Users\" WHERE \"WindowCode\" IS NOT NULL " +
                "UNION SELECT \"AcceptingWindowCode\" FROM \"Cases\" WHERE \"AcceptingWindowCode\" IS NOT NULL " +
                "UNION SELECT \"DeliveringWindowCode\" FROM \"Cases\" WHERE \"DeliveringWindowCode\" IS NOT NULL) w;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ServiceWindows");
        }
    }
}
