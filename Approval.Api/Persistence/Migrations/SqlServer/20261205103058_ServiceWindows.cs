using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Api.Persistence.Migrations.SqlServer
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
                    Code = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false, collation: "Latin1_General_100_BIN2"),
                    Name = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false, collation: "Latin1_General_100_BIN2"),
                    NameEn = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Latin1_General_100_BIN2"),
                    Location = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Latin1_General_100_BIN2"),
                    IsOpen = table.Column<bool>(type: "bit", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ClosedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Latin1_General_100_BIN2")
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
