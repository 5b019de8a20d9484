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

namespace Planwerk.Features.Services.Content;

/// <summary>The plan team sets after how many months (1 to 60, default 12) a service not checked is due: flagged publicly,
/// listed as overdue, and its organisation's contacts reminded.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class CheckIntervalModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    public sealed class InputModel
    {
        [Display(Name = "Prüfabstand in Monaten")]
        [Range(ServiceChecks.MinMonths, ServiceChecks.MaxMonths, ErrorMessage = "{0}: Bitte geben Sie eine ganze Zahl von {1} bis {2} an.")]
        public int? Months { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task OnGetAsync(CancellationToken ct) =>
        Input.Months = await db.Municipalities.Where(m => m.Id == Municipality.Id).Select(m => m.ServiceCheckMonths).FirstAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.Months is null && !ModelState.HasErrors("Input.Months"))
            ModelState.AddModelError("Input.Months", l["Prüfabstand in Monaten: Bitte geben Sie eine ganze Zahl von {0} bis {1} an.", ServiceChecks.MinMonths, ServiceChecks.MaxMonths]);
        if (!ModelState.IsValid) return Page();
        var municipality = await db.Municipalities.FirstAsync(m => m.Id == Municipality.Id, ct);
        municipality.ServiceCheckMonths = Input.Months!.Value;
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, l["Der Prüfabstand wurde gespeichert."], ContentUrls.CheckInterval(Municipality.Slug));
    }

    public Crumb[] Crumbs() => [new(l["Verwaltung"], ManageUrl()), new(l["Hilfeangebote"], ContentUrls.Services(Municipality.Slug)), new(l["Prüfabstand"])];
}
