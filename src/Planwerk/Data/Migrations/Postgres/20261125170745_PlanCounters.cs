using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Planwerk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PlanCounters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "LastImageNumber",
                table: "Plans",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "LastMeasureKey",
                table: "Plans",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // The counters start at the highest number given so far.
            migrationBuilder.Sql("UPDATE \"Plans\" SET \"LastMeasureKey\" = COALESCE((SELECT MAX(m.\"Key\") FROM \"Measures\" m WHERE m.\"PlanId\" = \"Plans\".\"Id\"), 0);");
            migrationBuilder.Sql("UPDATE \"Plans\" SET \"LastImageNumber\" = COALESCE((SELECT MAX(i.\"Number\") FROM \"PlanImages\" i WHERE i.\"PlanId\" = \"Plans\".\"Id\"), 0);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastImageNumber",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "LastMeasureKey",
                table: "Plans");
        }
    }
}
