using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Approval.Api.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class SealedResultsSealCertificatesAndDocuments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SealCertificates",
                columns: table => new
                {
                    Serial = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    DepartmentCode = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Algorithm = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    IssuedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NotAfter = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    KeyAlias = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevocationReason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RevokedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SealCertificates", x => x.Serial);
                });

            migrationBuilder.CreateTable(
                name: "SealedDocuments",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    CaseId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    CaseNumber = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    DecisionKey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    CertificateSerial = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    SignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Pdf = table.Column<byte[]>(type: "bytea", nullable: false),
                    Envelope = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SealedDocuments", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SealCertificates_DepartmentCode",
                table: "SealCertificates",
                column: "DepartmentCode");

            migrationBuilder.CreateIndex(
                name: "IX_SealedDocuments_CaseId_DecisionKey_Kind",
                table: "SealedDocuments",
                columns: new[] { "CaseId", "DecisionKey", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SealedDocuments_Sha256",
                table: "SealedDocuments",
                column: "Sha256");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SealCertificates");

            migrationBuilder.DropTable(
                name: "SealedDocuments");
        }
    }
}
