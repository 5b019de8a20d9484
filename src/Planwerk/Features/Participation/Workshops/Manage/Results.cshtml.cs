using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Infrastructure.Time;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Participation.Workshops.Manage;

/// <summary>Minutes and results of a workshop, for the whole and per working group (Markdown), recorded once the
/// workshop has begun and published on the public page once it is over.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class ResultsModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> L) : ManagePageModel
{
    public sealed class ResultsInput
    {
        [StringLength(Workshop.MaxTextLength, ErrorMessage = "Das Protokoll darf höchstens {1} Zeichen lang sein.")]
        public string? Minutes { get; set; }

        [StringLength(Workshop.MaxTextLength, ErrorMessage = "Die Ergebnisse dürfen höchstens {1} Zeichen lang sein.")]
        public string? Results { get; set; }

        public List<GroupResult> Groups { get; set; } = [];

        public int Version { get; set; }
    }

    public sealed class GroupResult
    {
        public int Id { get; set; }

        public string Title { get; set; } = "";

        [StringLength(Workshop.MaxTextLength, ErrorMessage = "Die Ergebnisse einer Arbeitsgruppe dürfen höchstens {1} Zeichen lang sein.")]
        public string? Results { get; set; }
    }

    public ResultsInput Input { get; private set; } = new();

    public int WorkshopId { get; private set; }

    public string Title { get; private set; } = "";

    public DateTimeOffset StartsAt { get; private set; }

    public DateTimeOffset EndsAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public DateTimeOffset Now => clock.GetUtcNow();

    public bool HasBegun => Now >= StartsAt;

    public bool IsOver => Now >= EndsAt;

    private string PageUrl => ManageUrl(FormattableString.Invariant($"/workshops/{WorkshopId}/results"));

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } workshop) return NotFound();
        Input = ToInput(workshop);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, [Bind(Prefix = "Input")] ResultsInput input, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } workshop) return NotFound();
        Input = input;
        var groups = await db.WorkingGroups.Where(g => g.WorkshopId == id).OrderBy(g => g.Position).ToListAsync(ct);
        foreach (var g in input.Groups) g.Title = groups.FirstOrDefault(x => x.Id == g.Id)?.Title ?? "";
        if (!HasBegun) ModelState.AddModelError("", L["Protokoll und Ergebnisse können erst erfasst werden, wenn die Veranstaltung begonnen hat."]);
        if (workshop.Version != input.Version) ShowConflict(workshop);
        if (!ModelState.IsValid || Conflict is not null) return Page();
        ExpectVersion(db, workshop, input.Version);
        workshop.Minutes = input.Minutes?.Trim() ?? "";
        workshop.Results = input.Results?.Trim() ?? "";
        foreach (var g in groups)
        {
            if (input.Groups.FirstOrDefault(x => x.Id == g.Id) is { } posted) g.Results = posted.Results?.Trim() ?? "";
        }
        return await SaveEditAsync(db, cache, reason: null,
            save: () => db.SaveChangesAsync(ct),
            reload: () => FindAsync(id, ct),
            showConflict: ShowConflict,
            saved: () => (L["Protokoll und Ergebnisse wurden gespeichert."], PageUrl));
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, bool publish, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } workshop) return NotFound();
        Input = ToInput(workshop);
        if (publish && !IsOver)
        {
            ModelState.AddModelError("", L["Veröffentlichen können Sie erst nach dem Ende der Veranstaltung ({0}).", BerlinTime.DateAndTime(workshop.EndsAt)]);
            return Page();
        }
        workshop.ResultsPublishedAt = publish ? Now : null;
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, publish ? L["Protokoll und Ergebnisse sind jetzt öffentlich."] : L["Protokoll und Ergebnisse sind nicht mehr öffentlich."], PageUrl);
    }

    private void ShowConflict(Workshop stored)
    {
        ModelState.AddModelError("", L["Protokoll oder Ergebnisse wurden inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        Conflict = new EditConflict()
            .Compare(L["Protokoll"], Input.Minutes, stored.Minutes)
            .Compare(L["Ergebnisse"], Input.Results, stored.Results);
        ModelState.Remove("Input.Version");
        Input.Version = stored.Version;
    }

    private ResultsInput ToInput(Workshop w) => new()
    {
        Minutes = w.Minutes,
        Results = w.Results,
        Version = w.Version,
        Groups = w.WorkingGroups.OrderBy(g => g.Position).ThenBy(g => g.Id).Select(g => new GroupResult { Id = g.Id, Title = g.Title, Results = g.Results }).ToList(),
    };

    private async Task<Workshop?> FindAsync(int id, CancellationToken ct)
    {
        var workshop = await db.Workshops.Include(w => w.WorkingGroups).FirstOrDefaultAsync(w => w.Id == id, ct);
        if (workshop is null) return null;
        WorkshopId = id;
        Title = workshop.Title;
        StartsAt = workshop.StartsAt;
        EndsAt = workshop.EndsAt;
        PublishedAt = workshop.ResultsPublishedAt;
        return workshop;
    }
}
