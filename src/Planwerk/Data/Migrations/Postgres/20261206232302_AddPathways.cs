using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Planwerk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddPathways : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PathwaySteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    Uid = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    WhatToDo = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Why = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DocumentsToBring = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Deadlines = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    WaitingTime = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Tips = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Audience = table.Column<int>(type: "integer", nullable: false),
                    MinimumAge = table.Column<int>(type: "integer", nullable: true),
                    MaximumAge = table.Column<int>(type: "integer", nullable: true),
                    Children = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IsExample = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PathwaySteps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PathwayStepMeasures",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    StepId = table.Column<int>(type: "integer", nullable: false),
                    MeasureId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PathwayStepMeasures", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PathwayStepMeasures_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PathwayStepMeasures_PathwaySteps_StepId",
                        column: x => x.StepId,
                        principalTable: "PathwaySteps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PathwayStepServices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    StepId = table.Column<int>(type: "integer", nullable: false),
                    ServiceId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PathwayStepServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PathwayStepServices_HelpServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "HelpServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PathwayStepServices_PathwaySteps_StepId",
                        column: x => x.StepId,
                        principalTable: "PathwaySteps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PathwayPublications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    PathwayId = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    PublishedById = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    PublishedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Document = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PathwayPublications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Pathways",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    Uid = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Audience = table.Column<int>(type: "integer", nullable: false),
                    MinimumAge = table.Column<int>(type: "integer", nullable: true),
                    MaximumAge = table.Column<int>(type: "integer", nullable: true),
                    Children = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CurrentPublicationId = table.Column<int>(type: "integer", nullable: true),
                    IsExample = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pathways", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Pathways_PathwayPublications_CurrentPublicationId",
                        column: x => x.CurrentPublicationId,
                        principalTable: "PathwayPublications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "PathwayStages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    Uid = table.Column<Guid>(type: "uuid", nullable: false),
                    PathwayId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PathwayStages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PathwayStages_Pathways_PathwayId",
                        column: x => x.PathwayId,
                        principalTable: "Pathways",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StepFeedback",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    StepId = table.Column<int>(type: "integer", nullable: false),
                    PathwayId = table.Column<int>(type: "integer", nullable: true),
                    Worked = table.Column<bool>(type: "boolean", nullable: false),
                    Problem = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Language = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModeratedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ModeratedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ConsultationRoundId = table.Column<int>(type: "integer", nullable: true),
                    StatementId = table.Column<int>(type: "integer", nullable: true),
                    ChangeRecordId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StepFeedback", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StepFeedback_PathwaySteps_StepId",
                        column: x => x.StepId,
                        principalTable: "PathwaySteps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StepFeedback_Pathways_PathwayId",
                        column: x => x.PathwayId,
                        principalTable: "Pathways",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "PathwayStageSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    StageId = table.Column<int>(type: "integer", nullable: false),
                    StepId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PathwayStageSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PathwayStageSteps_PathwayStages_StageId",
                        column: x => x.StageId,
                        principalTable: "PathwayStages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PathwayStageSteps_PathwaySteps_StepId",
                        column: x => x.StepId,
                        principalTable: "PathwaySteps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PathwayPublications_PathwayId_Number",
                table: "PathwayPublications",
                columns: new[] { "PathwayId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Pathways_CurrentPublicationId",
                table: "Pathways",
                column: "CurrentPublicationId");

            migrationBuilder.CreateIndex(
                name: "IX_Pathways_MunicipalityId_Code",
                table: "Pathways",
                columns: new[] { "MunicipalityId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Pathways_MunicipalityId_Uid",
                table: "Pathways",
                columns: new[] { "MunicipalityId", "Uid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PathwayStages_MunicipalityId_Uid",
                table: "PathwayStages",
                columns: new[] { "MunicipalityId", "Uid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PathwayStages_PathwayId_Position",
                table: "PathwayStages",
                columns: new[] { "PathwayId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_PathwayStageSteps_StageId_StepId",
                table: "PathwayStageSteps",
                columns: new[] { "StageId", "StepId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PathwayStageSteps_StepId",
                table: "PathwayStageSteps",
                column: "StepId");

            migrationBuilder.CreateIndex(
                name: "IX_PathwayStepMeasures_MeasureId",
                table: "PathwayStepMeasures",
                column: "MeasureId");

            migrationBuilder.CreateIndex(
                name: "IX_PathwayStepMeasures_StepId_MeasureId",
                table: "PathwayStepMeasures",
                columns: new[] { "StepId", "MeasureId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PathwaySteps_MunicipalityId_Uid",
                table: "PathwaySteps",
                columns: new[] { "MunicipalityId", "Uid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PathwayStepServices_ServiceId",
                table: "PathwayStepServices",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_PathwayStepServices_StepId_ServiceId",
                table: "PathwayStepServices",
                columns: new[] { "StepId", "ServiceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StepFeedback_MunicipalityId_State_CreatedAt",
                table: "StepFeedback",
                columns: new[] { "MunicipalityId", "State", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StepFeedback_PathwayId",
                table: "StepFeedback",
                column: "PathwayId");

            migrationBuilder.CreateIndex(
                name: "IX_StepFeedback_StepId_State",
                table: "StepFeedback",
                columns: new[] { "StepId", "State" });

            migrationBuilder.AddForeignKey(
                name: "FK_PathwayPublications_Pathways_PathwayId",
                table: "PathwayPublications",
                column: "PathwayId",
                principalTable: "Pathways",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PathwayPublications_Pathways_PathwayId",
                table: "PathwayPublications");

            migrationBuilder.DropTable(
                name: "PathwayStageSteps");

            migrationBuilder.DropTable(
                name: "PathwayStepMeasures");

            migrationBuilder.DropTable(
                name: "PathwayStepServices");

            migrationBuilder.DropTable(
                name: "StepFeedback");

            migrationBuilder.DropTable(
                name: "PathwayStages");

            migrationBuilder.DropTable(
                name: "PathwaySteps");

            migrationBuilder.DropTable(
                name: "Pathways");

            migrationBuilder.DropTable(
                name: "PathwayPublications");
        }
    }
}
