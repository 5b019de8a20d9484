using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Planwerk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeasureReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MeasureReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasureId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportingPeriodId = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusId = table.Column<int>(type: "INTEGER", nullable: true),
                    Progress = table.Column<int>(type: "INTEGER", nullable: true),
                    Done = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    NextSteps = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Obstacles = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Spent = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: true),
                    Links = table.Column<string>(type: "TEXT", maxLength: 40020, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReturnComment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasureReports_ImplementationStatuses_StatusId",
                        column: x => x.StatusId,
                        principalTable: "ImplementationStatuses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MeasureReports_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeasureReports_ReportingPeriods_ReportingPeriodId",
                        column: x => x.ReportingPeriodId,
                        principalTable: "ReportingPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportReminders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReportingPeriodId = table.Column<int>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportReminders_ReportingPeriods_ReportingPeriodId",
                        column: x => x.ReportingPeriodId,
                        principalTable: "ReportingPeriods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportReminderSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    DaysBeforeDue = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportReminderSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportEvidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeasureReportId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportEvidence_MeasureReports_MeasureReportId",
                        column: x => x.MeasureReportId,
                        principalTable: "MeasureReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MeasureReports_MeasureId_ReportingPeriodId",
                table: "MeasureReports",
                columns: new[] { "MeasureId", "ReportingPeriodId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeasureReports_ReportingPeriodId_State",
                table: "MeasureReports",
                columns: new[] { "ReportingPeriodId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_MeasureReports_StatusId",
                table: "MeasureReports",
                column: "StatusId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportEvidence_MeasureReportId",
                table: "ReportEvidence",
                column: "MeasureReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportReminders_ReportingPeriodId_UserId",
                table: "ReportReminders",
                columns: new[] { "ReportingPeriodId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReportReminderSettings_MunicipalityId",
                table: "ReportReminderSettings",
                column: "MunicipalityId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportEvidence");

            migrationBuilder.DropTable(
                name: "ReportReminders");

            migrationBuilder.DropTable(
                name: "ReportReminderSettings");

            migrationBuilder.DropTable(
                name: "MeasureReports");
        }
    }
}
