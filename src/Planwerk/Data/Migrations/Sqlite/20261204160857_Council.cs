using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Planwerk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Council : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Municipalities.CreatedAt is now kept as a UTC date and time (so SQLite can compare it); rows written
            // before kept the offset in the text. strftime reads that and writes the UTC moment without it.
            migrationBuilder.Sql("UPDATE \"Municipalities\" SET \"CreatedAt\" = strftime('%Y-%m-%d %H:%M:%f', \"CreatedAt\");");

            migrationBuilder.CreateTable(
                name: "DeletedCouncilObjects",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MunicipalityId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ObjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ModifiedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DeletedCouncilObjects", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DeletedCouncilObjects_MunicipalityId_Kind_ObjectId",
                table: "DeletedCouncilObjects",
                columns: new[] { "MunicipalityId", "Kind", "ObjectId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DeletedCouncilObjects");
        }
    }
}
