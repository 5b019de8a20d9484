using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Planwerk.Data.Migrations.Postgres
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
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Text");

            migrationBuilder.AddColumn<int>(
                name: "CarriedFromMeasureId",
                table: "Measures",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "Measures",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OutcomeText",
                table: "Measures",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "DatasetCategoryId",
                table: "Indicators",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "DatasetId",
                table: "Indicators",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "StatisticsDatasets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Unit = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SourceName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SourceUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Licence = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Publisher = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Keywords = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CoversFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    CoversTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Frequency = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PeriodKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CategoryLabel = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ChartKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IsPublic = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatisticsDatasets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PlanSectionDatasets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    SectionId = table.Column<int>(type: "integer", nullable: false),
                    DatasetId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    DatasetId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    DatasetId = table.Column<int>(type: "integer", nullable: false),
                    CategoryId = table.Column<int>(type: "integer", nullable: true),
                    Period = table.Column<DateOnly>(type: "date", nullable: false),
                    Value = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: true),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
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

            migrationBuilder.AddForeignKey(
                name: "FK_Indicators_StatisticsCategories_DatasetCategoryId",
                table: "Indicators",
                column: "DatasetCategoryId",
                principalTable: "StatisticsCategories",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Indicators_StatisticsDatasets_DatasetId",
                table: "Indicators",
                column: "DatasetId",
                principalTable: "StatisticsDatasets",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Measures_Measures_CarriedFromMeasureId",
                table: "Measures",
                column: "CarriedFromMeasureId",
                principalTable: "Measures",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
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
