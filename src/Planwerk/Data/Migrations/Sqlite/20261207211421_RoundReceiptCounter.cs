using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Planwerk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RoundReceiptCounter : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReceiptsGiven",
                table: "ConsultationRounds",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
            // The counter starts at the highest number each round has given ("S{round}-{n}"); other numbers
            // (the demo's "B1-…") cannot clash with the ones it gives.
            migrationBuilder.Sql("""
                UPDATE "ConsultationRounds" SET "ReceiptsGiven" = COALESCE((
                    SELECT MAX(CAST(substr("Statements"."ReceiptNumber", length('S' || "ConsultationRounds"."Id" || '-') + 1) AS INTEGER))
                    FROM "Statements"
                    WHERE "Statements"."RoundId" = "ConsultationRounds"."Id"
                      AND "Statements"."ReceiptNumber" GLOB 'S' || "ConsultationRounds"."Id" || '-[0-9]*'), 0);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReceiptsGiven",
                table: "ConsultationRounds");
        }
    }
}
