using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Api.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ItemVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "DraftBasedOn",
                table: "ApprovalItems",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DraftJson",
                table: "ApprovalItems",
                type: "nvarchar(max)",
                nullable: true,
                collation: "Latin1_General_100_BIN2");

            migrationBuilder.AddColumn<DateTime>(
                name: "DraftSavedAt",
                table: "ApprovalItems",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DraftSavedBy",
                table: "ApprovalItems",
                type: "nvarchar(256)",
                maxLength: 256,
                nullable: true,
                collation: "Latin1_General_100_BIN2");

            // Items from before versions were kept are their version 1.
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "ApprovalItems",
                type: "int",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "ApprovalItemVersions",
                columns: table => new
                {
                    ItemCode = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false, collation: "Latin1_General_100_BIN2"),
                    Version = table.Column<int>(type: "int", nullable: false),
                    Json = table.Column<string>(type: "nvarchar(max)", nullable: false, collation: "Latin1_General_100_BIN2"),
                    PublishedAt = table.Column<DateTime>(type: "datetime2", nullable: true),
                    PublishedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true, collation: "Latin1_General_100_BIN2"),
                    Note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true, collation: "Latin1_General_100_BIN2"),
                    RolledBackFrom = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApprovalItemVersions", x => new { x.ItemCode, x.Version });
                });

            // Each item is its version 1 as it stands (its publication's instant and author are unknown): the cases of it,
            // which know no version, read that one. The same SQL on the three providers.
            migrationBuilder.Sql(
                "INSERT INTO \"ApprovalItemVersions\" (\"ItemCode\", \"Version\", \"Json\") SELECT \"Code\", 1, \"Json\" FROM \"ApprovalItems\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ApprovalItemVersions");

            migrationBuilder.DropColumn(
                name: "DraftBasedOn",
                table: "ApprovalItems");

            migrationBuilder.DropColumn(
                name: "DraftJson",
                table: "ApprovalItems");

            migrationBuilder.DropColumn(
                name: "DraftSavedAt",
                table: "ApprovalItems");

            migrationBuilder.DropColumn(
                name: "DraftSavedBy",
                table: "ApprovalItems");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "ApprovalItems");
        }
    }
}
