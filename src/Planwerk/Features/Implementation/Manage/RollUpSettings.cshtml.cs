using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Plans;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Implementation.Manage;

/// <summary>How a plan adds up its measures' progress (every measure alike, or each by its weight) and every measure's
/// weight, in one form that applies fully or not at all, against the plan's version. Weights are read in German or English
/// notation ("1,5" or "1.5"), 0 to 1000 with at most two decimals.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class RollUpSettingsModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    public sealed class WeightInput
    {
        public int Id { get; set; }
        public string? Weight { get; set; }
    }

    public sealed record MeasureLine(int Id, string Number, string Title, MeasureStatus Status, int Progress, decimal Weight);

    [BindProperty]
    public RollUpMethod Method { get; set; }

    [BindProperty]
    public List<WeightInput> Weights { get; set; } = [];

    [BindProperty]
    public int Version { get; set; }

    public int PlanId { get; private set; }
    public PlanHeading Plan { get; private set; } = null!;
    public IReadOnlyList<MeasureLine> Measures { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int planId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return NotFound();
        await LoadAsync(planId, ct);
        Method = plan.RollUpMethod;
        Version = plan.Version;
        Weights = Measures.Select(m => new WeightInput { Id = m.Id, Weight = Format(m.Weight) }).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, CancellationToken ct)
    {
        var plan = await db.Plans.FirstOrDefaultAsync(p => p.Id == planId, ct);
        if (plan is null) return NotFound();
        await LoadAsync(planId, ct);
        if (!Enum.IsDefined(Method) || ModelState.HasErrors(nameof(Method)))
        {
            ModelState.Remove(nameof(Method));
            ModelState.AddModelError(nameof(Method), l["Bitte wählen Sie, wie der Fortschritt zusammengefasst wird."]);
        }
        var measures = await db.Measures.Where(m => m.PlanId == planId).ToDictionaryAsync(m => m.Id, ct);
        var read = new Dictionary<int, decimal>();
        for (var i = 0; i < Weights.Count; i++)
        {
            var row = Weights[i];
            if (!measures.TryGetValue(row.Id, out var measure))
            {
                ModelState.AddModelError("", l["Die Liste der {0} hat sich inzwischen geändert. Bitte laden Sie die Seite neu.", Plan.Levels.Measure.ManyInSentence]);
                break;
            }
            if (Read(row.Weight) is { } weight) read[row.Id] = weight;
            else ModelState.AddModelError($"Weights[{i}].Weight", l["Gewicht von {0} {1}: Bitte geben Sie eine Zahl von 0 bis 1000 mit höchstens zwei Nachkommastellen an.", Plan.Levels.Measure.One, measure.Number]);
        }
        if (plan.Version != Version)
        {
            ModelState.AddModelError("", l["Diese Einstellungen wurden inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
            Conflict = new EditConflict().Compare(l["Fortschritt zusammenfassen"], l[MethodText(Method)], l[MethodText(plan.RollUpMethod)]);
            foreach (var (id, weight) in read)
            {
                if (measures.TryGetValue(id, out var m)) Conflict.Compare(l["Gewicht von {0} {1}", Plan.Levels.Measure.One, m.Number], Format(weight), Format(m.Weight));
            }
            ModelState.Remove(nameof(Version));
            Version = plan.Version;
        }
        if (!ModelState.IsValid || Conflict is not null) return Page();

        ExpectVersion(db, plan, Version);
        plan.RollUpMethod = Method;
        // Touched, so its version moves even when only weights changed: a second form read before this save conflicts.
        plan.UpdatedAt = clock.GetUtcNow();
        foreach (var (id, weight) in read) measures[id].Weight = weight;
        return await SaveEditAsync(db, cache, reason: null,
            save: () => db.SaveChangesAsync(ct),
            reload: async () => await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == planId, ct),
            showConflict: stored =>
            {
                ModelState.AddModelError("", l["Diese Einstellungen wurden inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
                Conflict = new EditConflict().Compare(l["Fortschritt zusammenfassen"], l[MethodText(Method)], l[MethodText(stored.RollUpMethod)]);
                ModelState.Remove(nameof(Version));
                Version = stored.Version;
            },
            saved: () => (l["Die Zusammenfassung des Fortschritts wurde gespeichert."], PlanUrl(planId, "/roll-up")));
    }

    public static string MethodText(RollUpMethod method) => method == RollUpMethod.Weighted
        ? "gewichtet: jede nach ihrem Gewicht"
        : "Durchschnitt: jede gleich";

    /// <summary>A weight as typed: "1,5", "1.5", "2"; null when it is none, negative, above 1000 or has more than two decimals.</summary>
    public static decimal? Read(string? text)
    {
        var s = (text ?? "").Trim().Replace(',', '.');
        if (s.Length == 0 || s.Length > 10) return null;
        if (!decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return null;
        if (value < 0 || value > Measure.MaxWeight || decimal.Round(value, 2) != value) return null;
        return value;
    }

    public static string Format(decimal weight) => weight.ToString("0.##", CultureInfo.CurrentCulture);

    private async Task LoadAsync(int planId, CancellationToken ct)
    {
        PlanId = planId;
        Plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).SelectHeading().FirstAsync(ct);
        Measures = await db.Measures.AsNoTracking().Where(m => m.PlanId == planId)
            .OrderBy(m => m.FieldOfAction!.Position).ThenBy(m => m.Position)
            .Select(m => new MeasureLine(m.Id, m.Number, m.Title, m.Status, m.Progress, m.Weight)).ToListAsync(ct);
    }

    public Crumb[] Crumbs() => [new Crumb(l["Verwaltung"], ManageUrl()), new Crumb(Plan.Title, PlanUrl(PlanId)), new Crumb(l["Fortschritt zusammenfassen"])];
}
