using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Planwerk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class HelpServices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ServiceChangesReviewed",
                table: "Stakeholders",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "Uid",
                table: "Stakeholders",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Every organisation already in a registry gets its own open-data id.
            migrationBuilder.Sql("""UPDATE "Stakeholders" SET "Uid" = gen_random_uuid();""");

            migrationBuilder.AddColumn<int>(
                name: "ServiceCheckMonths",
                table: "Municipalities",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ContentLanguages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    IsRightToLeft = table.Column<bool>(type: "boolean", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentLanguages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ContentTranslations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EntityId = table.Column<int>(type: "integer", nullable: false),
                    Language = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    Field = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    SourceFingerprint = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TranslatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentTranslations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "HelpServices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    Uid = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Url = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Email = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Audience = table.Column<int>(type: "integer", nullable: false),
                    MinimumAge = table.Column<int>(type: "integer", nullable: true),
                    MaximumAge = table.Column<int>(type: "integer", nullable: true),
                    Eligibility = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    IsFree = table.Column<bool>(type: "boolean", nullable: false),
                    Costs = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    HowToApply = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    DocumentsToBring = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Accessibility = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    IsRemoteOnly = table.Column<bool>(type: "boolean", nullable: false),
                    LastCheckedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CheckReminderSentAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SearchText = table.Column<string>(type: "text", nullable: false),
                    IsExample = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HelpServices_Stakeholders_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Stakeholders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServiceLocations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    Uid = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Street = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    PostalCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    City = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DistrictId = table.Column<int>(type: "integer", nullable: true),
                    Latitude = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: true),
                    Longitude = table.Column<decimal>(type: "numeric(9,6)", precision: 9, scale: 6, nullable: true),
                    TransportNotes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Accessibility = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    IsWheelchairAccessible = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceLocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceLocations_Districts_DistrictId",
                        column: x => x.DistrictId,
                        principalTable: "Districts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ServiceLocations_Stakeholders_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Stakeholders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ServiceTopics",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    Uid = table.Column<Guid>(type: "uuid", nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Code = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceTopics", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceTopics_ServiceTopics_ParentId",
                        column: x => x.ParentId,
                        principalTable: "ServiceTopics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "MeasureServices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    MeasureId = table.Column<int>(type: "integer", nullable: false),
                    ServiceId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MeasureServices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MeasureServices_HelpServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "HelpServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MeasureServices_Measures_MeasureId",
                        column: x => x.MeasureId,
                        principalTable: "Measures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceContacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    Uid = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Title = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Email = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Phone = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PhoneLanguages = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceContacts_HelpServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "HelpServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceLanguages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    ServiceId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceLanguages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceLanguages_HelpServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "HelpServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceProposals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    ServiceId = table.Column<int>(type: "integer", nullable: true),
                    BaseVersion = table.Column<int>(type: "integer", nullable: true),
                    Content = table.Column<string>(type: "text", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    SubmittedById = table.Column<string>(type: "text", nullable: true),
                    SubmittedByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Comment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DecidedByName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceProposals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceProposals_HelpServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "HelpServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ServiceProposals_Stakeholders_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Stakeholders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceAtLocations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    Uid = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<int>(type: "integer", nullable: false),
                    LocationId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceAtLocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceAtLocations_HelpServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "HelpServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ServiceAtLocations_ServiceLocations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "ServiceLocations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceSchedules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    Uid = table.Column<Guid>(type: "uuid", nullable: false),
                    ServiceId = table.Column<int>(type: "integer", nullable: false),
                    LocationId = table.Column<int>(type: "integer", nullable: true),
                    Weekday = table.Column<int>(type: "integer", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Closes = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidTo = table.Column<DateOnly>(type: "date", nullable: true),
                    Note = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceSchedules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceSchedules_HelpServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "HelpServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ServiceSchedules_ServiceLocations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "ServiceLocations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SpecialHours",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    ServiceId = table.Column<int>(type: "integer", nullable: false),
                    LocationId = table.Column<int>(type: "integer", nullable: true),
                    From = table.Column<DateOnly>(type: "date", nullable: false),
                    To = table.Column<DateOnly>(type: "date", nullable: false),
                    Opens = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    Closes = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    Note = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpecialHours", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpecialHours_HelpServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "HelpServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SpecialHours_ServiceLocations_LocationId",
                        column: x => x.LocationId,
                        principalTable: "ServiceLocations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HelpServiceTopics",
                columns: table => new
                {
                    ServicesId = table.Column<int>(type: "integer", nullable: false),
                    TopicsId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HelpServiceTopics", x => new { x.ServicesId, x.TopicsId });
                    table.ForeignKey(
                        name: "FK_HelpServiceTopics_HelpServices_ServicesId",
                        column: x => x.ServicesId,
                        principalTable: "HelpServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HelpServiceTopics_ServiceTopics_TopicsId",
                        column: x => x.TopicsId,
                        principalTable: "ServiceTopics",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Stakeholders_MunicipalityId_Uid",
                table: "Stakeholders",
                columns: new[] { "MunicipalityId", "Uid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContentLanguages_MunicipalityId_Code",
                table: "ContentLanguages",
                columns: new[] { "MunicipalityId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ContentTranslations_MunicipalityId_Kind_EntityId_Language_F~",
                table: "ContentTranslations",
                columns: new[] { "MunicipalityId", "Kind", "EntityId", "Language", "Field" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HelpServices_MunicipalityId_Name",
                table: "HelpServices",
                columns: new[] { "MunicipalityId", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_HelpServices_MunicipalityId_Uid",
                table: "HelpServices",
                columns: new[] { "MunicipalityId", "Uid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HelpServices_OrganisationId",
                table: "HelpServices",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_HelpServiceTopics_TopicsId",
                table: "HelpServiceTopics",
                column: "TopicsId");

            migrationBuilder.CreateIndex(
                name: "IX_MeasureServices_MeasureId_ServiceId",
                table: "MeasureServices",
                columns: new[] { "MeasureId", "ServiceId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MeasureServices_ServiceId",
                table: "MeasureServices",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceAtLocations_LocationId",
                table: "ServiceAtLocations",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceAtLocations_MunicipalityId_Uid",
                table: "ServiceAtLocations",
                columns: new[] { "MunicipalityId", "Uid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceAtLocations_ServiceId_LocationId",
                table: "ServiceAtLocations",
                columns: new[] { "ServiceId", "LocationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceContacts_MunicipalityId_Uid",
                table: "ServiceContacts",
                columns: new[] { "MunicipalityId", "Uid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceContacts_ServiceId",
                table: "ServiceContacts",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceLanguages_MunicipalityId_Code",
                table: "ServiceLanguages",
                columns: new[] { "MunicipalityId", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceLanguages_ServiceId_Code",
                table: "ServiceLanguages",
                columns: new[] { "ServiceId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceLocations_DistrictId",
                table: "ServiceLocations",
                column: "DistrictId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceLocations_MunicipalityId_Uid",
                table: "ServiceLocations",
                columns: new[] { "MunicipalityId", "Uid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceLocations_OrganisationId",
                table: "ServiceLocations",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceProposals_MunicipalityId_State",
                table: "ServiceProposals",
                columns: new[] { "MunicipalityId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceProposals_OrganisationId",
                table: "ServiceProposals",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceProposals_ServiceId",
                table: "ServiceProposals",
                column: "ServiceId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceSchedules_LocationId",
                table: "ServiceSchedules",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceSchedules_MunicipalityId_Uid",
                table: "ServiceSchedules",
                columns: new[] { "MunicipalityId", "Uid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceSchedules_ServiceId_Weekday",
                table: "ServiceSchedules",
                columns: new[] { "ServiceId", "Weekday" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceTopics_MunicipalityId_Code",
                table: "ServiceTopics",
                columns: new[] { "MunicipalityId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceTopics_MunicipalityId_Uid",
                table: "ServiceTopics",
                columns: new[] { "MunicipalityId", "Uid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceTopics_ParentId",
                table: "ServiceTopics",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_SpecialHours_LocationId",
                table: "SpecialHours",
                column: "LocationId");

            migrationBuilder.CreateIndex(
                name: "IX_SpecialHours_ServiceId_From",
                table: "SpecialHours",
                columns: new[] { "ServiceId", "From" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContentLanguages");

            migrationBuilder.DropTable(
                name: "ContentTranslations");

            migrationBuilder.DropTable(
                name: "HelpServiceTopics");

            migrationBuilder.DropTable(
                name: "MeasureServices");

            migrationBuilder.DropTable(
                name: "ServiceAtLocations");

            migrationBuilder.DropTable(
                name: "ServiceContacts");

            migrationBuilder.DropTable(
                name: "ServiceLanguages");

            migrationBuilder.DropTable(
                name: "ServiceProposals");

            migrationBuilder.DropTable(
                name: "ServiceSchedules");

            migrationBuilder.DropTable(
                name: "SpecialHours");

            migrationBuilder.DropTable(
                name: "ServiceTopics");

            migrationBuilder.DropTable(
                name: "HelpServices");

            migrationBuilder.DropTable(
                name: "ServiceLocations");

            migrationBuilder.DropIndex(
                name: "IX_Stakeholders_MunicipalityId_Uid",
                table: "Stakeholders");

            migrationBuilder.DropColumn(
                name: "ServiceChangesReviewed",
                table: "Stakeholders");

            migrationBuilder.DropColumn(
                name: "Uid",
                table: "Stakeholders");

            migrationBuilder.DropColumn(
                name: "ServiceCheckMonths",
                table: "Municipalities");
        }
    }
}
