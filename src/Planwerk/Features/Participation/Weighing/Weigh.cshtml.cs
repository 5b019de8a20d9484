using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Features.Plans.History;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Participation.Weighing;

/// <summary>The weighing of one statement: the plan team reads it (target, quote, text, attachments,
/// submitter, receipt); plan editors record the outcome, the reasons and the plan changes it caused
/// (history records of the round's plan since the round opened). Allowed from submission on, so the team
/// may start while the round is still open; only publication waits for the close.</summary>
[Authorize(Policy = Policies.PlanTeam)]
public sealed class WeighModel(
    PlanwerkDbContext db,
    IOutputCacheStore cache,
    IAuthorizationService authorization,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : ManagePageModel
{
    /// <summary>The most plan changes offered for linking; the newest first.</summary>
    public const int MaxCandidates = 200;

    public sealed class WeighInput
    {
        public WeighingOutcome? Outcome { get; set; }
        public string? Reasons { get; set; }
        public List<long> ChangeIds { get; set; } = [];
        public int Version { get; set; }
    }

    public sealed record AttachmentRow(int Id, string FileName, long Size);

    public WeighInput Input { get; private set; } = new();

    public Statement Statement { get; private set; } = null!;

    public WeighingRound Round { get; private set; } = null!;

    public string? Organisation { get; private set; }

    public IReadOnlyList<AttachmentRow> Attachments { get; private set; } = [];

    /// <summary>The plan changes that may be linked: those of the statement's target (or, with
    /// <see cref="ShowAll"/> or when the target has none, all of the plan) since the round opened, and
    /// every change already linked.</summary>
    public IReadOnlyList<LinkedChange> Candidates { get; private set; } = [];

    public bool ShowAll { get; private set; }

    /// <summary>True when the target had no changes of its own and all of the plan's are offered.</summary>
    public bool FellBackToAll { get; private set; }

    public bool CanEdit { get; private set; }

    public async Task<IActionResult> OnGetAsync(int statementId, bool all, CancellationToken ct)
    {
        if (!await LoadAsync(statementId, all, ct)) return NotFound();
        Input = new WeighInput
        {
            Outcome = Statement.Outcome,
            Reasons = Statement.Reasons,
            ChangeIds = Statement.ChangeLinks.Select(c => c.ChangeRecordId).ToList(),
            Version = Statement.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int statementId, bool all, [Bind(Prefix = "Input")] WeighInput input, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.PlanEditor)).Succeeded) return Forbid();
        if (!await LoadAsync(statementId, all, ct)) return NotFound();
        Input = input;
        NameTheChoice("Input.Outcome", l["Bitte wählen Sie das Ergebnis aus der Liste."]);
        var unreadable = ModelState.TryGetValue("Input.Outcome", out var entry) && entry.Errors.Count > 0;
        if (input.Outcome is null && !unreadable)
            ModelState.AddModelError("Input.Outcome", l["Bitte wählen Sie das Ergebnis der Abwägung."]);
        else if (input.Outcome is { } o && !Enum.IsDefined(o))
            ModelState.AddModelError("Input.Outcome", l["Bitte wählen Sie das Ergebnis aus der Liste."]);
        var reasons = input.Reasons?.Trim() ?? "";
        if (reasons.Length == 0 && input.Outcome is not (null or WeighingOutcome.Noted))
            ModelState.AddModelError("Input.Reasons", l["Bitte begründen Sie das Ergebnis. Nur bei „zur Kenntnis genommen“ darf die Begründung fehlen."]);
        if (reasons.Length > Statement.MaxReasonsLength)
            ModelState.AddModelError("Input.Reasons", l["Die Begründung darf höchstens {0} Zeichen lang sein.", Statement.MaxReasonsLength]);
        var wanted = input.ChangeIds.Distinct().ToList();
        var valid = await db.ChangeRecords.AsNoTracking().Where(r => r.PlanId == Round.PlanId && wanted.Contains(r.Id)).Select(r => r.Id).ToListAsync(ct);
        if (valid.Count != wanted.Count)
            ModelState.AddModelError("Input.ChangeIds", l["Bitte wählen Sie nur Änderungen dieses Plans."]);
        if (Statement.Version != input.Version) ShowConflict(Statement);
        if (!ModelState.IsValid || Conflict is not null) return Page();

        ExpectVersion(db, Statement, input.Version);
        Statement.Outcome = input.Outcome;
        Statement.Reasons = reasons;
        // Every save sets the time, so the statement's version (which guards the links too) always moves.
        Statement.WeighedAt = clock.GetUtcNow();
        Statement.WeighedByUserId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        Statement.WeighedByName = await db.Users.Where(u => u.Id == Statement.WeighedByUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        foreach (var link in Statement.ChangeLinks.Where(c => !wanted.Contains(c.ChangeRecordId)).ToList())
            db.StatementChangeLinks.Remove(link);
        foreach (var id in wanted.Where(id => Statement.ChangeLinks.All(c => c.ChangeRecordId != id)))
            db.StatementChangeLinks.Add(new StatementChangeLink { StatementId = Statement.Id, ChangeRecordId = id });

        var receipt = Statement.ReceiptNumber;
        var roundId = Statement.RoundId;
        return await SaveEditAsync(db, cache, reason: null,
            save: () => db.SaveChangesAsync(ct),
            reload: async () => await LoadAsync(statementId, all, ct) ? Statement : null,
            showConflict: ShowConflict,
            saved: () => (l["Die Abwägung der Stellungnahme {0} wurde gespeichert.", receipt],
                WeighingText.RoundUrl(Municipality.Slug, roundId) + "#statement-" + statementId.ToString(CultureInfo.InvariantCulture)));
    }

    private void ShowConflict(Statement stored)
    {
        ModelState.AddModelError("", l["Diese Stellungnahme wurde inzwischen von jemand anderem abgewogen. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        string Outcome(WeighingOutcome? o) => o is { } v ? l[WeighingText.Outcome(v)] : "";
        string Links(IEnumerable<long> ids) => string.Join(", ", ids.Order().Select(i => "#" + i.ToString(CultureInfo.InvariantCulture)));
        Conflict = new EditConflict()
            .Compare(l["Ergebnis"], Outcome(Input.Outcome), Outcome(stored.Outcome))
            .Compare(l["Begründung"], Input.Reasons?.Trim(), stored.Reasons)
            .Compare(l["Planänderungen"], Links(Input.ChangeIds.Distinct()), Links(stored.ChangeLinks.Select(c => c.ChangeRecordId)))
            .Compare(l["Abgewogen von"], "", stored.WeighedAt is { } at ? $"{stored.WeighedByName}, {WeighingText.Time(at)}" : "");
        ModelState.Remove("Input.Version");
        Input.Version = stored.Version;
    }

    private async Task<bool> LoadAsync(int statementId, bool all, CancellationToken ct)
    {
        var statement = await db.Statements.Include(s => s.ChangeLinks).FirstOrDefaultAsync(s => s.Id == statementId, ct);
        if (statement is null || await WeighingReads.RoundAsync(db, statement.RoundId, ct) is not { } round) return false;
        Statement = statement;
        Round = round;
        ShowAll = all;
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.PlanEditor)).Succeeded;
        Organisation = statement.StakeholderId is int sid ? await db.Stakeholders.Where(s => s.Id == sid).Select(s => s.Name).FirstOrDefaultAsync(ct) : null;
        Attachments = await db.StatementAttachments.AsNoTracking().Where(a => a.StatementId == statementId).OrderBy(a => a.Id)
            .Select(a => new AttachmentRow(a.Id, a.FileName, a.Size)).ToListAsync(ct);

        var since = db.ChangeRecords.AsNoTracking().Where(r => r.PlanId == round.PlanId && r.At >= round.OpensAt);
        var linked = statement.ChangeLinks.Select(c => c.ChangeRecordId).ToList();
        var records = all ? null : await TargetRecordsAsync(since, statement, round.PlanId, linked, ct);
        if (records is null || records.Count == 0)
        {
            FellBackToAll = !all;
            records = await since.Union(db.ChangeRecords.AsNoTracking().Where(r => r.PlanId == round.PlanId && linked.Contains(r.Id)))
                .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(MaxCandidates)
                .Select(r => new LinkedChange(r.Id, r.At, r.UserName, r.EntityType, r.EntityLabel, r.Action, r.Reason)).ToListAsync(ct);
        }
        var fields = await LinkedChange.FieldsAsync(db, records.Select(r => r.Id).ToList(), ct);
        Candidates = records.Select(r => r with { Fields = fields[r.Id].ToList() }).ToList();
        return true;
    }

    /// <summary>The changes of the statement's target since the round opened, with those already linked;
    /// null for the whole plan (all changes are its changes).</summary>
    private async Task<List<LinkedChange>?> TargetRecordsAsync(IQueryable<ChangeRecord> since, Statement statement, int planId, List<long> linked, CancellationToken ct)
    {
        IQueryable<ChangeRecord> target;
        switch (statement.Target)
        {
            case StatementTarget.Measure:
                var measures = db.Measures.Where(m => m.PlanId == planId && m.Key == statement.TargetRef).Select(m => m.Id);
                target = since.Where(r => r.EntityType == ChangeEntityTypes.Measure && measures.Contains(r.EntityId));
                break;
            case StatementTarget.FieldOfAction:
                var fields = db.FieldsOfAction.Where(f => f.PlanId == planId && f.Number == statement.TargetRef).Select(f => f.Id);
                var ofFields = db.Measures.Where(m => m.PlanId == planId && fields.Contains(m.FieldOfActionId)).Select(m => m.Id);
                target = since.Where(r => (r.EntityType == ChangeEntityTypes.FieldOfAction && fields.Contains(r.EntityId))
                    || (r.EntityType == ChangeEntityTypes.Measure && ofFields.Contains(r.EntityId)));
                break;
            case StatementTarget.Section:
                var position = statement.TargetRef ?? 0;
                var section = await db.PlanSections.AsNoTracking().Where(s => s.PlanId == planId).OrderBy(s => s.Position).ThenBy(s => s.Id)
                    .Skip(Math.Max(position - 1, 0)).Select(s => (int?)s.Id).FirstOrDefaultAsync(ct);
                target = since.Where(r => r.EntityType == ChangeEntityTypes.Section && r.EntityId == section);
                break;
            default:
                return null;
        }
        var records = await target.Union(db.ChangeRecords.AsNoTracking().Where(r => r.PlanId == planId && linked.Contains(r.Id)))
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(MaxCandidates)
            .Select(r => new LinkedChange(r.Id, r.At, r.UserName, r.EntityType, r.EntityLabel, r.Action, r.Reason)).ToListAsync(ct);
        return records;
    }

    public string OverviewUrl => WeighingText.RoundUrl(Municipality.Slug, Statement.RoundId);

    public string AttachmentUrl(int attachmentId) =>
        string.Create(CultureInfo.InvariantCulture, $"/{Municipality.Slug}/statements/{Statement.Id}/attachments/{attachmentId}");

    public string PageUrl(bool all) => WeighingText.WeighUrl(Municipality.Slug, Statement.Id) + (all ? "?all=true" : "");
}
