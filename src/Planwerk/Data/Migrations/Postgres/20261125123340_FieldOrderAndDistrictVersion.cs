using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Planwerk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FieldOrderAndDistrictVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FieldsOfAction_PlanId_Number",
                table: "FieldsOfAction");

            migrationBuilder.AddColumn<int>(
                name: "Position",
                table: "FieldsOfAction",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Existing fields keep their order: the order so far was their number.
            migrationBuilder.Sql("UPDATE \"FieldsOfAction\" SET \"Position\" = \"Number\";");

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Districts",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateIndex(
                name: "IX_FieldsOfAction_PlanId_Number",
                table: "FieldsOfAction",
                columns: new[] { "PlanId", "Number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_FieldsOfAction_PlanId_Number",
                table: "FieldsOfAction");

            migrationBuilder.DropColumn(
                name: "Position",
                table: "FieldsOfAction");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Districts");

            migrationBuilder.CreateIndex(
                name: "IX_FieldsOfAction_PlanId_Number",
                table: "FieldsOfAction",
                columns: new[] { "PlanId", "Number" });
        }
    }
}
