using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Planwerk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlanKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlanImages_PlanId",
                table: "PlanImages");

            migrationBuilder.AddColumn<int>(
                name: "Number",
                table: "PlanImages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Key",
                table: "Measures",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            // Existing measures keep their id as key: the ids in earlier named versions then match the keys.
            migrationBuilder.Sql("UPDATE \"Measures\" SET \"Key\" = \"Id\";");
            migrationBuilder.Sql("UPDATE \"PlanImages\" SET \"Number\" = \"Id\";");

            migrationBuilder.CreateIndex(
                name: "IX_PlanImages_PlanId_Number",
                table: "PlanImages",
                columns: new[] { "PlanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Measures_PlanId_Key",
                table: "Measures",
                columns: new[] { "PlanId", "Key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_PlanImages_PlanId_Number",
                table: "PlanImages");

            migrationBuilder.DropIndex(
                name: "IX_Measures_PlanId_Key",
                table: "Measures");

            migrationBuilder.DropColumn(
                name: "Number",
                table: "PlanImages");

            migrationBuilder.DropColumn(
                name: "Key",
                table: "Measures");

            migrationBuilder.CreateIndex(
                name: "IX_PlanImages_PlanId",
                table: "PlanImages",
                column: "PlanId");
        }
    }
}
