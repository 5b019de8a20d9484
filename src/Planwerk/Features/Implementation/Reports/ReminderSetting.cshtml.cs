using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Implementation.Reports;

/// <summary>The municipality's reminder setting: how many days before a period's due date reporters are reminded of the
/// reports still missing (0: never). Saved against the version the form was loaded with.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class ReminderSettingModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    public sealed class InputModel
    {
        [Display(Name = "Tage vor dem Fälligkeitstag")]
        [Range(0, ReportReminderSetting.MaxDays, ErrorMessage = "{0}: Bitte geben Sie eine ganze Zahl von {1} bis {2} an.")]
        public int? DaysBeforeDue { get; set; }

        public int Version { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var setting = await db.ReportReminderSettings.AsNoTracking().FirstOrDefaultAsync(ct);
        Input = new InputModel { DaysBeforeDue = setting?.DaysBeforeDue ?? ReportReminderSetting.DefaultDays, Version = setting?.Version ?? 0 };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.DaysBeforeDue is null && !ModelState.HasErrors("Input.DaysBeforeDue"))
            ModelState.AddModelError("Input.DaysBeforeDue", l["Tage vor dem Fälligkeitstag: Bitte geben Sie eine ganze Zahl von 0 bis {0} an.", ReportReminderSetting.MaxDays]);
        if (!ModelState.IsValid) return Page();
        var setting = await db.ReportReminderSettings.FirstOrDefaultAsync(ct);
        if (setting is null)
        {
            db.ReportReminderSettings.Add(new ReportReminderSetting { DaysBeforeDue = Input.DaysBeforeDue!.Value });
        }
        else
        {
            ExpectVersion(db, setting, Input.Version);
            setting.DaysBeforeDue = Input.DaysBeforeDue!.Value;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone else saved the setting meanwhile (or created it first): theirs is shown.
            db.ChangeTracker.Clear();
            var stored = await db.ReportReminderSettings.AsNoTracking().FirstAsync(ct);
            ModelState.AddModelError("", l["Diese Einstellung wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
            Conflict = new EditConflict().Compare(l["Tage vor dem Fälligkeitstag"], Input.DaysBeforeDue?.ToString(System.Globalization.CultureInfo.CurrentCulture),
                stored.DaysBeforeDue.ToString(System.Globalization.CultureInfo.CurrentCulture));
            ModelState.Remove("Input.Version");
            Input.Version = stored.Version;
            return Page();
        }
        return await SavedAsync(cache, l["Die Erinnerung wurde gespeichert."], ManageUrl("/report-reminders"));
    }

    public Crumb[] Crumbs() => [new Crumb(l["Verwaltung"], ManageUrl()), new Crumb(l["Erinnerung an Berichte"])];
}
