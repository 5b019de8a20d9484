using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Council.Manage;

/// <summary>The catalogue of consultation results: the built-in ones, and the municipality's own, which the council
/// office (council clerks and administrators, as for the bodies) adds and deletes while no consultation uses them.
/// The plan team reads the list.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ResultsModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> l) : CouncilPageModel
{
    public sealed class KindInput
    {
        public string? Name { get; set; }
        public bool IsDeciding { get; set; }
        public bool ByVote { get; set; }
    }

    public sealed class EditInput
    {
        public int KindId { get; set; }
        public string? Name { get; set; }
        public bool IsDeciding { get; set; }
        public bool ByVote { get; set; }
        public int Version { get; set; }
    }

    public sealed record KindRow(int Id, string Name, bool IsDeciding, bool ByVote, int Version, int Uses);

    /// <summary>The edit form that came back with errors, to show its input again.</summary>
    public EditInput? FailedEdit { get; private set; }

    [BindProperty]
    public KindInput Input { get; set; } = new();

    public IReadOnlyList<KindRow> Own { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var name = await CheckNameAsync("Input.Name", Input.Name, null, ct);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        var position = (await db.ConsultationResultKinds.MaxAsync(k => (int?)k.Position, ct) ?? 0) + 1;
        db.ConsultationResultKinds.Add(new ConsultationResultKind { Name = name, IsDeciding = Input.IsDeciding, ByVote = Input.ByVote, Position = position });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Someone added the same name at the same moment: the unique index refuses the second.
            db.ChangeTracker.Clear();
            ModelState.AddModelError("Input.Name", l["Ein Ergebnis „{0}“ gibt es schon.", name]);
            await LoadAsync(ct);
            return Page();
        }
        return await SavedAsync(cache, l["Das Ergebnis „{0}“ wurde hinzugefügt.", name], CouncilText.ResultsUrl(Municipality.Slug));
    }

    /// <summary>Renames an own result or changes its flags. A result that carries votes somewhere stays one reached by
    /// a vote; a change moves the modified moment of every consultation that carries it (<see cref="CouncilChanges"/>).</summary>
    public async Task<IActionResult> OnPostEditAsync([Bind(Prefix = "Edit")] EditInput edit, CancellationToken ct)
    {
        var kind = await db.ConsultationResultKinds.FirstOrDefaultAsync(k => k.Id == edit.KindId, ct);
        if (kind is null) return NotFound();
        ModelState.Remove("Input.Name");
        FailedEdit = edit;
        var name = await CheckNameAsync("Edit.Name", edit.Name, kind.Id, ct);
        if (kind.ByVote && !edit.ByVote && await db.PaperConsultations.AnyAsync(c => c.CustomResultId == kind.Id
                && (c.VotesFor != null || c.VotesAgainst != null || c.VotesAbstaining != null || c.GroupVotes.Any()), ct))
            ModelState.AddModelError("Edit.ByVote", l["Durch Abstimmung: Mit diesem Ergebnis sind Stimmen festgehalten; es bleibt ein Ergebnis durch Abstimmung."]);
        if (kind.Version != edit.Version)
            ModelState.AddModelError("", l["Dieses Ergebnis wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind nicht gespeichert; unten steht der gespeicherte Stand."]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        ExpectVersion(db, kind, edit.Version);
        kind.Name = name;
        kind.IsDeciding = edit.IsDeciding;
        kind.ByVote = edit.ByVote;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", l["Dieses Ergebnis wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind nicht gespeichert; unten steht der gespeicherte Stand."]);
            await LoadAsync(ct);
            return Page();
        }
        return await SavedAsync(cache, l["Das Ergebnis „{0}“ wurde gespeichert.", name], CouncilText.ResultsUrl(Municipality.Slug));
    }

    public async Task<IActionResult> OnPostDeleteAsync(int kindId, CancellationToken ct)
    {
        var kind = await db.ConsultationResultKinds.FirstOrDefaultAsync(k => k.Id == kindId, ct);
        if (kind is null) return NotFound();
        var uses = await db.PaperConsultations.CountAsync(c => c.CustomResultId == kindId, ct);
        if (uses > 0)
        {
            ModelState.Clear();
            ModelState.AddModelError("", l["Das Ergebnis „{0}“ ist bei {1} festgehalten und kann deshalb nicht gelöscht werden.", kind.Name, l.Count(uses, "1 Beratung", "{0} Beratungen")]);
            await LoadAsync(ct);
            return Page();
        }
        db.ConsultationResultKinds.Remove(kind);
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, l["Das Ergebnis „{0}“ wurde gelöscht.", kind.Name], CouncilText.ResultsUrl(Municipality.Slug));
    }

    /// <summary>The trimmed name, or "" with a model error: required, not too long, not a built-in's name and not
    /// another own result's, compared without case.</summary>
    private async Task<string> CheckNameAsync(string field, string? input, int? self, CancellationToken ct)
    {
        var name = input?.Trim() ?? "";
        if (name.Length == 0) ModelState.AddModelError(field, l["Bitte geben Sie den Namen des Ergebnisses an."]);
        else if (name.Length > ConsultationResultKind.MaxNameLength) ModelState.AddModelError(field, l["Der Name darf höchstens {0} Zeichen lang sein.", ConsultationResultKind.MaxNameLength]);
        else if (ConsultationResults.BuiltIn.Any(r => string.Equals(CouncilText.Result(r), name, StringComparison.OrdinalIgnoreCase))
            || (await db.ConsultationResultKinds.Where(k => k.Id != (self ?? 0)).Select(k => k.Name).ToListAsync(ct)).Contains(name, StringComparer.OrdinalIgnoreCase))
            ModelState.AddModelError(field, l["Ein Ergebnis „{0}“ gibt es schon.", name]);
        return name;
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Own = await db.ConsultationResultKinds.AsNoTracking().OrderBy(k => k.Position).ThenBy(k => k.Id)
            .Select(k => new KindRow(k.Id, k.Name, k.IsDeciding, k.ByVote, k.Version, db.PaperConsultations.Count(c => c.CustomResultId == k.Id)))
            .ToListAsync(ct);
}
