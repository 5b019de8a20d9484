using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Implementation.Manage;

/// <summary>A milestone as the add form and the edit form hold it: checked and written in one place.</summary>
public sealed class MilestoneInput
{
    public string? Title { get; set; }

    [Display(Name = "Fällig am")]
    [Range(typeof(DateOnly), BerlinTime.DateMin, BerlinTime.DateMax, ErrorMessage = BerlinTime.OutOfRange, ParseLimitsInInvariantCulture = true)]
    public DateOnly? DueOn { get; set; }

    [Display(Name = "Erledigt am")]
    [Range(typeof(DateOnly), BerlinTime.DateMin, BerlinTime.DateMax, ErrorMessage = BerlinTime.OutOfRange, ParseLimitsInInvariantCulture = true)]
    public DateOnly? DoneOn { get; set; }

    public string? Note { get; set; }

    public int Version { get; set; }

    public string TrimmedTitle => Title?.Trim() ?? "";

    public static MilestoneInput From(Milestone m) => new() { Title = m.Title, DueOn = m.DueOn, DoneOn = m.DoneOn, Note = m.Note, Version = m.Version };

    /// <summary>Adds a message at each field that is wrong; <paramref name="prefix"/> is the form's name ("Input.").</summary>
    public void Validate(ModelStateDictionary state, string prefix, IStringLocalizer l, DateOnly today)
    {
        state.NameUnreadableDate(prefix + nameof(DueOn), l["Fällig am: Bitte geben Sie ein Datum an (TT.MM.JJJJ)."]);
        state.NameUnreadableDate(prefix + nameof(DoneOn), l["Erledigt am: Bitte geben Sie ein Datum an (TT.MM.JJJJ)."]);
        if (TrimmedTitle.Length == 0) state.AddModelError(prefix + nameof(Title), l["Bitte geben Sie an, was erreicht werden soll."]);
        else if (TrimmedTitle.Length > Milestone.MaxTitleLength) state.AddModelError(prefix + nameof(Title), l["Der Titel darf höchstens {0} Zeichen lang sein.", Milestone.MaxTitleLength]);
        if (DueOn is null && !state.HasErrors(prefix + nameof(DueOn))) state.AddModelError(prefix + nameof(DueOn), l["Fällig am: Bitte geben Sie ein Datum an (TT.MM.JJJJ)."]);
        if (DoneOn is { } done && done > today && !state.HasErrors(prefix + nameof(DoneOn)))
            state.AddModelError(prefix + nameof(DoneOn), l["Erledigt am: Das Datum liegt in der Zukunft. Tragen Sie es ein, wenn der Meilenstein erreicht ist."]);
        if ((Note?.Trim().Length ?? 0) > Milestone.MaxNoteLength) state.AddModelError(prefix + nameof(Note), l["Die Anmerkung darf höchstens {0} Zeichen lang sein.", Milestone.MaxNoteLength]);
    }

    public void ApplyTo(Milestone m)
    {
        m.Title = TrimmedTitle;
        m.DueOn = DueOn!.Value;
        m.DoneOn = DoneOn;
        m.Note = Note?.Trim() ?? "";
    }

    /// <summary>The differences between this input and the stored milestone, for the conflict view.</summary>
    public EditConflict Compare(Milestone stored, IStringLocalizer l) => new EditConflict()
        .Compare(l["Was soll erreicht werden?"], Title, stored.Title)
        .Compare(l["Fällig am"], DueOn is { } due ? BerlinTime.Date(due) : "", BerlinTime.Date(stored.DueOn))
        .Compare(l["Erledigt am"], DoneOn is { } done ? BerlinTime.Date(done) : "", stored.DoneOn is { } storedDone ? BerlinTime.Date(storedDone) : "")
        .Compare(l["Anmerkung"], Note, stored.Note);
}
