using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Planwerk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServiceSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The search words move to their own index; start-up writes every service's listing and words
            // (ServiceSearch.FillMissingListingsAsync). SQLite drops a plain column in place; EF would rebuild
            // "HelpServices" with PRAGMA foreign_keys outside the migration's transaction (and warn about it on every first start).
            migrationBuilder.Sql("ALTER TABLE \"HelpServices\" DROP COLUMN \"SearchText\";");

            migrationBuilder.CreateTable(
                name: "ServiceListings",
                columns: table => new
                {
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: false),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    IsListed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    IsFree = table.Column<bool>(type: "INTEGER", nullable: false),
                    Audience = table.Column<int>(type: "INTEGER", nullable: false),
                    MinimumAge = table.Column<int>(type: "INTEGER", nullable: true),
                    MaximumAge = table.Column<int>(type: "INTEGER", nullable: true)
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
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Word = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ServiceId = table.Column<int>(type: "INTEGER", nullable: false)
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
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }
    }
}
