using System.Globalization;

using Planwerk.Infrastructure.Editing;

namespace Planwerk.Features.Plans.Manage;

/// <summary>How measure numbers relate to their field of action: "4.3" is the third measure of
/// field 4. A number must start with its field's number, so the printed plan reads in order.</summary>
public static class MeasureNumbers
{
    // Formatted with the field's number ({0}) and the plan's word for a field ({1}).
    public const string Missing = "Bitte geben Sie eine Nummer an.";
    public const string WrongFormat = "Die Nummer muss die Form „4.3“ haben: {1}-Nummer, Punkt, laufende Nummer.";
    public const string WrongField = "Die Nummer muss mit der {1}-Nummer beginnen: {0}.";

    public static string Compose(int fieldNumber, int index) =>
        string.Create(CultureInfo.InvariantCulture, $"{fieldNumber}.{index}");

    /// <summary>The first part of a number ("4" of "4.3"), or null when there is none.</summary>
    public static int? FieldPart(string number)
    {
        var dot = number.IndexOf('.', StringComparison.Ordinal);
        var head = dot < 0 ? number : number[..dot];
        return int.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>Null when the number is good for a measure in the field; otherwise the message
    /// (a SharedResource key, formatted with the field's number and the plan's word for a field).</summary>
    public static string? Problem(string? number, int fieldNumber)
    {
        if (string.IsNullOrWhiteSpace(number)) return Missing;
        if (!Measure.IsValidNumber(number) || !number.Contains('.', StringComparison.Ordinal)) return WrongFormat;
        if (FieldPart(number) != fieldNumber) return WrongField;
        return null;
    }

    /// <summary>The next free "{field}.{k}": one past the highest k the field has, skipping any
    /// number the plan already uses.</summary>
    public static string NextFree(int fieldNumber, IEnumerable<string> numbersInPlan)
    {
        var taken = numbersInPlan.ToHashSet(StringComparer.Ordinal);
        var highest = taken
            .Select(Measure.NumberSortKey)
            .Where(key => key.Length == 2 && key[0] == fieldNumber && key[1] != int.MaxValue)
            .Select(key => key[1])
            .DefaultIfEmpty(0)
            .Max();
        var k = highest + 1;
        while (taken.Contains(Compose(fieldNumber, k))) k++;
        return Compose(fieldNumber, k);
    }

    /// <summary>The number with its field part replaced ("3.2" in field 5 becomes "5.2").</summary>
    public static string WithFieldPart(string number, int fieldNumber)
    {
        var dot = number.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? fieldNumber.ToString(CultureInfo.InvariantCulture) : fieldNumber.ToString(CultureInfo.InvariantCulture) + number[dot..];
    }
}
