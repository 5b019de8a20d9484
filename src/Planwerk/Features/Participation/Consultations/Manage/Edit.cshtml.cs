using Planwerk.Infrastructure.Time;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Mail;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Participation.Consultations.Manage;

/// <summary>Creates ("new") or edits a consultation round: title, description, the plan and its named version
/// consulted, the times (German time), the audience and the invited organisations; and mails the invited
/// organisations' members on request. Once statements exist the consulted plan and version stay.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class EditModel(
    PlanwerkDbContext db,
    IOutputCacheStore cache,
    MailSender mail,
    TimeProvider clock,
    IStringLocalizer<SharedResource> L,
    ILogger<EditModel> logger) : ManagePageModel
{
    public sealed class RoundInput
    {
        [Required(ErrorMessage = "Bitte geben Sie den Titel der Beteiligungsrunde an.")]
        [StringLength(ConsultationRound.MaxTitleLength, ErrorMessage = "Der Titel darf höchstens {1} Zeichen lang sein.")]
        public string? Title { get; set; }

        [StringLength(ConsultationRound.MaxDescriptionLength, ErrorMessage = "Die Beschreibung darf höchstens {1} Zeichen lang sein.")]
        public string? Description { get; set; }

        public int? PlanId { get; set; }

        public int? PlanVersionId { get; set; }

        public string? OpensAt { get; set; }

        public string? ClosesAt { get; set; }

        public RoundAudience Audience { get; set; }

        public List<int> Invited { get; set; } = [];

        public int Version { get; set; }
    }

    public sealed record PlanOption(int Id, string Title, IReadOnlyList<(int Id, string Name)> Versions);

    public sealed record OrganisationOption(int Id, string Name, StakeholderKind Kind, int Members);

    public RoundInput Input { get; private set; } = new();

    public int? RoundId { get; private set; }

    public string StoredTitle { get; private set; } = "";

    public int StatementCount { get; private set; }

    public IReadOnlyList<PlanOption> Plans { get; private set; } = [];

    public IReadOnlyList<OrganisationOption> Organisations { get; private set; } = [];

    public string PageUrl => RoundId is int id ? ManageUrl(string.Create(CultureInfo.InvariantCulture, $"/consultations/{id}")) : ManageUrl("/consultations/new");

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id)) return NotFound();
        await LoadChoicesAsync(ct);
        if (id is null)
        {
            // A new round opens tomorrow morning and runs four weeks, to be adjusted.
            var tomorrow = BerlinTime.ToLocal(clock.GetUtcNow()).Date.AddDays(1).AddHours(9);
            Input = new RoundInput
            {
                PlanId = Plans.FirstOrDefault(p => p.Versions.Count > 0)?.Id,
                OpensAt = tomorrow.ToString(BerlinTime.InputFormat, CultureInfo.InvariantCulture),
                ClosesAt = tomorrow.AddDays(28).ToString(BerlinTime.InputFormat, CultureInfo.InvariantCulture),
            };
            return Page();
        }
        if (await FindAsync(id.Value, ct) is not { } round) return NotFound();
        Input = ToInput(round);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, [Bind(Prefix = "Input")] RoundInput input, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id)) return NotFound();
        Input = input;
        await LoadChoicesAsync(ct);
        var round = id is null ? null : await FindAsync(id.Value, ct);
        if (id is not null && round is null) return NotFound();

        NameTheChoice("Input.Audience", L["Bitte wählen Sie aus, wer sich beteiligen kann."]);
        NameTheChoice("Input.PlanId", L["Bitte wählen Sie den Plan aus der Liste."]);
        NameTheChoice("Input.PlanVersionId", L["Bitte wählen Sie die Fassung aus der Liste."]);
        if (!Enum.IsDefined(input.Audience) && !ModelState.ContainsKey("Input.Audience"))
            ModelState.AddModelError("Input.Audience", L["Bitte wählen Sie aus, wer sich beteiligen kann."]);
        var plan = Plans.FirstOrDefault(p => p.Id == input.PlanId);
        if (plan is null) ModelState.AddModelError("Input.PlanId", L["Bitte wählen Sie den Plan, der beteiligt wird."]);
        if (input.PlanVersionId is null)
            ModelState.AddModelError("Input.PlanVersionId", L["Bitte wählen Sie die benannte Fassung, die beteiligt wird. Eine Fassung legen Sie in der Verwaltung des Plans unter „Fassungen“ an."]);
        else if (plan is not null && plan.Versions.All(v => v.Id != input.PlanVersionId))
            ModelState.AddModelError("Input.PlanVersionId", L["Die gewählte Fassung gehört nicht zum Plan „{0}“.", plan.Title]);
        var opens = BerlinTime.Parse(input.OpensAt);
        var closes = BerlinTime.Parse(input.ClosesAt);
        if (opens is null) ModelState.AddModelError("Input.OpensAt", L["Bitte geben Sie den Beginn als Datum und Uhrzeit zwischen 1900 und 2100 an, z. B. 2018-01-08T09:00."]);
        if (closes is null) ModelState.AddModelError("Input.ClosesAt", L["Bitte geben Sie das Ende als Datum und Uhrzeit zwischen 1900 und 2100 an, z. B. 2018-02-05T18:00."]);
        if (opens is not null && closes is not null && closes <= opens)
            ModelState.AddModelError("Input.ClosesAt", L["Das Ende muss nach dem Beginn liegen."]);
        var invited = input.Invited.Distinct().ToList();
        if (invited.Any(i => Organisations.All(o => o.Id != i)))
            ModelState.AddModelError("Input.Invited", L["Bitte wählen Sie nur Organisationen aus der Liste."]);
        if (round is not null && StatementCount > 0 && (round.PlanId != input.PlanId || round.PlanVersionId != input.PlanVersionId))
            ModelState.AddModelError("Input.PlanVersionId", L["Zu dieser Runde gibt es schon Stellungnahmen; der Plan und die beteiligte Fassung können deshalb nicht mehr geändert werden."]);
        if (round is not null && round.Version != input.Version) ShowConflict(round);
        if (!ModelState.IsValid || Conflict is not null) return Page();

        if (round is null)
        {
            round = new ConsultationRound { Title = "", CreatedAt = clock.GetUtcNow() };
            db.ConsultationRounds.Add(round);
        }
        else
        {
            ExpectVersion(db, round, input.Version);
            // Checked and counted even when only the invitations change.
            db.Entry(round).Property(r => r.Version).IsModified = true;
            // A later close gets its own reminder.
            if (closes > round.ClosesAt) round.ReminderSentAt = null;
        }
        round.Title = input.Title!.Trim();
        round.Description = input.Description?.Trim() ?? "";
        round.PlanId = input.PlanId!.Value;
        round.PlanVersionId = input.PlanVersionId!.Value;
        round.OpensAt = opens!.Value;
        round.ClosesAt = closes!.Value;
        round.Audience = input.Audience;
        round.InvitedStakeholders.RemoveAll(i => !invited.Contains(i.StakeholderId));
        foreach (var stakeholderId in invited.Where(i => round.InvitedStakeholders.All(x => x.StakeholderId != i)))
            round.InvitedStakeholders.Add(new RoundInvitedStakeholder { StakeholderId = stakeholderId });

        return await SaveEditAsync(db, cache, reason: null,
            save: () => db.SaveChangesAsync(ct),
            reload: () => FindAsync(id!.Value, ct),
            showConflict: ShowConflict,
            saved: () => (L["„{0}“ wurde gespeichert.", round.Title],
                ManageUrl(string.Create(CultureInfo.InvariantCulture, $"/consultations/{round.Id}"))));
    }

    /// <summary>Mails every member of the invited organisations the round's times and its address.</summary>
    public async Task<IActionResult> OnPostNotifyAsync(string key, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id) || id is null || await FindAsync(id.Value, ct) is not { } round) return NotFound();
        var recipients = await db.StakeholderMembers.AsNoTracking()
            .Where(m => db.RoundInvitedStakeholders.Any(i => i.RoundId == round.Id && i.StakeholderId == m.StakeholderId)
                && m.User!.Email != null && m.User.EmailConfirmed)
            .OrderBy(m => m.Id)
            .Select(m => new { Organisation = m.Stakeholder!.Name, m.User!.Email })
            .ToListAsync(ct);
        var link = AccountMails.AbsoluteLink(Request, string.Create(CultureInfo.InvariantCulture, $"/{Municipality.Slug}/consultations/{round.Id}"));
        var sent = 0;
        recipients = recipients.DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase).ToList();
        foreach (var person in recipients)
        {
            try
            {
                await mail.SendAsync(ConsultationMails.Invitation(L, person.Email!, round.Title, Municipality.Name, person.Organisation, round.OpensAt, round.ClosesAt, link), ct);
                sent++;
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ServiceNotConnectedException
                or MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException or InvalidOperationException)
            {
                logger.LogWarning(e, "Round invitation to {Recipient} could not be sent", person.Email);
            }
        }
        TempData[NoticeKey] = sent == recipients.Count
            ? L["Die Einladung wurde an {0} Personen gesendet.", sent].Value
            : L["Die Einladung wurde an {0} von {1} Personen gesendet; die übrigen E-Mails konnten nicht gesendet werden.", sent, recipients.Count].Value;
        return Redirect(PageUrl);
    }

    private static RoundInput ToInput(ConsultationRound r) => new()
    {
        Title = r.Title,
        Description = r.Description,
        PlanId = r.PlanId,
        PlanVersionId = r.PlanVersionId,
        OpensAt = BerlinTime.ToInput(r.OpensAt),
        ClosesAt = BerlinTime.ToInput(r.ClosesAt),
        Audience = r.Audience,
        Invited = r.InvitedStakeholders.Select(i => i.StakeholderId).ToList(),
        Version = r.Version,
    };

    private void ShowConflict(ConsultationRound stored)
    {
        ModelState.AddModelError("", L["Diese Beteiligungsrunde wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        string VersionName(int? versionId) => Plans.SelectMany(p => p.Versions).FirstOrDefault(v => v.Id == versionId).Name ?? "";
        string Names(IEnumerable<int> ids) => string.Join(", ", Organisations.Where(o => ids.Contains(o.Id)).Select(o => o.Name));
        Conflict = new EditConflict()
            .Compare(L["Titel"], Input.Title, stored.Title)
            .Compare(L["Beschreibung"], Input.Description, stored.Description)
            .Compare(L["Fassung"], VersionName(Input.PlanVersionId), VersionName(stored.PlanVersionId))
            .Compare(L["Beginn"], Input.OpensAt, BerlinTime.ToInput(stored.OpensAt))
            .Compare(L["Ende"], Input.ClosesAt, BerlinTime.ToInput(stored.ClosesAt))
            .Compare(L["Wer kann sich beteiligen?"], L[RoundText.Audience(Input.Audience)], L[RoundText.Audience(stored.Audience)])
            .Compare(L["Eingeladene Organisationen"], Names(Input.Invited), Names(stored.InvitedStakeholders.Select(i => i.StakeholderId)));
        ModelState.Remove("Input.Version");
        Input.Version = stored.Version;
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var plans = await db.Plans.AsNoTracking().OrderBy(p => p.Title).Select(p => new { p.Id, p.Title }).ToListAsync(ct);
        var versions = await db.PlanVersions.AsNoTracking().Select(v => new { v.Id, v.PlanId, v.Name, v.CreatedAt }).ToListAsync(ct);
        Plans = plans.Select(p => new PlanOption(p.Id, p.Title, versions.Where(v => v.PlanId == p.Id)
            .OrderByDescending(v => v.CreatedAt).ThenByDescending(v => v.Id).Select(v => (v.Id, v.Name)).ToList())).ToList();
        Organisations = await db.Stakeholders.AsNoTracking().OrderBy(s => s.Name)
            .Select(s => new OrganisationOption(s.Id, s.Name, s.Kind, s.Members.Count)).ToListAsync(ct);
    }

    private async Task<ConsultationRound?> FindAsync(int id, CancellationToken ct)
    {
        var round = await db.ConsultationRounds.Include(r => r.InvitedStakeholders).FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return null;
        RoundId = id;
        StoredTitle = round.Title;
        StatementCount = await db.Statements.CountAsync(s => s.RoundId == id, ct);
        if (Plans.Count == 0) await LoadChoicesAsync(ct);
        return round;
    }
}
