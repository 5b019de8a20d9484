using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Planwerk.Features.Plans.Manage;
using Planwerk.Infrastructure.Editing;

namespace Planwerk.Features.Implementation.Reports;

/// <summary>A report as its form holds it: checked and written in one place. The evidence files come with the form but
/// are read by the page (<see cref="ReportFiles"/>).</summary>
public sealed class ReportInput
{
    public int? StatusId { get; set; }

    [Display(Name = "Fortschritt")]
    [Range(0, 100, ErrorMessage = "{0}: Bitte geben Sie eine ganze Zahl von {1} bis {2} an (Prozent).")]
    public int? Progress { get; set; }

    public string? Done { get; set; }
    public string? NextSteps { get; set; }
    public string? Obstacles { get; set; }
    /// <summary>Euros, as typed ("12.500,50").</summary>
    public string? Spent { get; set; }
    /// <summary>One address a line.</summary>
    public string? Links { get; set; }
    /// <summary>The plan team's comment when it returns the report.</summary>
    public string? ReturnComment { get; set; }
    public int Version { get; set; }

    public static ReportInput From(MeasureReport r, CultureInfo culture) => new()
    {
        StatusId = r.StatusId, Progress = r.Progress, Done = r.Done, NextSteps = r.NextSteps, Obstacles = r.Obstacles,
        Spent = MoneyInput.Format(r.Spent, culture), Links = r.Links, ReturnComment = r.ReturnComment, Version = r.Version,
    };

    /// <summary>The amount spent, read in the page's language; its problem is named at the field by <see cref="Validate"/>.</summary>
    public MoneyReading ReadSpent(CultureInfo culture) => MoneyInput.Read(Spent, culture);

    /// <summary>Adds a message at each field that is wrong: a status not in the municipality's catalogue
    /// (<paramref name="statuses"/>), a progress outside 0–100, too long texts, an amount that is none, a link that is
    /// not a web address. <paramref name="submitting"/>: a report handed in must name a status.</summary>
    public void Validate(ModelStateDictionary state, string prefix, IStringLocalizer l, IReadOnlyCollection<int> statuses, bool submitting, CultureInfo culture)
    {
        if (StatusId is int status && !statuses.Contains(status))
            state.AddModelError(prefix + nameof(StatusId), l["Bitte wählen Sie einen Status aus der Liste."]);
        else if (StatusId is null && submitting)
            state.AddModelError(prefix + nameof(StatusId), l["Bitte wählen Sie einen Status, bevor Sie den Bericht einreichen."]);
        if (state.HasErrors(prefix + nameof(Progress)) && !(Progress is < 0 or > 100))
        {
            state.Remove(prefix + nameof(Progress));
            state.AddModelError(prefix + nameof(Progress), l["Fortschritt: Bitte geben Sie eine ganze Zahl von 0 bis 100 an (Prozent)."]);
        }
        CheckText(state, prefix + nameof(Done), Done, l["Was wurde getan?"], l);
        CheckText(state, prefix + nameof(NextSteps), NextSteps, l["Nächste Schritte"], l);
        CheckText(state, prefix + nameof(Obstacles), Obstacles, l["Hindernisse"], l);
        if (ReadSpent(culture).Problem is not null)
            state.AddModelError(prefix + nameof(Spent), l["Bisher ausgegeben: Bitte geben Sie einen Betrag in Euro an, zum Beispiel 12.500,50 (nicht negativ, höchstens zwei Nachkommastellen)."]);
        var links = MeasureReport.SplitLinks(Links);
        if (links.Count > MeasureReport.MaxLinks)
            state.AddModelError(prefix + nameof(Links), l["Bitte nennen Sie höchstens {0} Links.", MeasureReport.MaxLinks]);
        else
        {
            for (var i = 0; i < links.Count; i++)
            {
                if (MeasureReport.CheckLink(links[i]) is { } problem)
                {
                    state.AddModelError(prefix + nameof(Links), l["Link {0}: {1}", i + 1, l[problem]]);
                    break;
                }
            }
        }
        if ((ReturnComment?.Trim().Length ?? 0) > MeasureReport.MaxCommentLength)
            state.AddModelError(prefix + nameof(ReturnComment), l["Der Kommentar darf höchstens {0} Zeichen lang sein.", MeasureReport.MaxCommentLength]);
    }

    private static void CheckText(ModelStateDictionary state, string key, string? text, string label, IStringLocalizer l)
    {
        if ((text?.Trim().Length ?? 0) > MeasureReport.MaxTextLength)
            state.AddModelError(key, l["{0}: Der Text darf höchstens {1} Zeichen lang sein.", label, MeasureReport.MaxTextLength]);
    }

    public void ApplyTo(MeasureReport r, CultureInfo culture)
    {
        r.StatusId = StatusId;
        r.Progress = Progress;
        r.Done = Done?.Trim() ?? "";
        r.NextSteps = NextSteps?.Trim() ?? "";
        r.Obstacles = Obstacles?.Trim() ?? "";
        r.Spent = ReadSpent(culture).Value;
        r.Links = string.Join("\n", MeasureReport.SplitLinks(Links));
    }

    /// <summary>The differences between this input and the stored report, for the conflict view.</summary>
    public EditConflict Compare(MeasureReport stored, IStringLocalizer l, Func<int?, string> statusName, CultureInfo culture) => new EditConflict()
        .Compare(l["Status"], statusName(StatusId), statusName(stored.StatusId))
        .Compare(l["Fortschritt in Prozent"], Progress?.ToString(CultureInfo.InvariantCulture), stored.Progress?.ToString(CultureInfo.InvariantCulture))
        .Compare(l["Was wurde getan?"], Done, stored.Done)
        .Compare(l["Nächste Schritte"], NextSteps, stored.NextSteps)
        .Compare(l["Hindernisse"], Obstacles, stored.Obstacles)
        .Compare(l["Bisher ausgegeben in Euro"], Spent, MoneyInput.Format(stored.Spent, culture))
        .Compare(l["Links"], Links, stored.Links);
}
