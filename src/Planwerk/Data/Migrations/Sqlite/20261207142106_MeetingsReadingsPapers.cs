using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Planwerk.Data.Migrations.Sqlite
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

            // SQLite cannot add a foreign key to an existing table; EF would rebuild "Papers". A new nullable
            // column may carry its reference itself.
            migrationBuilder.Sql(
                "ALTER TABLE \"Papers\" ADD COLUMN \"ReplacesPaperId\" INTEGER NULL "
                + "CONSTRAINT \"FK_Papers_Papers_ReplacesPaperId\" REFERENCES \"Papers\" (\"Id\") ON DELETE SET NULL;");

            migrationBuilder.AddColumn<string>(
                name: "ResolutionText",
                table: "Papers",
                type: "TEXT",
                maxLength: 20000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateOnly>(
                name: "DocumentDate",
                table: "PaperFiles",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<int>(
                name: "Position",
                table: "PaperFiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<bool>(
                name: "IsSpecialSession",
                table: "Meetings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "StartTimeUnknown",
                table: "Meetings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Reading",
                table: "AgendaItems",
                type: "TEXT",
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
