using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Planwerk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Participation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConsultationRounds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    PlanId = table.Column<int>(type: "integer", nullable: false),
                    PlanVersionId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    OpensAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Audience = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ReminderSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WeighingPublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsultationRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ConsultationRounds_PlanVersions_PlanVersionId",
                        column: x => x.PlanVersionId,
                        principalTable: "PlanVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ConsultationRounds_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ModerationLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    CommentId = table.Column<int>(type: "integer", nullable: false),
                    Action = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ModeratorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    ModeratorName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModerationLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StakeholderJoinRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    StakeholderId = table.Column<int>(type: "integer", nullable: true),
                    ProposedName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ProposedKind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ProposedDescription = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    DecisionNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StakeholderJoinRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StakeholderJoinRequests_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_StakeholderJoinRequests_Stakeholders_StakeholderId",
                        column: x => x.StakeholderId,
                        principalTable: "Stakeholders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Workshops",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    PlanId = table.Column<int>(type: "integer", nullable: true),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Place = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    OnlineUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Minutes = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: false),
                    Results = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: false),
                    ResultsPublishedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CalendarSequence = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Workshops", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Workshops_Plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "Plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "RoundComments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    AuthorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    HiddenAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoundComments_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoundComments_ConsultationRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ConsultationRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RoundInvitedStakeholders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    StakeholderId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundInvitedStakeholders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RoundInvitedStakeholders_ConsultationRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ConsultationRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoundInvitedStakeholders_Stakeholders_StakeholderId",
                        column: x => x.StakeholderId,
                        principalTable: "Stakeholders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Statements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    ReceiptNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Target = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TargetRef = table.Column<int>(type: "integer", nullable: true),
                    TargetLabel = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Quote = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Text = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: false),
                    AuthorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    StakeholderId = table.Column<int>(type: "integer", nullable: true),
                    ConsentToPublish = table.Column<bool>(type: "boolean", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Reasons = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    WeighedByUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    WeighedByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    WeighedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Statements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Statements_AspNetUsers_AuthorUserId",
                        column: x => x.AuthorUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Statements_ConsultationRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "ConsultationRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Statements_Stakeholders_StakeholderId",
                        column: x => x.StakeholderId,
                        principalTable: "Stakeholders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "WorkingGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    WorkshopId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    FieldOfActionId = table.Column<int>(type: "integer", nullable: true),
                    Results = table.Column<string>(type: "character varying(50000)", maxLength: 50000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkingGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkingGroups_FieldsOfAction_FieldOfActionId",
                        column: x => x.FieldOfActionId,
                        principalTable: "FieldsOfAction",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_WorkingGroups_Workshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "Workshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CommentReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    CommentId = table.Column<int>(type: "integer", nullable: false),
                    ReporterUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ResolvedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommentReports_RoundComments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "RoundComments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StatementAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    StatementId = table.Column<int>(type: "integer", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatementAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StatementAttachments_Statements_StatementId",
                        column: x => x.StatementId,
                        principalTable: "Statements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StatementChangeLinks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    StatementId = table.Column<int>(type: "integer", nullable: false),
                    ChangeRecordId = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatementChangeLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StatementChangeLinks_Statements_StatementId",
                        column: x => x.StatementId,
                        principalTable: "Statements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkshopRegistrations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    WorkshopId = table.Column<int>(type: "integer", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    StakeholderId = table.Column<int>(type: "integer", nullable: true),
                    WorkingGroupId = table.Column<int>(type: "integer", nullable: true),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RegisteredAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Attended = table.Column<bool>(type: "boolean", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkshopRegistrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkshopRegistrations_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WorkshopRegistrations_Stakeholders_StakeholderId",
                        column: x => x.StakeholderId,
                        principalTable: "Stakeholders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_WorkshopRegistrations_WorkingGroups_WorkingGroupId",
                        column: x => x.WorkingGroupId,
                        principalTable: "WorkingGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_WorkshopRegistrations_Workshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "Workshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CommentReports_CommentId",
                table: "CommentReports",
                column: "CommentId");

            migrationBuilder.CreateIndex(
                name: "IX_CommentReports_MunicipalityId_ResolvedAt",
                table: "CommentReports",
                columns: new[] { "MunicipalityId", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRounds_ClosesAt",
                table: "ConsultationRounds",
                column: "ClosesAt");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRounds_MunicipalityId_OpensAt",
                table: "ConsultationRounds",
                columns: new[] { "MunicipalityId", "OpensAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRounds_PlanId",
                table: "ConsultationRounds",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_ConsultationRounds_PlanVersionId",
                table: "ConsultationRounds",
                column: "PlanVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ModerationLog_CommentId",
                table: "ModerationLog",
                column: "CommentId");

            migrationBuilder.CreateIndex(
                name: "IX_ModerationLog_MunicipalityId_At",
                table: "ModerationLog",
                columns: new[] { "MunicipalityId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_RoundComments_AuthorUserId",
                table: "RoundComments",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundComments_RoundId_CreatedAt",
                table: "RoundComments",
                columns: new[] { "RoundId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RoundInvitedStakeholders_RoundId_StakeholderId",
                table: "RoundInvitedStakeholders",
                columns: new[] { "RoundId", "StakeholderId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RoundInvitedStakeholders_StakeholderId",
                table: "RoundInvitedStakeholders",
                column: "StakeholderId");

            migrationBuilder.CreateIndex(
                name: "IX_StakeholderJoinRequests_MunicipalityId_State",
                table: "StakeholderJoinRequests",
                columns: new[] { "MunicipalityId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_StakeholderJoinRequests_StakeholderId",
                table: "StakeholderJoinRequests",
                column: "StakeholderId");

            migrationBuilder.CreateIndex(
                name: "IX_StakeholderJoinRequests_UserId",
                table: "StakeholderJoinRequests",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_StatementAttachments_StatementId",
                table: "StatementAttachments",
                column: "StatementId");

            migrationBuilder.CreateIndex(
                name: "IX_StatementChangeLinks_ChangeRecordId",
                table: "StatementChangeLinks",
                column: "ChangeRecordId");

            migrationBuilder.CreateIndex(
                name: "IX_StatementChangeLinks_StatementId_ChangeRecordId",
                table: "StatementChangeLinks",
                columns: new[] { "StatementId", "ChangeRecordId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Statements_AuthorUserId",
                table: "Statements",
                column: "AuthorUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Statements_MunicipalityId_ReceiptNumber",
                table: "Statements",
                columns: new[] { "MunicipalityId", "ReceiptNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Statements_RoundId_Target_TargetRef",
                table: "Statements",
                columns: new[] { "RoundId", "Target", "TargetRef" });

            migrationBuilder.CreateIndex(
                name: "IX_Statements_StakeholderId",
                table: "Statements",
                column: "StakeholderId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkingGroups_FieldOfActionId",
                table: "WorkingGroups",
                column: "FieldOfActionId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkingGroups_WorkshopId_Position",
                table: "WorkingGroups",
                columns: new[] { "WorkshopId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkshopRegistrations_StakeholderId",
                table: "WorkshopRegistrations",
                column: "StakeholderId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkshopRegistrations_UserId",
                table: "WorkshopRegistrations",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkshopRegistrations_WorkingGroupId",
                table: "WorkshopRegistrations",
                column: "WorkingGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkshopRegistrations_WorkshopId_State_RegisteredAt",
                table: "WorkshopRegistrations",
                columns: new[] { "WorkshopId", "State", "RegisteredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkshopRegistrations_WorkshopId_UserId",
                table: "WorkshopRegistrations",
                columns: new[] { "WorkshopId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Workshops_MunicipalityId_StartsAt",
                table: "Workshops",
                columns: new[] { "MunicipalityId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Workshops_PlanId",
                table: "Workshops",
                column: "PlanId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CommentReports");

            migrationBuilder.DropTable(
                name: "ModerationLog");

            migrationBuilder.DropTable(
                name: "RoundInvitedStakeholders");

            migrationBuilder.DropTable(
                name: "StakeholderJoinRequests");

            migrationBuilder.DropTable(
                name: "StatementAttachments");

            migrationBuilder.DropTable(
                name: "StatementChangeLinks");

            migrationBuilder.DropTable(
                name: "WorkshopRegistrations");

            migrationBuilder.DropTable(
                name: "RoundComments");

            migrationBuilder.DropTable(
                name: "Statements");

            migrationBuilder.DropTable(
                name: "WorkingGroups");

            migrationBuilder.DropTable(
                name: "ConsultationRounds");

            migrationBuilder.DropTable(
                name: "Workshops");
        }
    }
}
