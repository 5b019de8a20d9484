using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Planwerk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeasureOrganisations : Migration
    {
        // The free-text offices and partners become organisations of the registry: each trimmed, non-empty office
        // text is one name (the lead); the partner text is split at commas, semicolons and line breaks, as the plans
        // wrote their lists. A name finds the municipality's organisation of the same trimmed name ignoring case
        // (SQLite's lower() folds A–Z only), else a new one is created: kind PublicAuthority when it led a measure,
        // Other otherwise; names longer than an organisation's 300 characters are cut there. An organisation is
        // linked once per measure, as its lead if it was the office.
        private const string Blank = "' ' || char(9, 10, 13)";

        private const string MoveFreeText = $"""
            CREATE TEMP TABLE "OrganisationNames" ("MeasureId" INTEGER NOT NULL, "MunicipalityId" INTEGER NOT NULL,
                "Role" TEXT NOT NULL, "Position" INTEGER NOT NULL, "Name" TEXT NOT NULL);

            INSERT INTO "OrganisationNames" ("MeasureId", "MunicipalityId", "Role", "Position", "Name")
            SELECT "Id", "MunicipalityId", 'Lead', 0, trim(substr(trim("ResponsibleOffice", {Blank}), 1, 300), {Blank})
            FROM "Measures" WHERE trim("ResponsibleOffice", {Blank}) <> '';

            WITH RECURSIVE "Parts" ("MeasureId", "MunicipalityId", "Position", "Part", "Rest") AS (
                SELECT "Id", "MunicipalityId", 0, '',
                    replace(replace(replace("PartnerOrganisations", ';', ','), char(13), ','), char(10), ',') || ','
                FROM "Measures" WHERE trim("PartnerOrganisations", {Blank}) <> ''
                UNION ALL
                SELECT "MeasureId", "MunicipalityId", "Position" + 1, substr("Rest", 1, instr("Rest", ',') - 1), substr("Rest", instr("Rest", ',') + 1)
                FROM "Parts" WHERE "Rest" <> ''
            )
            INSERT INTO "OrganisationNames" ("MeasureId", "MunicipalityId", "Role", "Position", "Name")
            SELECT "MeasureId", "MunicipalityId", 'Partner', "Position", trim(substr(trim("Part", {Blank}), 1, 300), {Blank})
            FROM "Parts" WHERE "Position" > 0 AND trim("Part", {Blank}) <> '';

            INSERT INTO "Stakeholders" ("MunicipalityId", "Name", "Kind", "Description", "Address", "Website", "Email", "Phone", "ContactPerson", "IsListed", "Version")
            SELECT n."MunicipalityId", min(n."Name"), CASE WHEN max(n."Role" = 'Lead') = 1 THEN 'PublicAuthority' ELSE 'Other' END, '', '', '', '', '', '', 0, 0
            FROM "OrganisationNames" n
            WHERE NOT EXISTS (SELECT 1 FROM "Stakeholders" s WHERE s."MunicipalityId" = n."MunicipalityId" AND lower(trim(s."Name")) = lower(n."Name"))
            GROUP BY n."MunicipalityId", lower(n."Name");

            INSERT INTO "MeasureOrganisations" ("MunicipalityId", "MeasureId", "OrganisationId", "Role", "Position")
            SELECT "MunicipalityId", "MeasureId", "OrganisationId", "Role",
                CASE WHEN "Role" = 'Lead' THEN 0 ELSE row_number() OVER (PARTITION BY "MeasureId", "Role" ORDER BY "Position") END
            FROM (
                SELECT *, row_number() OVER (PARTITION BY "MeasureId", "OrganisationId" ORDER BY "Role", "Position") AS "Nth"
                FROM (
                    SELECT n.*, (SELECT min(s."Id") FROM "Stakeholders" s
                        WHERE s."MunicipalityId" = n."MunicipalityId" AND lower(trim(s."Name")) = lower(n."Name")) AS "OrganisationId"
                    FROM "OrganisationNames" n
                )
            )
            WHERE "Nth" = 1;

            DROP TABLE "OrganisationNames";
            """;

        // Back to free text: the lead's name, and the partners' names in their order separated by "; ".
        private const string RestoreFreeText = """
            UPDATE "Measures" SET
                "ResponsibleOffice" = coalesce((SELECT s."Name" FROM "MeasureOrganisations" o JOIN "Stakeholders" s ON s."Id" = o."OrganisationId"
                    WHERE o."MeasureId" = "Measures"."Id" AND o."Role" = 'Lead'), ''),
                "PartnerOrganisations" = coalesce((SELECT group_concat("Name", '; ') FROM (
                    SELECT s."Name" FROM "MeasureOrganisations" o JOIN "Stakeholders" s ON s."Id" = o."OrganisationId"
                    WHERE o."MeasureId" = "Measures"."Id" AND o."Role" = 'Partner' ORDER BY o."Position")), '');
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MeasureOrganisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasureId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureOrganisations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasureOrganisations_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeasureOrganisations_Stakeholders_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Stakeholders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeasureOrganisations_MeasureId_Lead",
                table: "MeasureOrganisations",
                column: "MeasureId",
                unique: true,
                filter: "\"Role\" = 'Lead'");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureOrganisations_MeasureId_OrganisationId",
                table: "MeasureOrganisations",
                columns: new[] { "MeasureId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeasureOrganisations_OrganisationId",
                table: "MeasureOrganisations",
                column: "OrganisationId");

            migrationBuilder.Sql(MoveFreeText);

            // SQLite drops a plain column in place; EF would rebuild "Measures" with PRAGMA foreign_keys
            // outside the migration's transaction (and warn about it on every first start).
            migrationBuilder.Sql("ALTER TABLE \"Measures\" DROP COLUMN \"PartnerOrganisations\";");
            migrationBuilder.Sql("ALTER TABLE \"Measures\" DROP COLUMN \"ResponsibleOffice\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PartnerOrganisations",
                table: "Measures",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ResponsibleOffice",
                table: "Measures",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql(RestoreFreeText);

            migrationBuilder.DropTable(
                name: "MeasureOrganisations");
        }
    }
}
