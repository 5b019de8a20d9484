using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Planwerk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ConsultationResultCatalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConsultationGroupVotes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    GroupName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    VotesFor = table.Column<int>(type: "INTEGER", nullable: false),
                    VotesAgainst = table.Column<int>(type: "INTEGER", nullable: false),
                    VotesAbstaining = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationGroupVotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationGroupVotes_PaperConsultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "PaperConsultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ConsultationResultKinds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsDeciding = table.Column<bool>(type: "INTEGER", nullable: false),
                    ByVote = table.Column<bool>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationResultKinds", x => x.Id);
                });

            // SQLite cannot add a foreign key to an existing table; EF would rebuild "PaperConsultations" with
            // PRAGMA foreign_keys outside the migration's transaction (and warn about it on every first start). A new
            // nullable column may carry its reference itself.
            migrationBuilder.Sql(
                "ALTER TABLE \"PaperConsultations\" ADD COLUMN \"CustomResultId\" INTEGER NULL "
                + "CONSTRAINT \"FK_PaperConsultations_ConsultationResultKinds_CustomResultId\" REFERENCES \"ConsultationResultKinds\" (\"Id\") ON DELETE RESTRICT;");

            migrationBuilder.CreateIndex(
                name: "IX_PaperConsultations_CustomResultId",
                table: "PaperConsultations",
                column: "CustomResultId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationGroupVotes_ConsultationId_Position",
                table: "ConsultationGroupVotes",
                columns: new[] { "ConsultationId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationResultKinds_MunicipalityId_Name",
                table: "ConsultationResultKinds",
                columns: new[] { "MunicipalityId", "Name" },
                unique: true);

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PaperConsultations_ConsultationResultKinds_CustomResultId",
                table: "PaperConsultations");

            migrationBuilder.DropTable(
                name: "ConsultationGroupVotes");

            migrationBuilder.DropTable(
                name: "ConsultationResultKinds");

            migrationBuilder.DropIndex(
                name: "IX_PaperConsultations_CustomResultId",
                table: "PaperConsultations");

            migrationBuilder.DropColumn(
                name: "CustomResultId",
                table: "PaperConsultations");
        }
    }
}
