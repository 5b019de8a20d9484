using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Planwerk.Data;

/// <summary>Moments (<see cref="DateTimeOffset"/>) are stored as UTC date and time, so that both databases can
/// compare and sort them (SQLite cannot compare DateTimeOffset values, which it keeps as text with an offset).
/// Read back, they are moments in UTC.</summary>
public static class UtcMoments
{
    public static readonly ValueConverter<DateTimeOffset, DateTime> Converter = new(
        v => v.UtcDateTime, v => new DateTimeOffset(DateTime.SpecifyKind(v, DateTimeKind.Utc)));

    public static PropertyBuilder<DateTimeOffset> AsUtc(this PropertyBuilder<DateTimeOffset> property) => property.HasConversion(Converter);

    /// <summary>A null stays null: EF Core never passes it to the converter.</summary>
    public static PropertyBuilder<DateTimeOffset?> AsUtc(this PropertyBuilder<DateTimeOffset?> property) => property.HasConversion(Converter);
}
