using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Implementation.Manage;

/// <summary>The municipality's catalogue of implementation statuses for the plan team: the list, a form to add one,
/// and, while the catalogue is empty, taking over the proposed catalogue at once.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class StatusesModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> l) : ManagePageModel
{
    [BindProperty]
    public StatusInput Input { get; set; } = new();

    public IReadOnlyList<ImplementationStatus> Statuses { get; private set; } = [];

    public string ListUrl => ManageUrl("/statuses");

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.Position = Statuses.Count == 0 ? 1 : Math.Min(999, Statuses.Max(s => s.Position) + 1);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.Validate(ModelState, "Input.", l, Statuses.Select(s => s.Name));
        if (!ModelState.IsValid) return Page();
        var status = new ImplementationStatus { Name = "" };
        Input.ApplyTo(status);
        db.ImplementationStatuses.Add(status);
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, l["Der Status „{0}“ wurde angelegt.", status.Name], ListUrl);
    }

    /// <summary>Takes over the proposed catalogue; only while the catalogue is empty, so nothing is doubled.</summary>
    public async Task<IActionResult> OnPostProposalAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Statuses.Count > 0)
        {
            ModelState.AddModelError("", l["Der Vorschlag kann nur für einen leeren Katalog übernommen werden. Ergänzen Sie einzelne Status mit dem Formular."]);
            return Page();
        }
        var position = 0;
        foreach (var (name, nameEn, kind, progress, description) in ImplementationStatus.Proposal)
            db.ImplementationStatuses.Add(new ImplementationStatus { Name = name, NameEn = nameEn, Kind = kind, DefaultProgress = progress, Description = description, Position = ++position });
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, l["Der vorgeschlagene Katalog mit {0} Status wurde übernommen.", position], ListUrl);
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Statuses = await db.ImplementationStatuses.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Name).ToListAsync(ct);
}
