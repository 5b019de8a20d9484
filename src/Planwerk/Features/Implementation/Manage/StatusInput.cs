using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Planwerk.Features.Plans;
using Planwerk.Infrastructure.Editing;

namespace Planwerk.Features.Implementation.Manage;

/// <summary>A status of the catalogue as the add form and the edit form hold it: checked and written in one place.</summary>
public sealed class StatusInput
{
    public string? Name { get; set; }
    public string? NameEn { get; set; }
    public string? Description { get; set; }
    public MeasureStatus Kind { get; set; } = MeasureStatus.InProgress;

    [Display(Name = "Vorgeschlagener Fortschritt")]
    [Range(0, 100, ErrorMessage = "{0}: Bitte geben Sie eine ganze Zahl von {1} bis {2} an.")]
    public int? DefaultProgress { get; set; }

    [Display(Name = "Reihenfolge")]
    [Range(1, 999, ErrorMessage = "{0}: Bitte geben Sie eine ganze Zahl von {1} bis {2} an.")]
    public int? Position { get; set; }

    public int Version { get; set; }

    public string TrimmedName => Name?.Trim() ?? "";

    public static StatusInput From(ImplementationStatus s) => new()
    {
        Name = s.Name, NameEn = s.NameEn, Description = s.Description, Kind = s.Kind, DefaultProgress = s.DefaultProgress, Position = s.Position, Version = s.Version,
    };

    /// <summary>Adds a message at each field that is wrong, including a name another status of the catalogue
    /// (<paramref name="otherNames"/>) has; <paramref name="prefix"/> is the form's name ("Input.").</summary>
    public void Validate(ModelStateDictionary state, string prefix, IStringLocalizer l, IEnumerable<string> otherNames)
    {
        if (state.HasErrors(prefix + nameof(Kind)) || !Enum.IsDefined(Kind))
        {
            state.Remove(prefix + nameof(Kind));
            state.AddModelError(prefix + nameof(Kind), l["Bitte wählen Sie aus der Liste, wofür der Status öffentlich steht."]);
        }
        if (TrimmedName.Length == 0) state.AddModelError(prefix + nameof(Name), l["Bitte geben Sie dem Status einen Namen."]);
        else if (TrimmedName.Length > ImplementationStatus.MaxNameLength) state.AddModelError(prefix + nameof(Name), l["Der Name darf höchstens {0} Zeichen lang sein.", ImplementationStatus.MaxNameLength]);
        else if (otherNames.Any(n => string.Equals(n, TrimmedName, StringComparison.OrdinalIgnoreCase)))
            state.AddModelError(prefix + nameof(Name), l["Einen Status „{0}“ gibt es in dieser Kommune schon.", TrimmedName]);
        if ((NameEn?.Trim().Length ?? 0) > ImplementationStatus.MaxNameLength) state.AddModelError(prefix + nameof(NameEn), l["Der englische Name darf höchstens {0} Zeichen lang sein.", ImplementationStatus.MaxNameLength]);
        if ((Description?.Trim().Length ?? 0) > ImplementationStatus.MaxDescriptionLength) state.AddModelError(prefix + nameof(Description), l["Die Beschreibung darf höchstens {0} Zeichen lang sein.", ImplementationStatus.MaxDescriptionLength]);
        if (Position is null && !state.HasErrors(prefix + nameof(Position))) state.AddModelError(prefix + nameof(Position), l["Bitte geben Sie die Stelle in der Liste an (1 bis 999)."]);
    }

    public void ApplyTo(ImplementationStatus s)
    {
        s.Name = TrimmedName;
        s.NameEn = NameEn?.Trim() ?? "";
        s.Description = Description?.Trim() ?? "";
        s.Kind = Kind;
        s.DefaultProgress = DefaultProgress;
        s.Position = Position!.Value;
    }

    /// <summary>The differences between this input and the stored status, for the conflict view.</summary>
    public EditConflict Compare(ImplementationStatus stored, IStringLocalizer l) => new EditConflict()
        .Compare(l["Name"], Name, stored.Name)
        .Compare(l["Englischer Name"], NameEn, stored.NameEn)
        .Compare(l["Beschreibung"], Description, stored.Description)
        .Compare(l["Steht öffentlich für"], l[PlanText.Status(Kind)], l[PlanText.Status(stored.Kind)])
        .Compare(l["Vorgeschlagener Fortschritt"], DefaultProgress?.ToString(System.Globalization.CultureInfo.InvariantCulture), stored.DefaultProgress?.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Compare(l["Reihenfolge"], Position?.ToString(System.Globalization.CultureInfo.InvariantCulture), stored.Position.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
