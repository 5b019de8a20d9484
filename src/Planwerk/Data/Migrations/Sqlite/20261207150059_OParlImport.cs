using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Planwerk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OParlImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FollowedPapers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    PaperUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    EndpointUrl = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    PaperId = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSyncedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    DeletedAtSource = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowedPapers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowedPapers_Papers_PaperId",
                        column: x => x.PaperId,
                        principalTable: "Papers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImportedCouncilObjects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    LocalId = table.Column<int>(type: "INTEGER", nullable: false),
                    OParlId = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SourceModified = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportedCouncilObjects", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FollowedPapers_MunicipalityId_PaperUrl",
                table: "FollowedPapers",
                columns: new[] { "MunicipalityId", "PaperUrl" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FollowedPapers_PaperId",
                table: "FollowedPapers",
                column: "PaperId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportedCouncilObjects_MunicipalityId_Kind_LocalId",
                table: "ImportedCouncilObjects",
                columns: new[] { "MunicipalityId", "Kind", "LocalId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImportedCouncilObjects_MunicipalityId_Kind_OParlId",
                table: "ImportedCouncilObjects",
                columns: new[] { "MunicipalityId", "Kind", "OParlId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FollowedPapers");

            migrationBuilder.DropTable(
                name: "ImportedCouncilObjects");
        }
    }
}
