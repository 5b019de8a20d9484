using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Planwerk.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MeasureWeightAndRollUpMethod : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing plans add up progress as before, every measure alike; existing measures weigh 1.
            migrationBuilder.AddColumn<string>(
                name: "RollUpMethod",
                table: "Plans",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Average");

            migrationBuilder.AddColumn<decimal>(
                name: "Weight",
                table: "Measures",
                type: "numeric(8,2)",
                precision: 8,
                scale: 2,
                nullable: false,
                defaultValue: 1m);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "RollUpMethod",
                table: "Plans");

            migrationBuilder.DropColumn(
                name: "Weight",
                table: "Measures");
        }
    }
}
