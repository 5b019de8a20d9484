using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Planwerk.Infrastructure.Time;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Mail;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Participation.Workshops.Manage;

/// <summary>One workshop for plan editors: its facts (concurrency-checked), its working groups, and calling it
/// off. "new" creates one. A change of time or place raises the calendar sequence and sends confirmed
/// registrants an updated invitation.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class EditModel(
    PlanwerkDbContext db,
    IOutputCacheStore cache,
    MailSender mail,
    IOptions<MailOptions> mailOptions,
    TimeProvider clock,
    IStringLocalizer<SharedResource> L,
    ILogger<EditModel> logger) : ManagePageModel
{
    public sealed class WorkshopInput
    {
        [Required(ErrorMessage = "Bitte geben Sie den Titel der Veranstaltung an.")]
        [StringLength(Workshop.MaxTitleLength, ErrorMessage = "Der Titel darf höchstens {1} Zeichen lang sein.")]
        public string? Title { get; set; }

        [StringLength(Workshop.MaxTextLength, ErrorMessage = "Die Beschreibung darf höchstens {1} Zeichen lang sein.")]
        public string? Description { get; set; }

        public int? PlanId { get; set; }

        [Required(ErrorMessage = "Bitte geben Sie Beginn (Datum und Uhrzeit) an.")]
        public string? StartsAt { get; set; }

        [Required(ErrorMessage = "Bitte geben Sie das Ende (Datum und Uhrzeit) an.")]
        public string? EndsAt { get; set; }

        [StringLength(Workshop.MaxLineLength, ErrorMessage = "Der Ort darf höchstens {1} Zeichen lang sein.")]
        public string? Place { get; set; }

        [StringLength(Workshop.MaxLineLength, ErrorMessage = "Der Online-Link darf höchstens {1} Zeichen lang sein.")]
        public string? OnlineUrl { get; set; }

        [Range(1, 100_000, ErrorMessage = "Die Zahl der Plätze muss zwischen {1} und {2} liegen.")]
        public int Capacity { get; set; } = 30;

        public int Version { get; set; }
    }

    public sealed class GroupInput
    {
        [Required(ErrorMessage = "Bitte geben Sie den Titel der Arbeitsgruppe an.")]
        [StringLength(Workshop.MaxTitleLength, ErrorMessage = "Der Titel der Arbeitsgruppe darf höchstens {1} Zeichen lang sein.")]
        public string? Title { get; set; }

        [StringLength(Workshop.MaxLineLength * 4, ErrorMessage = "Die Beschreibung der Arbeitsgruppe darf höchstens {1} Zeichen lang sein.")]
        public string? Description { get; set; }

        public int? FieldOfActionId { get; set; }
    }

    public sealed record GroupRow(int Id, int Position, string Title, string Description, int? FieldOfActionId, string? FieldTitle);

    public sealed record Choice(int Id, string Title);

    public WorkshopInput Input { get; private set; } = new();

    public GroupInput Group { get; private set; } = new();

    public int? WorkshopId { get; private set; }

    public string StoredTitle { get; private set; } = "";

    public DateTimeOffset? CancelledAt { get; private set; }

    public int ConfirmedCount { get; private set; }

    public int WaitingCount { get; private set; }

    public IReadOnlyList<GroupRow> Groups { get; private set; } = [];

    public IReadOnlyList<Choice> Plans { get; private set; } = [];

    public IReadOnlyList<Choice> Fields { get; private set; } = [];

    public string PageUrl => WorkshopId is int id ? ManageUrl(string.Create(CultureInfo.InvariantCulture, $"/workshops/{id}")) : ManageUrl("/workshops/new");

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id)) return NotFound();
        if (id is null)
        {
            await LoadOptionsAsync(null, ct);
            return Page();
        }
        if (await FindAsync(id.Value, ct) is not { } workshop) return NotFound();
        Input = ToInput(workshop);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, [Bind(Prefix = "Input")] WorkshopInput input, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id)) return NotFound();
        Input = input;
        var workshop = id is null ? null : await FindAsync(id.Value, ct);
        if (id is not null && workshop is null) return NotFound();
        if (workshop is null) await LoadOptionsAsync(input.PlanId, ct);

        var startsAt = BerlinTime.Parse(input.StartsAt) ?? default;
        var endsAt = BerlinTime.Parse(input.EndsAt) ?? default;
        if (!string.IsNullOrWhiteSpace(input.StartsAt) && startsAt == default)
            ModelState.AddModelError("Input.StartsAt", L["Bitte geben Sie den Beginn als Datum und Uhrzeit zwischen 1900 und 2100 an, z. B. 27.11.2017 09:30."]);
        if (!string.IsNullOrWhiteSpace(input.EndsAt) && endsAt == default)
            ModelState.AddModelError("Input.EndsAt", L["Bitte geben Sie das Ende als Datum und Uhrzeit zwischen 1900 und 2100 an, z. B. 27.11.2017 16:00."]);
        if (startsAt != default && endsAt != default && endsAt <= startsAt)
            ModelState.AddModelError("Input.EndsAt", L["Das Ende muss nach dem Beginn liegen."]);
        var place = input.Place?.Trim() ?? "";
        var online = input.OnlineUrl?.Trim() ?? "";
        if (online.Length > 0 && !(Uri.TryCreate(online, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Length > 0))
            ModelState.AddModelError("Input.OnlineUrl", L["Bitte geben Sie den Online-Link als vollständige https-Adresse an, z. B. https://meet.example.org/raum."]);
        if (place.Length == 0 && online.Length == 0)
            ModelState.AddModelError("Input.Place", L["Bitte geben Sie einen Ort oder einen Online-Link an (oder beides)."]);
        if (input.PlanId is int planId && !await db.Plans.AnyAsync(p => p.Id == planId, ct))
            ModelState.AddModelError("Input.PlanId", L["Bitte wählen Sie den Fachplan aus der Liste."]);
        if (workshop is not null && input.Capacity < ConfirmedCount && input.Capacity >= 1)
            ModelState.AddModelError("Input.Capacity", L["Es sind schon {0} Anmeldungen bestätigt. Die Zahl der Plätze kann nicht darunter sinken; bitten Sie zuerst Teilnehmende abzusagen.", ConfirmedCount]);
        if (workshop is not null && workshop.Version != input.Version) ShowConflict(workshop);
        if (!ModelState.IsValid || Conflict is not null) return Page();

        var timeOrPlaceChanged = workshop is not null &&
            (workshop.StartsAt != startsAt || workshop.EndsAt != endsAt || workshop.Place != place || workshop.OnlineUrl != online);
        var capacityRaised = workshop is not null && input.Capacity > workshop.Capacity;
        if (workshop is null)
        {
            workshop = new Workshop { Title = "" };
            db.Workshops.Add(workshop);
        }
        else
        {
            ExpectVersion(db, workshop, input.Version);
        }
        workshop.Title = input.Title!.Trim();
        workshop.Description = input.Description?.Trim() ?? "";
        workshop.PlanId = input.PlanId;
        workshop.StartsAt = startsAt;
        workshop.EndsAt = endsAt;
        workshop.Place = place;
        workshop.OnlineUrl = online;
        workshop.Capacity = input.Capacity;
        if (timeOrPlaceChanged) workshop.CalendarSequence++;
        var result = await SaveEditAsync(db, cache, reason: null,
            save: () => db.SaveChangesAsync(ct),
            reload: () => FindAsync(id!.Value, ct),
            showConflict: ShowConflict,
            saved: () => (L["„{0}“ wurde gespeichert.", workshop.Title],
                ManageUrl(string.Create(CultureInfo.InvariantCulture, $"/workshops/{workshop.Id}"))));
        if (result is not RedirectResult) return result;

        var notifier = Notifier();
        if (capacityRaised)
        {
            var movedUp = await WorkshopRegistrations.FillPlacesAsync(db, workshop.Id, clock.GetUtcNow(), ct);
            await notifier.SendAsync(workshop, movedUp, WorkshopNotifier.Kind.MovedUp, ct: ct);
        }
        if (timeOrPlaceChanged && workshop.CancelledAt is null)
        {
            var confirmed = await db.WorkshopRegistrations.AsNoTracking()
                .Where(r => r.WorkshopId == workshop.Id && r.State == RegistrationState.Confirmed).ToListAsync(ct);
            await notifier.SendAsync(workshop, confirmed, WorkshopNotifier.Kind.Updated, ct: ct);
        }
        return result;
    }

    public async Task<IActionResult> OnPostCancelAsync(string key, string? message, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id) || id is null || await FindAsync(id.Value, ct) is not { } workshop) return NotFound();
        Input = ToInput(workshop);
        message = message?.Trim() ?? "";
        if (message.Length > 2000) ModelState.AddModelError("message", L["Die Nachricht darf höchstens {0} Zeichen lang sein.", 2000]);
        if (workshop.CancelledAt is not null) ModelState.AddModelError("", L["Die Veranstaltung ist schon abgesagt."]);
        if (!ModelState.IsValid) return Page();
        workshop.CancelledAt = clock.GetUtcNow();
        workshop.CalendarSequence++;
        await db.SaveChangesAsync(ct);
        var told = await db.WorkshopRegistrations.AsNoTracking()
            .Where(r => r.WorkshopId == workshop.Id && r.State != RegistrationState.Cancelled).ToListAsync(ct);
        await Notifier().SendAsync(workshop, told, WorkshopNotifier.Kind.CancelledByOrganiser, message, ct);
        return await SavedAsync(cache, L["„{0}“ wurde abgesagt; {1} angemeldete Personen wurden benachrichtigt.", workshop.Title, told.Count], PageUrl);
    }

    public async Task<IActionResult> OnPostAddGroupAsync(string key, [Bind(Prefix = "Group")] GroupInput group, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id) || id is null || await FindAsync(id.Value, ct) is not { } workshop) return NotFound();
        Input = ToInput(workshop);
        Group = group;
        if (!ValidGroup(group)) return Page();
        db.WorkingGroups.Add(new WorkingGroup
        {
            WorkshopId = workshop.Id,
            Position = Groups.Count == 0 ? 1 : Groups.Max(g => g.Position) + 1,
            Title = group.Title!.Trim(),
            Description = group.Description?.Trim() ?? "",
            FieldOfActionId = group.FieldOfActionId,
        });
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, L["Die Arbeitsgruppe „{0}“ wurde angelegt.", group.Title!.Trim()], PageUrl + "#groups");
    }

    public async Task<IActionResult> OnPostSaveGroupAsync(string key, int groupId, [Bind(Prefix = "Group")] GroupInput group, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id) || id is null || await FindAsync(id.Value, ct) is not { } workshop) return NotFound();
        var stored = await db.WorkingGroups.FirstOrDefaultAsync(g => g.Id == groupId && g.WorkshopId == workshop.Id, ct);
        if (stored is null) return NotFound();
        Input = ToInput(workshop);
        if (!ValidGroup(group)) return Page();
        stored.Title = group.Title!.Trim();
        stored.Description = group.Description?.Trim() ?? "";
        stored.FieldOfActionId = group.FieldOfActionId;
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, L["Die Arbeitsgruppe „{0}“ wurde gespeichert.", stored.Title], PageUrl + "#groups");
    }

    public async Task<IActionResult> OnPostRemoveGroupAsync(string key, int groupId, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id) || id is null || await FindAsync(id.Value, ct) is not { } workshop) return NotFound();
        var stored = await db.WorkingGroups.FirstOrDefaultAsync(g => g.Id == groupId && g.WorkshopId == workshop.Id, ct);
        if (stored is null) return NotFound();
        // Registrations that chose this group keep their place, without a group.
        await db.WorkshopRegistrations.Where(r => r.WorkingGroupId == stored.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.WorkingGroupId, (int?)null), ct);
        db.WorkingGroups.Remove(stored);
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, L["Die Arbeitsgruppe „{0}“ wurde entfernt.", stored.Title], PageUrl + "#groups");
    }

    public async Task<IActionResult> OnPostMoveGroupAsync(string key, int groupId, string? direction, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id) || id is null || await FindAsync(id.Value, ct) is not { } workshop) return NotFound();
        var groups = await db.WorkingGroups.Where(g => g.WorkshopId == workshop.Id).OrderBy(g => g.Position).ThenBy(g => g.Id).ToListAsync(ct);
        var index = groups.FindIndex(g => g.Id == groupId);
        if (index < 0) return NotFound();
        var other = direction == "up" ? index - 1 : index + 1;
        if (other >= 0 && other < groups.Count) (groups[index], groups[other]) = (groups[other], groups[index]);
        for (var i = 0; i < groups.Count; i++) groups[i].Position = i + 1;
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, L["Die Reihenfolge der Arbeitsgruppen wurde gespeichert."], PageUrl + "#groups");
    }

    private bool ValidGroup(GroupInput group)
    {
        if (group.FieldOfActionId is int fieldId && Fields.All(f => f.Id != fieldId))
            ModelState.AddModelError("Group.FieldOfActionId", L["Bitte wählen Sie das Handlungsfeld aus der Liste (nur Handlungsfelder des gewählten Fachplans)."]);
        return ModelState.IsValid;
    }

    private WorkshopNotifier Notifier() =>
        new(db, mail, mailOptions, L, logger, Request, Municipality.Slug, clock.GetUtcNow());

    private static WorkshopInput ToInput(Workshop w) => new()
    {
        Title = w.Title,
        Description = w.Description,
        PlanId = w.PlanId,
        StartsAt = BerlinTime.ToInput(w.StartsAt),
        EndsAt = BerlinTime.ToInput(w.EndsAt),
        Place = w.Place,
        OnlineUrl = w.OnlineUrl,
        Capacity = w.Capacity,
        Version = w.Version,
    };

    private void ShowConflict(Workshop stored)
    {
        ModelState.AddModelError("", L["Diese Veranstaltung wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        Conflict = new EditConflict()
            .Compare(L["Titel"], Input.Title, stored.Title)
            .Compare(L["Beschreibung"], Input.Description, stored.Description)
            .Compare(L["Beginn"], Input.StartsAt, BerlinTime.ToInput(stored.StartsAt))
            .Compare(L["Ende"], Input.EndsAt, BerlinTime.ToInput(stored.EndsAt))
            .Compare(L["Ort"], Input.Place, stored.Place)
            .Compare(L["Online-Link"], Input.OnlineUrl, stored.OnlineUrl)
            .Compare(L["Plätze"], Input.Capacity.ToString(CultureInfo.InvariantCulture), stored.Capacity.ToString(CultureInfo.InvariantCulture));
        ModelState.Remove("Input.Version");
        Input.Version = stored.Version;
    }

    private async Task LoadOptionsAsync(int? planId, CancellationToken ct)
    {
        Plans = await db.Plans.AsNoTracking().OrderBy(p => p.Title).Select(p => new Choice(p.Id, p.Title)).ToListAsync(ct);
        Fields = planId is null ? [] : await db.FieldsOfAction.AsNoTracking().Where(f => f.PlanId == planId)
            .OrderBy(f => f.Position).Select(f => new Choice(f.Id, f.Number + " " + f.Title)).ToListAsync(ct);
    }

    private async Task<Workshop?> FindAsync(int id, CancellationToken ct)
    {
        var workshop = await db.Workshops.FirstOrDefaultAsync(w => w.Id == id, ct);
        if (workshop is null) return null;
        WorkshopId = id;
        StoredTitle = workshop.Title;
        CancelledAt = workshop.CancelledAt;
        ConfirmedCount = await db.WorkshopRegistrations.CountAsync(r => r.WorkshopId == id && r.State == RegistrationState.Confirmed, ct);
        WaitingCount = await db.WorkshopRegistrations.CountAsync(r => r.WorkshopId == id && r.State == RegistrationState.Waiting, ct);
        Groups = await db.WorkingGroups.AsNoTracking().Where(g => g.WorkshopId == id).OrderBy(g => g.Position).ThenBy(g => g.Id)
            .Select(g => new GroupRow(g.Id, g.Position, g.Title, g.Description, g.FieldOfActionId, g.FieldOfAction == null ? null : g.FieldOfAction.Title))
            .ToListAsync(ct);
        await LoadOptionsAsync(workshop.PlanId, ct);
        return workshop;
    }
}
