using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Api.Persistence.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DraftJson",
                table: "ApprovalItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "DraftSavedAt",
                table: "ApprovalItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DraftSavedBy",
                table: "ApprovalItems",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            // Items from before versions were kept are their version 1.
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "ApprovalItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateTable(
                name: "ApprovalItemVersions",
                columns: table => new
                {
                    ItemCode = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RolledBackFrom = table.Column<int>(type: "INTEGER", nullable: true)
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
