using Planwerk.Infrastructure.Files;
using Planwerk.Infrastructure.Time;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Planwerk.Data;
using Planwerk.Features.Accounts;
using Planwerk.Features.Plans.Versions;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Mail;
using Planwerk.Infrastructure.RateLimiting;
using Planwerk.Infrastructure.Security;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Participation.Consultations;

/// <summary>Writing a statement in a round. The page is for signed-in people; whether this person may write
/// here (member of an invited organisation, or any resident when the round is open to residents) and whether
/// the round is open, to the second, is decided by the handler on every request, the POST included. The
/// statement and its attachments are saved together or not at all.</summary>
[Authorize(Policy = Policies.SignedIn)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
[EnableRateLimiting(RateLimits.ParticipationWrites)]
public sealed class NewStatementModel(
    PlanwerkDbContext db,
    MailSender mail,
    TimeProvider clock,
    IStringLocalizer<SharedResource> L,
    IOptions<ConsultationOptions> options,
    ILogger<NewStatementModel> logger) : PageModel
{
    /// <summary>Five attachments of the largest size and the text besides.</summary>
    public const long MaxRequestBytes = StatementAttachment.MaxPerStatement * StatementAttachment.MaxBytes + 2 * 1024 * 1024;

    public const string Personal = "personal";

    public sealed class StatementInput
    {
        public string? Target { get; set; }

        [StringLength(Statement.MaxQuoteLength, ErrorMessage = "Die zitierte Stelle darf höchstens {1} Zeichen lang sein.")]
        public string? Quote { get; set; }

        [Required(ErrorMessage = "Bitte schreiben Sie Ihre Stellungnahme.")]
        [StringLength(Statement.MaxTextLength, ErrorMessage = "Die Stellungnahme darf höchstens {1} Zeichen lang sein.")]
        public string? Text { get; set; }

        public string? OnBehalf { get; set; }

        public bool Consent { get; set; }
    }

    public StatementInput Input { get; private set; } = new();

    public ConsultationRound Round { get; private set; } = null!;

    public string VersionName { get; private set; } = "";

    public RoundState State { get; private set; }

    public Participation Participation { get; private set; } = Participation.None;

    public IReadOnlyList<TargetChoice> Targets { get; private set; } = [];

    public CurrentMunicipality Municipality => HttpContext.RequiredMunicipality();

    public string RoundUrl => string.Create(CultureInfo.InvariantCulture, $"/{Municipality.Slug}/consultations/{Round.Id}");

    public async Task<IActionResult> OnGetAsync(int roundId, string? target, int? @ref, CancellationToken ct)
    {
        if (await LoadAsync(roundId, ct) is { } refused) return refused;
        var preselected = Enum.TryParse<StatementTarget>(target, ignoreCase: true, out var t) ? TargetChoice.ValueOf(t, t == StatementTarget.WholePlan ? null : @ref) : null;
        Input = new StatementInput
        {
            Target = Targets.Any(c => c.Value == preselected) ? preselected : Targets.Count > 0 ? Targets[0].Value : null,
            OnBehalf = Participation.Organisations.Count > 0 ? Participation.Organisations[0].Id.ToString(CultureInfo.InvariantCulture) : Personal,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int roundId, [Bind(Prefix = "Input")] StatementInput input, List<IFormFile>? attachments, CancellationToken ct)
    {
        if (await LoadAsync(roundId, ct) is { } refused) return refused;
        Input = input;
        // The moment that counts is the moment the statement arrives, not when the form was loaded.
        var now = clock.GetUtcNow();
        if (State == RoundState.Closed)
            ModelState.AddModelError("", L["Die Beteiligungsrunde ist seit {0} (deutsche Zeit) geschlossen; Ihre Stellungnahme wurde nicht mehr angenommen. Ihr Text steht noch unten im Formular, damit Sie ihn sichern können.", BerlinTime.DateAndTime(Round.ClosesAt)]);
        else if (State == RoundState.Planned)
            ModelState.AddModelError("", L["Die Beteiligungsrunde ist noch nicht offen; Stellungnahmen sind ab {0} (deutsche Zeit) möglich.", BerlinTime.DateAndTime(Round.OpensAt)]);

        var choice = Targets.FirstOrDefault(c => c.Value == input.Target);
        if (choice is null) ModelState.AddModelError("Input.Target", L["Bitte wählen Sie, worauf sich die Stellungnahme bezieht."]);
        int? stakeholderId = null;
        string? organisation = null;
        if (input.OnBehalf == Personal && Participation.Personally)
        {
        }
        else if (int.TryParse(input.OnBehalf, NumberStyles.None, CultureInfo.InvariantCulture, out var sid) && Participation.Organisations.Any(o => o.Id == sid))
        {
            stakeholderId = sid;
            organisation = Participation.Organisations.First(o => o.Id == sid).Name;
        }
        else
        {
            ModelState.AddModelError("Input.OnBehalf", L["Bitte wählen Sie, für wen Sie die Stellungnahme abgeben."]);
        }
        var files = await ReadAttachmentsAsync(attachments ?? [], ct);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (ModelState.IsValid && files.Count > 0) await CheckStorageLimitsAsync(userId, files.Sum(f => f.Size), ct);
        if (!ModelState.IsValid) return Page();

        var author = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.Email }).SingleAsync(ct);
        var statement = new Statement
        {
            RoundId = Round.Id,
            ReceiptNumber = "",
            Target = choice!.Target,
            TargetRef = choice.Ref,
            TargetLabel = choice.Label,
            Quote = input.Quote?.Trim() ?? "",
            Text = input.Text!.Trim(),
            AuthorUserId = userId,
            AuthorName = author.DisplayName,
            StakeholderId = stakeholderId,
            ConsentToPublish = input.Consent,
            SubmittedAt = now,
            Attachments = files,
        };
        db.Statements.Add(statement);
        await SaveWithReceiptNumberAsync(statement, ct);

        if (!string.IsNullOrEmpty(author.Email))
        {
            var link = AccountMails.AbsoluteLink(Request, string.Create(CultureInfo.InvariantCulture, $"/{Municipality.Slug}/my-statements/{statement.Id}"));
            try
            {
                await mail.SendAsync(ConsultationMails.Receipt(L, author.Email, statement, Round.Title, Municipality.Name, organisation, link), ct);
            }
            catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ServiceNotConnectedException
                or MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException or InvalidOperationException)
            {
                // The statement is in; the receipt number is on the next page as well.
                logger.LogWarning(e, "Receipt {Receipt} could not be mailed", statement.ReceiptNumber);
            }
        }
        TempData["Notice"] = L["Ihre Stellungnahme ist eingegangen. Eingangsnummer: {0}. Eine Bestätigung wurde per E-Mail gesendet.", statement.ReceiptNumber].Value;
        return Redirect(string.Create(CultureInfo.InvariantCulture, $"/{Municipality.Slug}/my-statements/{statement.Id}"));
    }

    /// <summary>Counts the round's next receipt number and saves the statement with it, in one transaction.</summary>
    private async Task SaveWithReceiptNumberAsync(Statement statement, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        statement.ReceiptNumber = await ReceiptNumbers.NextAsync(db, statement.RoundId, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private async Task<List<StatementAttachment>> ReadAttachmentsAsync(List<IFormFile> uploads, CancellationToken ct)
    {
        var files = new List<StatementAttachment>();
        var chosen = uploads.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).ToList();
        if (chosen.Count > StatementAttachment.MaxPerStatement)
        {
            ModelState.AddModelError("attachments", L["Bitte hängen Sie höchstens {0} Dateien an.", StatementAttachment.MaxPerStatement]);
            return files;
        }
        foreach (var upload in chosen)
        {
            var name = DocumentTypes.CleanName(upload.FileName);
            if (upload.Length > StatementAttachment.MaxBytes)
            {
                ModelState.AddModelError("attachments", L["Die Datei „{0}“ ist größer als 10 MB.", name]);
                continue;
            }
            using var buffer = new MemoryStream();
            await upload.CopyToAsync(buffer, ct);
            var content = buffer.ToArray();
            var type = content.Length == 0 ? null : DocumentTypes.Recognise(content);
            if (type is null)
            {
                ModelState.AddModelError("attachments", L["Die Datei „{0}“ ist keine PDF-, DOCX- oder ODT-Datei (geprüft wird der Inhalt, nicht der Name).", name]);
                continue;
            }
            files.Add(new StatementAttachment { FileName = DocumentTypes.NameFor(name, type), ContentType = type, Size = content.Length, Content = content });
        }
        if (files.Count > 0 && !ModelState.IsValid)
            ModelState.AddModelError("attachments", L["Bitte wählen Sie die Anhänge erneut aus; aus Sicherheitsgründen behält der Browser sie nicht."]);
        return files;
    }

    /// <summary>Refuses attachments that would take this person's files in the round, or the round's files
    /// altogether, over the configured limits (<see cref="ConsultationOptions"/>); the message names the limit and
    /// what is left. Two submissions at the same moment may together pass a limit by one statement's files;
    /// the rate limit on participation writes keeps that small.</summary>
    private async Task CheckStorageLimitsAsync(string userId, long adding, CancellationToken ct)
    {
        var settings = options.Value;
        var inRound = db.StatementAttachments.AsNoTracking().Where(a => a.Statement!.RoundId == Round.Id);
        var mine = await inRound.Where(a => a.Statement!.AuthorUserId == userId).SumAsync(a => (long?)a.Size, ct) ?? 0;
        if (mine + adding > settings.MaxAttachmentBytesPerPersonAndRound)
        {
            ModelState.AddModelError("attachments", L["Ihre Anhänge in dieser Beteiligungsrunde dürfen zusammen höchstens {0} groß sein; frei sind noch {1}. Die Stellungnahme wurde nicht gespeichert.",
                FileSizes.Format(settings.MaxAttachmentBytesPerPersonAndRound), FileSizes.Format(Math.Max(0, settings.MaxAttachmentBytesPerPersonAndRound - mine))]);
            return;
        }
        var all = await inRound.SumAsync(a => (long?)a.Size, ct) ?? 0;
        if (all + adding > settings.MaxAttachmentBytesPerRound)
        {
            ModelState.AddModelError("attachments", L["Die Anhänge aller Stellungnahmen dieser Beteiligungsrunde dürfen zusammen höchstens {0} groß sein; frei sind noch {1}. Die Stellungnahme wurde nicht gespeichert; Sie können sie ohne Anhänge abgeben oder sich an das Planungsteam wenden.",
                FileSizes.Format(settings.MaxAttachmentBytesPerRound), FileSizes.Format(Math.Max(0, settings.MaxAttachmentBytesPerRound - all))]);
        }
    }

    /// <summary>Reads the round and what this person may do in it; null to go on, or the refusal.</summary>
    private async Task<IActionResult?> LoadAsync(int roundId, CancellationToken ct)
    {
        var row = await db.ConsultationRounds.AsNoTracking().Where(r => r.Id == roundId)
            .Select(r => new
            {
                Round = r, VersionName = r.PlanVersion!.Name,
                // The version's outline (titles and numbers), not its whole document with every text and image.
                Parts = db.PlanVersionParts.Where(VersionParts.IsOutline).Where(p => p.VersionId == r.PlanVersionId)
                    .Select(p => new VersionPartRow(p.Kind, p.Position, p.Key, p.Content)).ToList(),
            })
            .AsSingleQuery()
            .FirstOrDefaultAsync(ct);
        if (row is null) return NotFound();
        Round = row.Round;
        VersionName = row.VersionName;
        State = Round.StateAt(clock.GetUtcNow());
        Participation = await RoundAccess.ForAsync(db, Round, User.FindFirstValue(ClaimTypes.NameIdentifier), ct);
        if (!Participation.Any) return Forbid();
        Targets = StatementTargets.Of(VersionDocument.Of(VersionParts.Assemble(row.Parts)?.Plan
            ?? throw new System.Text.Json.JsonException("A version holds no plan document.")));
        return null;
    }
}
