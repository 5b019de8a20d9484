using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Planwerk.Data.Migrations;

#nullable disable

namespace Planwerk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AmendmentsAsPapers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // New foreign-key columns are added in place: a rebuilt table would need foreign keys switched off, which
            // cannot happen inside the migration's transaction.
            migrationBuilder.Sql("ALTER TABLE \"Papers\" ADD COLUMN \"AmendsPaperId\" INTEGER NULL REFERENCES \"Papers\" (\"Id\") ON DELETE RESTRICT;");
            migrationBuilder.Sql("ALTER TABLE \"Papers\" ADD COLUMN \"OriginatorBodyId\" INTEGER NULL REFERENCES \"CouncilBodies\" (\"Id\") ON DELETE RESTRICT;");

            migrationBuilder.CreateIndex(
                name: "IX_Papers_AmendsPaperId",
                table: "Papers",
                column: "AmendsPaperId");

            migrationBuilder.CreateIndex(
                name: "IX_Papers_OriginatorBodyId",
                table: "Papers",
                column: "OriginatorBodyId");

            migrationBuilder.Sql(AmendmentPapersSql.MoveAmendments("char(10)"));
            migrationBuilder.Sql(AmendmentPapersSql.MoveResults());

            // The links now point to papers: the table is copied by hand, inside the transaction.
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_AmendmentChangeLinks" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_AmendmentChangeLinks" PRIMARY KEY AUTOINCREMENT,
                    "MunicipalityId" INTEGER NOT NULL,
                    "AmendmentId" INTEGER NOT NULL,
                    "ChangeRecordId" INTEGER NOT NULL,
                    CONSTRAINT "FK_AmendmentChangeLinks_Papers_AmendmentId" FOREIGN KEY ("AmendmentId") REFERENCES "Papers" ("Id") ON DELETE CASCADE);
                """);
            var newId = AmendmentPapersSql.NewIdOf("l.\"AmendmentId\"");
            migrationBuilder.Sql($"""
                INSERT INTO "ef_temp_AmendmentChangeLinks" ("Id", "MunicipalityId", "AmendmentId", "ChangeRecordId")
                SELECT l."Id", l."MunicipalityId", {newId}, l."ChangeRecordId"
                FROM "AmendmentChangeLinks" l;
                """);
            migrationBuilder.Sql("DROP TABLE \"AmendmentChangeLinks\";");
            migrationBuilder.Sql("ALTER TABLE \"ef_temp_AmendmentChangeLinks\" RENAME TO \"AmendmentChangeLinks\";");

            migrationBuilder.CreateIndex(
                name: "IX_AmendmentChangeLinks_AmendmentId_ChangeRecordId",
                table: "AmendmentChangeLinks",
                columns: new[] { "AmendmentId", "ChangeRecordId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AmendmentChangeLinks_ChangeRecordId",
                table: "AmendmentChangeLinks",
                column: "ChangeRecordId");

            migrationBuilder.DropTable(
                name: "Amendments");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AmendmentChangeLinks_Papers_AmendmentId",
                table: "AmendmentChangeLinks");

            migrationBuilder.DropForeignKey(
                name: "FK_Papers_CouncilBodies_OriginatorBodyId",
                table: "Papers");

            migrationBuilder.DropForeignKey(
                name: "FK_Papers_Papers_AmendsPaperId",
                table: "Papers");

            migrationBuilder.DropIndex(
                name: "IX_Papers_AmendsPaperId",
                table: "Papers");

            migrationBuilder.DropIndex(
                name: "IX_Papers_OriginatorBodyId",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "AmendsPaperId",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "OriginatorBodyId",
                table: "Papers");

            migrationBuilder.CreateTable(
                name: "Amendments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: true),
                    PaperId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Proposer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Amendments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Amendments_PaperConsultations_ConsultationId",
                        column: x => x.ConsultationId,
                        principalTable: "PaperConsultations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Amendments_Papers_PaperId",
                        column: x => x.PaperId,
                        principalTable: "Papers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Amendments_ConsultationId",
                table: "Amendments",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_Amendments_PaperId",
                table: "Amendments",
                column: "PaperId");

            migrationBuilder.AddForeignKey(
                name: "FK_AmendmentChangeLinks_Amendments_AmendmentId",
                table: "AmendmentChangeLinks",
                column: "AmendmentId",
                principalTable: "Amendments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
