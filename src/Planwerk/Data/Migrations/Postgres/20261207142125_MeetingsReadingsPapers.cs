using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Planwerk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MeetingsReadingsPapers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PaperFiles_PaperId",
                table: "PaperFiles");

            migrationBuilder.AddColumn<int>(
                name: "ReplacesPaperId",
                table: "Papers",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResolutionText",
                table: "Papers",
                type: "character varying(20000)",
                maxLength: 20000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "DocumentDate",
                table: "PaperFiles",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<int>(
                name: "Position",
                table: "PaperFiles",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "IsSpecialSession",
                table: "Meetings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "StartTimeUnknown",
                table: "Meetings",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Reading",
                table: "AgendaItems",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "None");

            // Files recorded before: the document date is unknown, the paper's date is the best guess (the upload
            // day is not the document's); their order stays as it was shown, by id, the first being the main file.
            migrationBuilder.Sql(
                "UPDATE \"PaperFiles\" SET \"DocumentDate\" = (SELECT \"Papers\".\"Date\" FROM \"Papers\" WHERE \"Papers\".\"Id\" = \"PaperFiles\".\"PaperId\"), "
                + "\"Position\" = (SELECT COUNT(*) FROM \"PaperFiles\" AS \"Earlier\" WHERE \"Earlier\".\"PaperId\" = \"PaperFiles\".\"PaperId\" AND \"Earlier\".\"Id\" <= \"PaperFiles\".\"Id\");");

            migrationBuilder.CreateIndex(
                name: "IX_Papers_ReplacesPaperId",
                table: "Papers",
                column: "ReplacesPaperId");

            migrationBuilder.CreateIndex(
                name: "IX_PaperFiles_PaperId_Position",
                table: "PaperFiles",
                columns: new[] { "PaperId", "Position" });

            migrationBuilder.AddForeignKey(
                name: "FK_Papers_Papers_ReplacesPaperId",
                table: "Papers",
                column: "ReplacesPaperId",
                principalTable: "Papers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Papers_Papers_ReplacesPaperId",
                table: "Papers");

            migrationBuilder.DropIndex(
                name: "IX_Papers_ReplacesPaperId",
                table: "Papers");

            migrationBuilder.DropIndex(
                name: "IX_PaperFiles_PaperId_Position",
                table: "PaperFiles");

            migrationBuilder.DropColumn(
                name: "ReplacesPaperId",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "ResolutionText",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "DocumentDate",
                table: "PaperFiles");

            migrationBuilder.DropColumn(
                name: "Position",
                table: "PaperFiles");

            migrationBuilder.DropColumn(
                name: "IsSpecialSession",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "StartTimeUnknown",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "Reading",
                table: "AgendaItems");

            migrationBuilder.CreateIndex(
                name: "IX_PaperFiles_PaperId",
                table: "PaperFiles",
                column: "PaperId");
        }
    }
}
