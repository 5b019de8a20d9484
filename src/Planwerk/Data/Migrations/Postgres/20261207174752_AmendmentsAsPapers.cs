using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Planwerk.Data.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Planwerk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AmendmentsAsPapers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AmendmentChangeLinks_Amendments_AmendmentId",
                table: "AmendmentChangeLinks");

            migrationBuilder.AddColumn<int>(
                name: "AmendsPaperId",
                table: "Papers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "OriginatorBodyId",
                table: "Papers",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Papers_AmendsPaperId",
                table: "Papers",
                column: "AmendsPaperId");

            migrationBuilder.CreateIndex(
                name: "IX_Papers_OriginatorBodyId",
                table: "Papers",
                column: "OriginatorBodyId");

            migrationBuilder.AddForeignKey(
                name: "FK_Papers_CouncilBodies_OriginatorBodyId",
                table: "Papers",
                column: "OriginatorBodyId",
                principalTable: "CouncilBodies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Papers_Papers_AmendsPaperId",
                table: "Papers",
                column: "AmendsPaperId",
                principalTable: "Papers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.Sql(AmendmentPapersSql.MoveAmendments("chr(10)"));
            migrationBuilder.Sql(AmendmentPapersSql.MoveResults());

            // The links now point to the new papers; the unique index waits, so no row collides on the way.
            migrationBuilder.DropIndex(
                name: "IX_AmendmentChangeLinks_AmendmentId_ChangeRecordId",
                table: "AmendmentChangeLinks");
            var newId = AmendmentPapersSql.NewIdOf("\"AmendmentChangeLinks\".\"AmendmentId\"");
            migrationBuilder.Sql($"""
                UPDATE "AmendmentChangeLinks" SET "AmendmentId" = {newId};
                """);
            migrationBuilder.CreateIndex(
                name: "IX_AmendmentChangeLinks_AmendmentId_ChangeRecordId",
                table: "AmendmentChangeLinks",
                columns: new[] { "AmendmentId", "ChangeRecordId" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AmendmentChangeLinks_Papers_AmendmentId",
                table: "AmendmentChangeLinks",
                column: "AmendmentId",
                principalTable: "Papers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ConsultationId = table.Column<int>(type: "integer", nullable: true),
                    PaperId = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Proposer = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Result = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Text = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
