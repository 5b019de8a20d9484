using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Planwerk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ServiceSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The search words move to their own index; start-up writes every service's listing and words
            // (ServiceSearch.FillMissingListingsAsync).
            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "HelpServices");

            migrationBuilder.CreateTable(
                name: "ServiceListings",
                columns: table => new
                {
                    ServiceId = table.Column<int>(type: "integer", nullable: false),
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    IsListed = table.Column<bool>(type: "boolean", nullable: false),
                    Name = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    IsFree = table.Column<bool>(type: "boolean", nullable: false),
                    Audience = table.Column<int>(type: "integer", nullable: false),
                    MinimumAge = table.Column<int>(type: "integer", nullable: true),
                    MaximumAge = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceListings", x => x.ServiceId);
                    table.ForeignKey(
                        name: "FK_ServiceListings_HelpServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "HelpServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceSearchWords",
                columns: table => new
                {
                    MunicipalityId = table.Column<int>(type: "integer", nullable: false),
                    Word = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false, collation: "C"),
                    ServiceId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceSearchWords", x => new { x.MunicipalityId, x.Word, x.ServiceId });
                    table.ForeignKey(
                        name: "FK_ServiceSearchWords_HelpServices_ServiceId",
                        column: x => x.ServiceId,
                        principalTable: "HelpServices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceListings_MunicipalityId_Name_ServiceId",
                table: "ServiceListings",
                columns: new[] { "MunicipalityId", "Name", "ServiceId" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceSearchWords_ServiceId",
                table: "ServiceSearchWords",
                column: "ServiceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ServiceListings");

            migrationBuilder.DropTable(
                name: "ServiceSearchWords");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "HelpServices",
                type: "text",
                nullable: false,
                defaultValue: "");
        }
    }
}
