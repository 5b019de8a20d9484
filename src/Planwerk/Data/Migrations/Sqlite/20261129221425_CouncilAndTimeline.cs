using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Planwerk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CouncilAndTimeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "AdoptedOn",
                table: "Plans",
                type: "TEXT",
                nullable: true);

            // SQLite cannot add a foreign key to an existing table; EF would rebuild "Plans" with
            // PRAGMA foreign_keys outside the migration's transaction (and warn about it on every first
            // start). A new nullable column may carry its reference itself, so it is added with it.
            migrationBuilder.Sql(
                "ALTER TABLE \"Plans\" ADD COLUMN \"AdoptedVersionId\" INTEGER NULL "
                + "CONSTRAINT \"FK_Plans_PlanVersions_AdoptedVersionId\" REFERENCES \"PlanVersions\" (\"Id\");");

            migrationBuilder.CreateTable(
                name: "CouncilBodies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    ShortName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Classification = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Website = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CouncilBodies", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Papers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    ReferenceIsExample = table.Column<bool>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PaperType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: true),
                    PlanVersionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Papers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Papers_PlanVersions_PlanVersionId",
                        column: x => x.PlanVersionId,
                        principalTable: "PlanVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Papers_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Meetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Start = table.Column<DateTime>(type: "TEXT", nullable: false),
                    End = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Location = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Meetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Meetings_CouncilBodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "CouncilBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaperFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    PaperId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    MimeType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperFiles_Papers_PaperId",
                        column: x => x.PaperId,
                        principalTable: "Papers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgendaItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    PaperId = table.Column<int>(type: "INTEGER", nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgendaItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgendaItems_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgendaItems_Papers_PaperId",
                        column: x => x.PaperId,
                        principalTable: "Papers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "TimelineEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartPrecision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    EndPrecision = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Activities = table.Column<string>(type: "TEXT", maxLength: 10000, nullable: false),
                    RoundId = table.Column<int>(type: "INTEGER", nullable: true),
                    WorkshopId = table.Column<int>(type: "INTEGER", nullable: true),
                    PaperId = table.Column<int>(type: "INTEGER", nullable: true),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TimelineEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TimelineEntries_ConsultationRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ConsultationRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_TimelineEntries_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_TimelineEntries_Papers_PaperId",
                        column: x => x.PaperId,
                        principalTable: "Papers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_TimelineEntries_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_TimelineEntries_Workshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "Workshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "PaperConsultations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    PaperId = table.Column<int>(type: "INTEGER", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    BodyId = table.Column<int>(type: "INTEGER", nullable: false),
                    MeetingId = table.Column<int>(type: "INTEGER", nullable: true),
                    AgendaItemId = table.Column<int>(type: "INTEGER", nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    VotesFor = table.Column<int>(type: "INTEGER", nullable: true),
                    VotesAgainst = table.Column<int>(type: "INTEGER", nullable: true),
                    VotesAbstaining = table.Column<int>(type: "INTEGER", nullable: true),
                    ResultRecordedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResultRecordedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaperConsultations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaperConsultations_AgendaItems_AgendaItemId",
                        column: x => x.AgendaItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PaperConsultations_CouncilBodies_BodyId",
                        column: x => x.BodyId,
                        principalTable: "CouncilBodies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaperConsultations_Meetings_MeetingId",
                        column: x => x.MeetingId,
                        principalTable: "Meetings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_PaperConsultations_Papers_PaperId",
                        column: x => x.PaperId,
                        principalTable: "Papers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Amendments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    PaperId = table.Column<int>(type: "INTEGER", nullable: false),
                    ConsultationId = table.Column<int>(type: "INTEGER", nullable: true),
                    Number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Proposer = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
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

            migrationBuilder.CreateTable(
                name: "AmendmentChangeLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    AmendmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangeRecordId = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AmendmentChangeLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AmendmentChangeLinks_Amendments_AmendmentId",
                        column: x => x.AmendmentId,
                        principalTable: "Amendments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Plans_AdoptedVersionId",
                table: "Plans",
                column: "AdoptedVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_MeetingId_Order",
                table: "AgendaItems",
                columns: new[] { "MeetingId", "Order" });

            migrationBuilder.CreateIndex(
                name: "IX_AgendaItems_PaperId",
                table: "AgendaItems",
                column: "PaperId");

            migrationBuilder.CreateIndex(
                name: "IX_AmendmentChangeLinks_AmendmentId_ChangeRecordId",
                table: "AmendmentChangeLinks",
                columns: new[] { "AmendmentId", "ChangeRecordId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AmendmentChangeLinks_ChangeRecordId",
                table: "AmendmentChangeLinks",
                column: "ChangeRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_Amendments_ConsultationId",
                table: "Amendments",
                column: "ConsultationId");

            migrationBuilder.CreateIndex(
                name: "IX_Amendments_PaperId",
                table: "Amendments",
                column: "PaperId");

            migrationBuilder.CreateIndex(
                name: "IX_CouncilBodies_MunicipalityId_Name",
                table: "CouncilBodies",
                columns: new[] { "MunicipalityId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_BodyId",
                table: "Meetings",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_Meetings_MunicipalityId_Start",
                table: "Meetings",
                columns: new[] { "MunicipalityId", "Start" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperConsultations_AgendaItemId",
                table: "PaperConsultations",
                column: "AgendaItemId");

            migrationBuilder.CreateIndex(
                name: "IX_PaperConsultations_BodyId",
                table: "PaperConsultations",
                column: "BodyId");

            migrationBuilder.CreateIndex(
                name: "IX_PaperConsultations_MeetingId",
                table: "PaperConsultations",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_PaperConsultations_PaperId_Position",
                table: "PaperConsultations",
                columns: new[] { "PaperId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_PaperFiles_PaperId",
                table: "PaperFiles",
                column: "PaperId");

            migrationBuilder.CreateIndex(
                name: "IX_Papers_MunicipalityId_Reference",
                table: "Papers",
                columns: new[] { "MunicipalityId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Papers_PlanId",
                table: "Papers",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_Papers_PlanVersionId",
                table: "Papers",
                column: "PlanVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_TimelineEntries_MeetingId",
                table: "TimelineEntries",
                column: "MeetingId");

            migrationBuilder.CreateIndex(
                name: "IX_TimelineEntries_PaperId",
                table: "TimelineEntries",
                column: "PaperId");

            migrationBuilder.CreateIndex(
                name: "IX_TimelineEntries_PlanId_StartDate",
                table: "TimelineEntries",
                columns: new[] { "PlanId", "StartDate" });

            migrationBuilder.CreateIndex(
                name: "IX_TimelineEntries_RoundId",
                table: "TimelineEntries",
                column: "RoundId");

            migrationBuilder.CreateIndex(
                name: "IX_TimelineEntries_WorkshopId",
                table: "TimelineEntries",
                column: "WorkshopId");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Plans_PlanVersions_AdoptedVersionId",
                table: "Plans");

            migrationBuilder.DropTable(
                name: "AmendmentChangeLinks");

            migrationBuilder.DropTable(
                name: "PaperFiles");

            migrationBuilder.DropTable(
                name: "TimelineEntries");

            migrationBuilder.DropTable(
                name: "Amendments");

            migrationBuilder.DropTable(
                name: "PaperConsultations");

            migrationBuilder.DropTable(
                name: "AgendaItems");

            migrationBuilder.DropTable(
                name: "Meetings");

            migrationBuilder.DropTable(
                name: "Papers");

            migrationBuilder.DropTable(
                name: "CouncilBodies");

            migrationBuilder.DropIndex(
                name: "IX_Plans_AdoptedVersionId",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "AdoptedOn",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "AdoptedVersionId",
                table: "Plans");
        }
    }
}
