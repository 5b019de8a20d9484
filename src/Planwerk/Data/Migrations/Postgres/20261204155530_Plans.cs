using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Planwerk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Plans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing plans keep the words Planwerk used so far; the defaults are the only hand-written part.
            migrationBuilder.AddColumn<string>(
                name: "FieldPlural",
                table: "Plans",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "Handlungsfelder");

            migrationBuilder.AddColumn<string>(
                name: "FieldPluralEn",
                table: "Plans",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "Fields of action");

            migrationBuilder.AddColumn<string>(
                name: "FieldSingular",
                table: "Plans",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "Handlungsfeld");

            migrationBuilder.AddColumn<string>(
                name: "FieldSingularEn",
                table: "Plans",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "Field of action");

            migrationBuilder.AddColumn<string>(
                name: "MeasurePlural",
                table: "Plans",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "Maßnahmen");

            migrationBuilder.AddColumn<string>(
                name: "MeasurePluralEn",
                table: "Plans",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "Measures");

            migrationBuilder.AddColumn<string>(
                name: "MeasureSingular",
                table: "Plans",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "Maßnahme");

            migrationBuilder.AddColumn<string>(
                name: "MeasureSingularEn",
                table: "Plans",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "Measure");

            migrationBuilder.AddColumn<string>(
                name: "PrinciplePlural",
                table: "Plans",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "Leitlinien");

            migrationBuilder.AddColumn<string>(
                name: "PrinciplePluralEn",
                table: "Plans",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "Guiding principles");

            migrationBuilder.AddColumn<string>(
                name: "PrincipleSingular",
                table: "Plans",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "Leitlinie");

            migrationBuilder.AddColumn<string>(
                name: "PrincipleSingularEn",
                table: "Plans",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                defaultValue: "Guiding principle");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Measures",
                type: "text",
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FieldPlural",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "FieldPluralEn",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "FieldSingular",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "FieldSingularEn",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "MeasurePlural",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "MeasurePluralEn",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "MeasureSingular",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "MeasureSingularEn",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "PrinciplePlural",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "PrinciplePluralEn",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "PrincipleSingular",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "PrincipleSingularEn",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Measures");
        }
    }
}
