using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CreditRecordStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CreditRecords",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    SubjectId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    SubjectName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Polarity = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SourceDepartmentCode = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    DocumentNumber = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    EffectiveOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    EvidenceFileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    EvidenceContentType = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EvidenceSize = table.Column<long>(type: "INTEGER", nullable: true),
                    EvidenceSha256 = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    EvidenceAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    EvidenceBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EvidenceCaseId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    RepairedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RepairedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RepairReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RevokedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    RevokeReason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CreditRecordChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecordId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    BeforeJson = table.Column<string>(type: "TEXT", nullable: true),
                    AfterJson = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CreditRecordChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CreditRecordChanges_CreditRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "CreditRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CreditRecordChanges_RecordId",
                table: "CreditRecordChanges",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_CreditRecords_EvidenceSha256",
                table: "CreditRecords",
                column: "EvidenceSha256");

            migrationBuilder.CreateIndex(
                name: "IX_CreditRecords_SubjectId",
                table: "CreditRecords",
                column: "SubjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CreditRecordChanges");

            migrationBuilder.DropTable(
                name: "CreditRecords");
        }
    }
}
