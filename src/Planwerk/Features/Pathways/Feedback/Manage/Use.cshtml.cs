using System.Globalization;
using System.Security.Claims;
using System.Text;
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

namespace Planwerk.Features.Pathways.Feedback.Manage;

/// <summary>Taking approved feedback into the next plan. The plan team selects approved texts and either (a) takes them
/// into a consultation round of one of the municipality's plans as one statement of the plan team, holding each text
/// with its step, pathway and reason (the texts remember the statement and round; the weighing page names where the
/// statement came from), or (b) names them as the reasoning of a recorded change of a measure (the texts remember the
/// change; its page lists them). All or nothing: a selection with one text that cannot be taken changes nothing.
/// Reading is for the plan team; taking needs a plan editor, as weighing does.</summary>
[Authorize(Policy = Policies.PlanTeam)]
public sealed class UseModel(
    PlanwerkDbContext db,
    IOutputCacheStore cache,
    IAuthorizationService authorization,
    TimeProvider clock,
    IStringLocalizer<SharedResource> L) : ManagePageModel
{
    /// <summary>The most recorded measure changes offered; the newest first.</summary>
    public const int MaxChanges = 100;

    public sealed record RoundChoice(int Id, string Title, string PlanTitle);

    public sealed record ChangeChoice(long Id, string Label);

    public IReadOnlyList<FeedbackNote> Notes { get; private set; } = [];

    public IReadOnlyList<RoundChoice> Rounds { get; private set; } = [];

    public IReadOnlyList<ChangeChoice> Changes { get; private set; } = [];

    public IReadOnlySet<int> Selected { get; private set; } = new HashSet<int>();

    public int? SelectedRoundId { get; private set; }

    public long? SelectedChangeId { get; private set; }

    public bool CanTake { get; private set; }

    /// <summary>Only the texts taken into this statement (the weighing page's link back).</summary>
    public int? StatementFilter { get; private set; }

    public async Task OnGetAsync(int? statement, CancellationToken ct)
    {
        StatementFilter = statement;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostRoundAsync(List<int>? noteIds, int? roundId, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.PlanEditor)).Succeeded) return Forbid();
        Selected = (noteIds ?? []).ToHashSet();
        SelectedRoundId = roundId;
        var notes = await SelectedNotesAsync(ct);
        var round = roundId is int id
            ? await db.ConsultationRounds.Include(r => r.Plan).FirstOrDefaultAsync(r => r.Id == id, ct)
            : null;
        if (round is null) ModelState.AddModelError("roundId", L["Bitte wählen Sie eine Beteiligungsrunde dieser Kommune."]);
        else if (round.WeighingPublishedAt is not null)
            ModelState.AddModelError("roundId", L["Die Abwägung dieser Beteiligungsrunde ist schon veröffentlicht; sie nimmt keine Stellungnahmen mehr auf."]);
        if (notes is not null && notes.Any(n => n.StatementId is not null))
            ModelState.AddModelError("noteIds", L["Mindestens eine gewählte Rückmeldung ist schon in eine Beteiligungsrunde übernommen."]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }

        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var name = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(ct);
        var shown = await FeedbackReads.Notes(db.StepFeedback.AsNoTracking().Where(f => Selected.Contains(f.Id)).OrderBy(f => f.CreatedAt).ThenBy(f => f.Id), db).ToListAsync(ct);
        var planTitle = round!.Plan?.Title ?? "";
        var statement = new Statement
        {
            RoundId = round.Id,
            ReceiptNumber = "",
            Target = StatementTarget.WholePlan,
            TargetLabel = Cut("Gesamter Plan: " + planTitle, 300),
            Text = StatementText(shown),
            AuthorUserId = userId,
            AuthorName = Cut("Planungsteam (" + name + ")", 200),
            // The texts were written knowing the city reads them before anyone else; they are anonymous and approved.
            ConsentToPublish = true,
            SubmittedAt = clock.GetUtcNow(),
        };
        // One transaction: the statement and every text's link to it, or nothing.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        statement.ReceiptNumber = await ReceiptNumbers.NextAsync(db, round.Id, ct);
        db.Statements.Add(statement);
        await db.SaveChangesAsync(ct);
        foreach (var note in notes!)
        {
            note.StatementId = statement.Id;
            note.ConsultationRoundId = round.Id;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await SavedAsync(cache, L["{0} Rückmeldungen sind als Stellungnahme {1} in die Beteiligungsrunde „{2}“ übernommen.", notes.Count, statement.ReceiptNumber, round.Title],
            ManageUrl(string.Create(CultureInfo.InvariantCulture, $"/statements/{statement.Id}/weigh")));
    }

    public async Task<IActionResult> OnPostChangeAsync(List<int>? noteIds, long? changeId, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.PlanEditor)).Succeeded) return Forbid();
        Selected = (noteIds ?? []).ToHashSet();
        SelectedChangeId = changeId;
        var notes = await SelectedNotesAsync(ct);
        var change = changeId is long id
            ? await db.ChangeRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.EntityType == ChangeEntityTypes.Measure, ct)
            : null;
        if (change is null || change.Id > int.MaxValue) ModelState.AddModelError("changeId", L["Bitte wählen Sie eine Änderung einer Maßnahme dieser Kommune."]);
        if (notes is not null && notes.Any(n => n.ChangeRecordId is not null))
            ModelState.AddModelError("noteIds", L["Mindestens eine gewählte Rückmeldung begründet schon eine Planänderung."]);
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        foreach (var note in notes!) note.ChangeRecordId = (int)change!.Id;
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, L["{0} Rückmeldungen begründen jetzt die Änderung „{1}“.", notes.Count, change!.EntityLabel],
            ManageUrl(string.Create(CultureInfo.InvariantCulture, $"/pathways/feedback/changes/{change.Id}")));
    }

    /// <summary>The selected texts, tracked, when each is an approved text of this municipality; otherwise null with the
    /// reason in the model state.</summary>
    private async Task<List<StepFeedback>?> SelectedNotesAsync(CancellationToken ct)
    {
        if (Selected.Count == 0)
        {
            ModelState.AddModelError("noteIds", L["Bitte wählen Sie mindestens eine Rückmeldung."]);
            return null;
        }
        var notes = await db.StepFeedback.Where(f => Selected.Contains(f.Id)).ToListAsync(ct);
        if (notes.Count != Selected.Count || notes.Any(n => n.State != FeedbackState.Approved || n.Text.Length == 0))
        {
            ModelState.AddModelError("noteIds", L["Nur freigegebene Texte dieser Kommune lassen sich übernehmen; die Auswahl enthält andere. Es ist nichts übernommen."]);
            return null;
        }
        return notes;
    }

    /// <summary>The statement's Markdown: a line saying where it came from, then each text as a quote under its step,
    /// pathway and reason. The people's words are escaped, so they stay words.</summary>
    public static string StatementText(IReadOnlyList<FeedbackNote> notes)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Rückmeldungen zu Integrationswegen ({notes.Count}), vom Planungsteam als Eingabe übernommen. ")
            .Append("Menschen haben auf den veröffentlichten Integrationswegen anonym gesagt, ob ein Schritt für sie geklappt hat und was schiefging.\n");
        foreach (var n in notes)
        {
            sb.Append("\n**Schritt: ").Append(FeedbackText.EscapeMarkdown(n.StepTitle)).Append("**");
            if (n.PathwayTitle.Length > 0) sb.Append(" (Integrationsweg: ").Append(FeedbackText.EscapeMarkdown(n.PathwayTitle)).Append(')');
            sb.Append(" – ").Append(n.Worked ? "hat geklappt" : "hat nicht geklappt");
            if (!n.Worked && n.Problem != StepProblem.None) sb.Append(": ").Append(FeedbackText.ProblemShort(n.Problem));
            sb.Append(CultureInfo.InvariantCulture, $" (Rückmeldung Nr. {n.Id}, {Infrastructure.Time.BerlinTime.Date(n.CreatedAt)})\n\n");
            foreach (var line in n.Text.Split('\n')) sb.Append("> ").Append(FeedbackText.EscapeMarkdown(line)).Append('\n');
        }
        return Cut(sb.ToString(), Statement.MaxTextLength);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private async Task LoadAsync(CancellationToken ct)
    {
        CanTake = (await authorization.AuthorizeAsync(User, Policies.PlanEditor)).Succeeded;
        var approved = db.StepFeedback.AsNoTracking().Where(f => f.State == FeedbackState.Approved && f.Text != "");
        if (StatementFilter is int statementId) approved = approved.Where(f => f.StatementId == statementId);
        Notes = await FeedbackReads.Notes(approved.OrderByDescending(f => f.CreatedAt).ThenByDescending(f => f.Id), db).ToListAsync(ct);
        Rounds = await db.ConsultationRounds.AsNoTracking().Where(r => r.WeighingPublishedAt == null)
            .OrderByDescending(r => r.OpensAt).ThenByDescending(r => r.Id)
            .Select(r => new RoundChoice(r.Id, r.Title, r.Plan!.Title)).ToListAsync(ct);
        var changes = await db.ChangeRecords.AsNoTracking().Where(r => r.EntityType == ChangeEntityTypes.Measure)
            .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(MaxChanges)
            .Select(r => new LinkedChange(r.Id, r.At, r.UserName, r.EntityType, r.EntityLabel, r.Action, r.Reason)).ToListAsync(ct);
        Changes = changes.Select(c => new ChangeChoice(c.Id, c.Line(L))).ToList();
    }
}
