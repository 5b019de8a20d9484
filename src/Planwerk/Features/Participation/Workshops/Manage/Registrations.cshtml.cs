using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Participation.Workshops.Manage;

/// <summary>Who registered for a workshop (confirmed and waiting, with organisation and working group) for
/// the plan team; plan editors record attendance of the confirmed once the workshop has begun.</summary>
[Authorize(Policy = Policies.PlanTeam)]
public sealed class RegistrationsModel(PlanwerkDbContext db, IAuthorizationService authorization, TimeProvider clock,
    IStringLocalizer<SharedResource> L) : ManagePageModel
{
    public sealed record Row(int Id, string Name, string Email, string Organisation, string WorkingGroup, RegistrationState State, DateTimeOffset RegisteredAt, bool? Attended);

    public int WorkshopId { get; private set; }

    public string Title { get; private set; } = "";

    public DateTimeOffset StartsAt { get; private set; }

    public int Capacity { get; private set; }

    public bool Cancelled { get; private set; }

    public bool MayRecord { get; private set; }

    public bool HasBegun => clock.GetUtcNow() >= StartsAt;

    public IReadOnlyList<Row> Confirmed { get; private set; } = [];

    public IReadOnlyList<Row> Waiting { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) =>
        await LoadAsync(id, ct) ? Page() : NotFound();

    /// <summary>Attendance: one yes/no/unknown choice per confirmed person (attended-{registrationId}).</summary>
    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.PlanEditor)).Succeeded) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!HasBegun || Cancelled)
        {
            ModelState.AddModelError("", L["Die Teilnahme kann erst erfasst werden, wenn die Veranstaltung begonnen hat."]);
            return Page();
        }
        var registrations = await db.WorkshopRegistrations.Where(r => r.WorkshopId == id && r.State == RegistrationState.Confirmed).ToListAsync(ct);
        foreach (var r in registrations)
        {
            var value = Request.Form["attended-" + r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)].ToString();
            r.Attended = value switch { "yes" => true, "no" => false, _ => r.Attended };
        }
        await db.SaveChangesAsync(ct);
        TempData[NoticeKey] = L["Die Teilnahme wurde gespeichert."].Value;
        return Redirect(ManageUrl(System.FormattableString.Invariant($"/workshops/{id}/registrations")));
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var workshop = await db.Workshops.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (workshop is null) return false;
        WorkshopId = id;
        Title = workshop.Title;
        StartsAt = workshop.StartsAt;
        Capacity = workshop.Capacity;
        Cancelled = workshop.CancelledAt is not null;
        MayRecord = (await authorization.AuthorizeAsync(User, Policies.PlanEditor)).Succeeded;
        var rows = await db.WorkshopRegistrations.AsNoTracking()
            .Where(r => r.WorkshopId == id && r.State != RegistrationState.Cancelled)
            .OrderBy(r => r.RegisteredAt).ThenBy(r => r.Id)
            .Select(r => new Row(r.Id, r.User!.DisplayName, r.User.Email ?? "", r.Stakeholder == null ? "" : r.Stakeholder.Name,
                r.WorkingGroup == null ? "" : r.WorkingGroup.Title, r.State, r.RegisteredAt, r.Attended))
            .ToListAsync(ct);
        Confirmed = rows.Where(r => r.State == RegistrationState.Confirmed).ToList();
        Waiting = rows.Where(r => r.State == RegistrationState.Waiting).ToList();
        return true;
    }
}
