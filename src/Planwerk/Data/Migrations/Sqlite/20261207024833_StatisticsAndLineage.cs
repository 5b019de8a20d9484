using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Planwerk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StatisticsAndLineage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "PlanSections",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Text");

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "Measures",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeText",
                table: "Measures",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "StatisticsDatasets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    SourceName = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    SourceUrl = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Licence = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Publisher = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Keywords = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CoversFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CoversTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PeriodKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CategoryLabel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ChartKind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatisticsDatasets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlanSectionDatasets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    SectionId = table.Column<int>(type: "INTEGER", nullable: false),
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanSectionDatasets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanSectionDatasets_PlanSections_SectionId",
                        column: x => x.SectionId,
                        principalTable: "PlanSections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanSectionDatasets_StatisticsDatasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "StatisticsDatasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StatisticsCategories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatisticsCategories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StatisticsCategories_StatisticsDatasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "StatisticsDatasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StatisticsObservations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    DatasetId = table.Column<int>(type: "INTEGER", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: true),
                    Period = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 18, scale: 4, nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatisticsObservations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StatisticsObservations_StatisticsCategories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "StatisticsCategories",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_StatisticsObservations_StatisticsDatasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "StatisticsDatasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });


            // SQLite cannot add a foreign key to an existing table; EF would rebuild "Measures" and "Indicators" with
            // PRAGMA foreign_keys outside the migration's transaction (and warn about it on every first start). A new
            // nullable column may carry its reference itself, so each is added with it.
            migrationBuilder.Sql(
                "ALTER TABLE \"Measures\" ADD COLUMN \"CarriedFromMeasureId\" INTEGER NULL "
                + "CONSTRAINT \"FK_Measures_Measures_CarriedFromMeasureId\" REFERENCES \"Measures\" (\"Id\") ON DELETE SET NULL;");
            migrationBuilder.Sql(
                "ALTER TABLE \"Indicators\" ADD COLUMN \"DatasetId\" INTEGER NULL "
                + "CONSTRAINT \"FK_Indicators_StatisticsDatasets_DatasetId\" REFERENCES \"StatisticsDatasets\" (\"Id\") ON DELETE RESTRICT;");
            migrationBuilder.Sql(
                "ALTER TABLE \"Indicators\" ADD COLUMN \"DatasetCategoryId\" INTEGER NULL "
                + "CONSTRAINT \"FK_Indicators_StatisticsCategories_DatasetCategoryId\" REFERENCES \"StatisticsCategories\" (\"Id\") ON DELETE RESTRICT;");

            migrationBuilder.CreateIndex(
                name: "IX_Measures_CarriedFromMeasureId",
                table: "Measures",
                column: "CarriedFromMeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_Measures_PlanId_CarriedFromMeasureId",
                table: "Measures",
                columns: new[] { "PlanId", "CarriedFromMeasureId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_DatasetCategoryId",
                table: "Indicators",
                column: "DatasetCategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_DatasetId",
                table: "Indicators",
                column: "DatasetId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanSectionDatasets_DatasetId",
                table: "PlanSectionDatasets",
                column: "DatasetId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanSectionDatasets_SectionId_DatasetId",
                table: "PlanSectionDatasets",
                columns: new[] { "SectionId", "DatasetId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StatisticsCategories_DatasetId_Name",
                table: "StatisticsCategories",
                columns: new[] { "DatasetId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StatisticsDatasets_MunicipalityId_Code",
                table: "StatisticsDatasets",
                columns: new[] { "MunicipalityId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StatisticsObservations_CategoryId",
                table: "StatisticsObservations",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_StatisticsObservations_DatasetId_CategoryId_Period",
                table: "StatisticsObservations",
                columns: new[] { "DatasetId", "CategoryId", "Period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StatisticsObservations_DatasetId_Period",
                table: "StatisticsObservations",
                columns: new[] { "DatasetId", "Period" },
                unique: true,
                filter: "\"CategoryId\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Indicators_StatisticsCategories_DatasetCategoryId",
                table: "Indicators");

            migrationBuilder.DropForeignKey(
                name: "FK_Indicators_StatisticsDatasets_DatasetId",
                table: "Indicators");

            migrationBuilder.DropForeignKey(
                name: "FK_Measures_Measures_CarriedFromMeasureId",
                table: "Measures");

            migrationBuilder.DropTable(
                name: "PlanSectionDatasets");

            migrationBuilder.DropTable(
                name: "StatisticsObservations");

            migrationBuilder.DropTable(
                name: "StatisticsCategories");

            migrationBuilder.DropTable(
                name: "StatisticsDatasets");

            migrationBuilder.DropIndex(
                name: "IX_Measures_CarriedFromMeasureId",
                table: "Measures");

            migrationBuilder.DropIndex(
                name: "IX_Measures_PlanId_CarriedFromMeasureId",
                table: "Measures");

            migrationBuilder.DropIndex(
                name: "IX_Indicators_DatasetCategoryId",
                table: "Indicators");

            migrationBuilder.DropIndex(
                name: "IX_Indicators_DatasetId",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "PlanSections");

            migrationBuilder.DropColumn(
                name: "CarriedFromMeasureId",
                table: "Measures");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "Measures");

            migrationBuilder.DropColumn(
                name: "OutcomeText",
                table: "Measures");

            migrationBuilder.DropColumn(
                name: "DatasetCategoryId",
                table: "Indicators");

            migrationBuilder.DropColumn(
                name: "DatasetId",
                table: "Indicators");
        }
    }
}
