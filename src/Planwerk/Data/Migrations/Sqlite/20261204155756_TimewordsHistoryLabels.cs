using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Planwerk.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TimewordsHistoryLabels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Records keep the part's name only; the page adds the kind of part in the reader's language.
            migrationBuilder.Sql("UPDATE \"ChangeRecords\" SET \"EntityLabel\" = substr(\"EntityLabel\", 6) WHERE \"EntityType\" = 'Plan' AND \"EntityLabel\" LIKE 'Plan %';");
            migrationBuilder.Sql("UPDATE \"ChangeRecords\" SET \"EntityLabel\" = substr(\"EntityLabel\", 11) WHERE \"EntityType\" = 'Principle' AND \"EntityLabel\" LIKE 'Leitlinie %';");
            migrationBuilder.Sql("UPDATE \"ChangeRecords\" SET \"EntityLabel\" = substr(\"EntityLabel\", 13) WHERE \"EntityType\" = 'FieldOfAction' AND \"EntityLabel\" LIKE 'Teilbereich %';");
            migrationBuilder.Sql("UPDATE \"ChangeRecords\" SET \"EntityLabel\" = substr(\"EntityLabel\", 10) WHERE \"EntityType\" = 'Measure' AND \"EntityLabel\" LIKE 'Maßnahme %';");
            migrationBuilder.Sql("UPDATE \"ChangeRecords\" SET \"EntityLabel\" = substr(\"EntityLabel\", 11) WHERE \"EntityType\" = 'Section' AND \"EntityLabel\" LIKE 'Abschnitt %';");
            migrationBuilder.Sql("UPDATE \"ChangeRecords\" SET \"EntityLabel\" = substr(\"EntityLabel\", 6) WHERE \"EntityType\" = 'Image' AND \"EntityLabel\" LIKE 'Bild %';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE \"ChangeRecords\" SET \"EntityLabel\" = 'Plan ' || \"EntityLabel\" WHERE \"EntityType\" = 'Plan';");
            migrationBuilder.Sql("UPDATE \"ChangeRecords\" SET \"EntityLabel\" = 'Leitlinie ' || \"EntityLabel\" WHERE \"EntityType\" = 'Principle';");
            migrationBuilder.Sql("UPDATE \"ChangeRecords\" SET \"EntityLabel\" = 'Teilbereich ' || \"EntityLabel\" WHERE \"EntityType\" = 'FieldOfAction';");
            migrationBuilder.Sql("UPDATE \"ChangeRecords\" SET \"EntityLabel\" = 'Maßnahme ' || \"EntityLabel\" WHERE \"EntityType\" = 'Measure';");
            migrationBuilder.Sql("UPDATE \"ChangeRecords\" SET \"EntityLabel\" = 'Abschnitt ' || \"EntityLabel\" WHERE \"EntityType\" = 'Section';");
            migrationBuilder.Sql("UPDATE \"ChangeRecords\" SET \"EntityLabel\" = 'Bild ' || \"EntityLabel\" WHERE \"EntityType\" = 'Image';");
        }
    }
}
