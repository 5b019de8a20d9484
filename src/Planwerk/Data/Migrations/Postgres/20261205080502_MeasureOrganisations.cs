using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Planwerk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MeasureOrganisations : Migration
    {
        // The free-text offices and partners become organisations of the registry: each trimmed, non-empty office
        // text is one name (the lead); the partner text is split at commas, semicolons and line breaks, as the plans
        // wrote their lists. A name finds the municipality's organisation of the same trimmed name ignoring case,
        // else a new one is created: kind PublicAuthority when it led a measure, Other otherwise; names longer than an
        // organisation's 300 characters are cut there. An organisation is linked once per measure, as its lead if it
        // was the office.
        private const string MoveFreeText = """
            CREATE TEMP TABLE "OrganisationNames" ("MeasureId" integer NOT NULL, "MunicipalityId" integer NOT NULL,
                "Role" text NOT NULL, "Position" bigint NOT NULL, "Name" text NOT NULL);

            INSERT INTO "OrganisationNames" ("MeasureId", "MunicipalityId", "Role", "Position", "Name")
            SELECT "Id", "MunicipalityId", 'Lead', 0, btrim(left(btrim("ResponsibleOffice", E' \t\r\n'), 300), E' \t\r\n')
            FROM "Measures" WHERE btrim("ResponsibleOffice", E' \t\r\n') <> '';

            INSERT INTO "OrganisationNames" ("MeasureId", "MunicipalityId", "Role", "Position", "Name")
            SELECT m."Id", m."MunicipalityId", 'Partner', p."Position", btrim(left(btrim(p."Part", E' \t\r\n'), 300), E' \t\r\n')
            FROM "Measures" m, regexp_split_to_table(m."PartnerOrganisations", E'[,;\r\n]') WITH ORDINALITY AS p("Part", "Position")
            WHERE btrim(p."Part", E' \t\r\n') <> '';

            INSERT INTO "Stakeholders" ("MunicipalityId", "Name", "Kind", "Description", "Address", "Website", "Email", "Phone", "ContactPerson", "IsListed", "Version")
            SELECT n."MunicipalityId", min(n."Name" COLLATE "C"), CASE WHEN bool_or(n."Role" = 'Lead') THEN 'PublicAuthority' ELSE 'Other' END, '', '', '', '', '', '', false, 0
            FROM "OrganisationNames" n
            WHERE NOT EXISTS (SELECT 1 FROM "Stakeholders" s WHERE s."MunicipalityId" = n."MunicipalityId" AND lower(btrim(s."Name")) = lower(n."Name"))
            GROUP BY n."MunicipalityId", lower(n."Name");

            INSERT INTO "MeasureOrganisations" ("MunicipalityId", "MeasureId", "OrganisationId", "Role", "Position")
            SELECT "MunicipalityId", "MeasureId", "OrganisationId", "Role",
                CASE WHEN "Role" = 'Lead' THEN 0 ELSE row_number() OVER (PARTITION BY "MeasureId", "Role" ORDER BY "Position") END
            FROM (
                SELECT *, row_number() OVER (PARTITION BY "MeasureId", "OrganisationId" ORDER BY "Role", "Position") AS "Nth"
                FROM (
                    SELECT n.*, (SELECT min(s."Id") FROM "Stakeholders" s
                        WHERE s."MunicipalityId" = n."MunicipalityId" AND lower(btrim(s."Name")) = lower(n."Name")) AS "OrganisationId"
                    FROM "OrganisationNames" n
                ) named
            ) once
            WHERE "Nth" = 1;

            DROP TABLE "OrganisationNames";
            """;

        // Back to free text: the lead's name, and the partners' names in their order separated by "; ".
        private const string RestoreFreeText = """
            UPDATE "Measures" m SET
                "ResponsibleOffice" = coalesce((SELECT s."Name" FROM "MeasureOrganisations" o JOIN "Stakeholders" s ON s."Id" = o."OrganisationId"
                    WHERE o."MeasureId" = m."Id" AND o."Role" = 'Lead'), ''),
                "PartnerOrganisations" = coalesce((SELECT string_agg(s."Name", '; ' ORDER BY o."Position")
                    FROM "MeasureOrganisations" o JOIN "Stakeholders" s ON s."Id" = o."OrganisationId"
                    WHERE o."MeasureId" = m."Id" AND o."Role" = 'Partner'), '');
            """;

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MeasureOrganisations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    MeasureId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    Role = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
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

            migrationBuilder.DropColumn(
                name: "PartnerOrganisations",
                table: "Measures");

            migrationBuilder.DropColumn(
                name: "ResponsibleOffice",
                table: "Measures");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PartnerOrganisations",
                table: "Measures",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ResponsibleOffice",
                table: "Measures",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql(RestoreFreeText);

            migrationBuilder.DropTable(
                name: "MeasureOrganisations");
        }
    }
}
