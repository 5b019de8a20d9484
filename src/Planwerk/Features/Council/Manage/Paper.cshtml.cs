using System.ComponentModel.DataAnnotations;
using Planwerk.Infrastructure.Files;
using Planwerk.Features.Plans.History;
using Planwerk.Infrastructure.Time;
using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Council.Manage;

/// <summary>A council paper (Vorlage) and everything recorded about it: its files, its consultations in order
/// (Beratungsfolge) with their results and votes, who brought it in, and its amendments. An amendment is a paper of its
/// own that names the paper it amends: it has its reference, files and consultations with results and votes like any
/// paper, and on its page the clerk links the plan changes it made. Recording the decisive result adopts the paper's
/// plan (<see cref="CouncilResolution"/>).</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class PaperModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> l) : CouncilPageModel
{
    /// <summary>What came from the council information system is not changed here (<see cref="OParlImport.ImportedCouncilObjects"/>).</summary>
    public override Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next) =>
        base.OnPageHandlerExecutionAsync(context, async () => (await OParlImport.ImportedCouncilObjects.GuardAsync(this, context, next, OParlImport.ImportedKind.Paper, "key"))!);

    /// <summary>The most plan changes offered for linking to an amendment; the newest first.</summary>
    public const int MaxCandidates = 200;

    public sealed class PaperInput
    {
        public string? Reference { get; set; }
        public bool ReferenceIsExample { get; set; }
        public string? Name { get; set; }
        public string? PaperType { get; set; }
        [Display(Name = "Datum")]
        [Range(typeof(DateOnly), BerlinTime.DateMin, BerlinTime.DateMax, ErrorMessage = BerlinTime.OutOfRange, ParseLimitsInInvariantCulture = true)]
        public DateOnly? Date { get; set; }
        public int? PlanId { get; set; }
        public int? PlanVersionId { get; set; }
        /// <summary>The paper this one is a revised version (Neufassung) of.</summary>
        public int? ReplacesPaperId { get; set; }
        /// <summary>For an amendment: the paper it amends.</summary>
        public int? AmendsPaperId { get; set; }
        /// <summary>The body or group that brought the paper in; none for the administration.</summary>
        public int? OriginatorBodyId { get; set; }
        public string? ResolutionText { get; set; }
        public int Version { get; set; }
    }

    public sealed class FileInput
    {
        public string? Name { get; set; }
        [Display(Name = "Datum des Dokuments")]
        [Range(typeof(DateOnly), BerlinTime.DateMin, BerlinTime.DateMax, ErrorMessage = BerlinTime.OutOfRange, ParseLimitsInInvariantCulture = true)]
        public DateOnly? DocumentDate { get; set; }
        public IFormFile? Upload { get; set; }
    }

    public sealed class ConsultationInput
    {
        public int BodyId { get; set; }
        public int? MeetingId { get; set; }
        public int? AgendaItemId { get; set; }
        public ConsultationRole Role { get; set; }
        /// <summary>The consultation this one follows up (a postponed one): it goes right after it on the path.</summary>
        public int? After { get; set; }
    }

    public sealed class ResultInput
    {
        public int ConsultationId { get; set; }
        /// <summary>A built-in result's name, or "custom-" and the id of the municipality's own (<see cref="ConsultationResults.TryParse"/>).</summary>
        public string? Result { get; set; }
        public List<GroupInput> Groups { get; set; } = [];
        public int? VotesFor { get; set; }
        public int? VotesAgainst { get; set; }
        public int? VotesAbstaining { get; set; }
        public int Version { get; set; }
    }

    public sealed class GroupInput
    {
        public string? Name { get; set; }
        public int? VotesFor { get; set; }
        public int? VotesAgainst { get; set; }
        public int? VotesAbstaining { get; set; }
    }

    /// <summary>The most group rows a consultation's form takes.</summary>
    public const int MaxGroups = 30;

    /// <summary>Empty group rows offered below the recorded ones, to fill without script.</summary>
    public const int EmptyGroupRows = 3;

    /// <summary>The plan changes an amendment made, checked against the amendment's version.</summary>
    public sealed class ChangesInput
    {
        public List<long> ChangeIds { get; set; } = [];
        public int Version { get; set; }
    }

    public sealed record Choice(int Id, string Text, int? GroupId = null);

    public PaperInput Input { get; private set; } = new();

    public FileInput NewFile { get; private set; } = new();

    public ConsultationInput NewConsultation { get; private set; } = new();

    /// <summary>The result form that came back with errors, to show its input again.</summary>
    public ResultInput? FailedResult { get; private set; }

    /// <summary>The plan-changes form that came back with errors, to show its input again.</summary>
    public ChangesInput? FailedChanges { get; private set; }

    /// <summary>The amendments to this paper, with their results (<see cref="PaperAmendments"/>).</summary>
    public IReadOnlyList<PaperAmendments.Row> Amendments { get; private set; } = [];

    /// <summary>The papers an amendment may amend: the others that are not amendments themselves.</summary>
    public IReadOnlyList<Choice> AmendablePapers { get; private set; } = [];

    /// <summary>Bodies and parliamentary groups, for who brought the paper in; a group's <see cref="Choice.GroupId"/> is 1.</summary>
    public IReadOnlyList<Choice> Originators { get; private set; } = [];

    public int? PaperId { get; private set; }

    public Paper? Stored { get; private set; }

    public IReadOnlyList<Choice> Plans { get; private set; } = [];

    /// <summary>The municipality's papers, for the paper this one replaces.</summary>
    public IReadOnlyList<Choice> OtherPapers { get; private set; } = [];

    /// <summary>The papers that replace this one (their Neufassungen).</summary>
    public IReadOnlyList<Choice> ReplacedBy { get; private set; } = [];

    public IReadOnlyList<Choice> Versions { get; private set; } = [];

    public IReadOnlyList<Choice> Bodies { get; private set; } = [];

    /// <summary>Meetings, grouped by their body.</summary>
    public IReadOnlyList<Choice> Meetings { get; private set; } = [];

    /// <summary>Agenda items, grouped by their meeting.</summary>
    public IReadOnlyList<Choice> AgendaItems { get; private set; } = [];

    public IReadOnlyList<LinkedChange> Candidates { get; private set; } = [];

    /// <summary>The municipality's own results, in their order.</summary>
    public IReadOnlyList<ConsultationResultKind> CustomResults { get; private set; } = [];

    /// <summary>The consultation just postponed (or otherwise not concluded), whose follow-up the page offers to add.</summary>
    public PaperConsultation? FollowUpOf { get; private set; }

    /// <summary>The meeting suggested for the follow-up: the body's next meeting after the one that postponed.</summary>
    public int? FollowUpMeetingId { get; private set; }

    public async Task<IActionResult> OnGetAsync(string key, int? followUp, int? amends, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id)) return NotFound();
        if (id is not null && !await LoadAsync(id.Value, ct)) return NotFound();
        await OptionsAsync(ct);
        if (id is null) Input.Date = BerlinTime.Today(clock);
        // A new amendment, begun from the paper it amends: its reference and type suggested.
        if (id is null && amends is int of && AmendablePapers.Any(p => p.Id == of))
        {
            var main = await db.Papers.AsNoTracking().Where(p => p.Id == of).Select(p => new { p.Reference, Count = p.Amendments.Count }).FirstAsync(ct);
            Input.AmendsPaperId = of;
            Input.PaperType = l["Änderungsantrag"];
            Input.Reference = string.Create(CultureInfo.InvariantCulture, $"{main.Reference}-ÄA{main.Count + 1}");
        }
        if (followUp is int postponed && Stored?.Consultations.FirstOrDefault(c => c.Id == postponed) is { } before && CanEdit)
        {
            FollowUpOf = before;
            var after = before.Meeting?.Start;
            FollowUpMeetingId = await db.Meetings.AsNoTracking().Where(m => m.BodyId == before.BodyId && m.Id != before.MeetingId && (after == null || m.Start > after))
                .OrderBy(m => m.Start).Select(m => (int?)m.Id).FirstOrDefaultAsync(ct);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, [Bind(Prefix = "Input")] PaperInput input, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id)) return NotFound();
        if (id is not null && !await LoadAsync(id.Value, ct)) return NotFound();
        await OptionsAsync(ct);
        Input = input;
        NameTheChoice("Input.Date", l["Datum: Bitte geben Sie ein Datum an (TT.MM.JJJJ)."]);
        NameTheChoice("Input.PlanId", l["Bitte wählen Sie den Plan aus der Liste."]);
        NameTheChoice("Input.PlanVersionId", l["Bitte wählen Sie die Fassung aus der Liste."]);
        NameTheChoice("Input.ReplacesPaperId", l["Neufassung von: Bitte wählen Sie die Vorlage aus der Liste."]);
        NameTheChoice("Input.AmendsPaperId", l["Änderungsantrag zu: Bitte wählen Sie die Vorlage aus der Liste."]);
        NameTheChoice("Input.OriginatorBodyId", l["Eingebracht von: Bitte wählen Sie die Verwaltung, ein Gremium oder eine Fraktion aus der Liste."]);
        var reference = input.Reference?.Trim() ?? "";
        var name = input.Name?.Trim() ?? "";
        var type = input.PaperType?.Trim() ?? "";
        if (reference.Length == 0) ModelState.AddModelError("Input.Reference", l["Bitte geben Sie das Aktenzeichen der Vorlage an."]);
        else if (reference.Length > 60) ModelState.AddModelError("Input.Reference", l["Das Aktenzeichen darf höchstens {0} Zeichen lang sein.", 60]);
        else if (await db.Papers.AnyAsync(p => p.Reference == reference && p.Id != (id ?? 0), ct))
            ModelState.AddModelError("Input.Reference", l["Eine Vorlage mit dem Aktenzeichen „{0}“ gibt es schon.", reference]);
        if (name.Length == 0) ModelState.AddModelError("Input.Name", l["Bitte geben Sie den Titel der Vorlage an."]);
        else if (name.Length > Paper.MaxNameLength) ModelState.AddModelError("Input.Name", l["Der Titel darf höchstens {0} Zeichen lang sein.", Paper.MaxNameLength]);
        if (type.Length > 100) ModelState.AddModelError("Input.PaperType", l["Die Art darf höchstens {0} Zeichen lang sein.", 100]);
        var resolution = input.ResolutionText?.Trim() ?? "";
        if (resolution.Length > Paper.MaxResolutionTextLength)
            ModelState.AddModelError("Input.ResolutionText", l["Beschlusstext: höchstens {0} Zeichen.", Paper.MaxResolutionTextLength]);
        if (input.ReplacesPaperId is int replaces)
        {
            var chain = await db.Papers.AsNoTracking().Select(p => new { p.Id, p.ReplacesPaperId }).ToDictionaryAsync(p => p.Id, p => p.ReplacesPaperId, ct);
            switch (PaperRevisions.Check(id, replaces, chain))
            {
                case PaperRevisions.Problem.Itself:
                    ModelState.AddModelError("Input.ReplacesPaperId", l["Neufassung von: Eine Vorlage kann nicht sich selbst ersetzen."]);
                    break;
                case PaperRevisions.Problem.NotFound:
                    ModelState.AddModelError("Input.ReplacesPaperId", l["Neufassung von: Bitte wählen Sie die Vorlage aus der Liste."]);
                    break;
                case PaperRevisions.Problem.Cycle:
                    ModelState.AddModelError("Input.ReplacesPaperId", l["Neufassung von: Die gewählte Vorlage ist selbst eine Neufassung dieser Vorlage; eine Vorlage kann nicht ihre eigene Neufassung ersetzen."]);
                    break;
            }
        }
        if (input.Date is null && !ModelState.ContainsKey("Input.Date")) ModelState.AddModelError("Input.Date", l["Datum: Bitte geben Sie ein Datum an (TT.MM.JJJJ)."]);
        else if (input.Date is null && ModelState["Input.Date"]!.Errors.Count == 0) ModelState.AddModelError("Input.Date", l["Datum: Bitte geben Sie ein Datum an (TT.MM.JJJJ)."]);
        if (input.PlanId is int planId && Plans.All(p => p.Id != planId)) ModelState.AddModelError("Input.PlanId", l["Bitte wählen Sie den Plan aus der Liste."]);
        if (input.PlanVersionId is int versionId && Versions.FirstOrDefault(v => v.Id == versionId) is var version && (version is null || version.GroupId != input.PlanId))
            ModelState.AddModelError("Input.PlanVersionId", l["Fassung: Bitte wählen Sie eine benannte Fassung des gewählten Plans."]);
        if (input.OriginatorBodyId is int originator && Originators.All(o => o.Id != originator))
            ModelState.AddModelError("Input.OriginatorBodyId", l["Eingebracht von: Bitte wählen Sie die Verwaltung, ein Gremium oder eine Fraktion aus der Liste."]);
        if (input.AmendsPaperId is int amends)
        {
            if (amends == id) ModelState.AddModelError("Input.AmendsPaperId", l["Änderungsantrag zu: Eine Vorlage kann nicht sich selbst ändern."]);
            else if (AmendablePapers.All(p => p.Id != amends))
                ModelState.AddModelError("Input.AmendsPaperId", l["Änderungsantrag zu: Bitte wählen Sie eine Vorlage, die nicht selbst ein Änderungsantrag ist."]);
            else if (Amendments.Count > 0)
                ModelState.AddModelError("Input.AmendsPaperId", l["Änderungsantrag zu: Zu dieser Vorlage gibt es selbst Änderungsanträge; sie kann kein Änderungsantrag sein."]);
            if (input.PlanId is not null)
                ModelState.AddModelError("Input.PlanId", l["Plan: Ein Änderungsantrag gehört zum Plan der Vorlage, die er ändert; wählen Sie hier keinen Plan."]);
        }
        var paper = Stored;
        if (paper is not null && paper.ChangeLinks.Count > 0 && paper.AmendsPaperId != input.AmendsPaperId)
            ModelState.AddModelError("Input.AmendsPaperId", l["Änderungsantrag zu: Mit diesem Antrag sind Planänderungen verknüpft; lösen Sie sie zuerst, bevor Sie die geänderte Vorlage wechseln."]);
        if (paper is not null && paper.PlanId != input.PlanId && paper.Consultations.Any(c => CouncilResolution.IsDecisive(c.Role, c.Result)))
            ModelState.AddModelError("Input.PlanId", l["Plan: Über diese Vorlage wurde schon beschlossen; der Plan kann nicht mehr gewechselt werden."]);
        if (paper is not null && paper.Version != input.Version) ShowConflict(paper);
        if (!ModelState.IsValid || Conflict is not null) return Page();

        if (paper is null)
        {
            paper = new Paper { Reference = reference, Name = name };
            db.Papers.Add(paper);
        }
        else ExpectVersion(db, paper, input.Version);
        paper.Reference = reference;
        paper.ReferenceIsExample = input.ReferenceIsExample;
        paper.Name = name;
        paper.PaperType = type;
        paper.Date = input.Date!.Value;
        paper.PlanId = input.PlanId;
        paper.PlanVersionId = input.PlanId is null ? null : input.PlanVersionId;
        paper.ReplacesPaperId = input.ReplacesPaperId;
        paper.AmendsPaperId = input.AmendsPaperId;
        paper.OriginatorBodyId = input.OriginatorBodyId;
        paper.ResolutionText = resolution;
        return await SaveEditAsync(db, cache, null,
            save: () => db.SaveChangesAsync(ct),
            reload: () => db.Papers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == paper.Id, ct),
            showConflict: ShowConflict,
            saved: () => (l["Die Vorlage {0} wurde gespeichert.", reference], CouncilText.PaperUrl(Municipality.Slug, paper.Id)));
    }

    public async Task<IActionResult> OnPostUploadAsync(string key, [Bind(Prefix = "NewFile")] FileInput input, CancellationToken ct)
    {
        if (await PaperOfAsync(key, ct) is not { } paper) return NotFound();
        NewFile = input;
        var file = input.Upload;
        var title = input.Name?.Trim() ?? "";
        if (title.Length > 300) ModelState.AddModelError("NewFile.Name", l["Der Titel der Datei darf höchstens {0} Zeichen lang sein.", 300]);
        NameTheChoice("NewFile.DocumentDate", l["Datum des Dokuments: Bitte geben Sie ein Datum an (TT.MM.JJJJ)."]);
        if (file is null || file.Length == 0) ModelState.AddModelError("NewFile.Upload", l["Datei: Bitte wählen Sie eine Datei aus."]);
        else if (file.Length > PaperFile.MaxBytes)
            ModelState.AddModelError("NewFile.Upload", l["Datei: „{0}“ ist größer als {1} MB.", PaperFileTypes.CleanName(file.FileName), PaperFile.MaxBytes / (1024 * 1024)]);
        if (!ModelState.IsValid) return await PageAsync(paper.Id, ct);

        using var buffer = new MemoryStream();
        await file!.CopyToAsync(buffer, ct);
        var content = buffer.ToArray();
        var fileName = PaperFileTypes.CleanName(file.FileName);
        if (PaperFileTypes.Recognise(content) is not { } mime)
        {
            ModelState.AddModelError("NewFile.Upload", l["Datei: „{0}“ ist keine PDF-, Word- (DOCX), OpenDocument- (ODT) oder Excel-Datei (XLSX).", fileName]);
            return await PageAsync(paper.Id, ct);
        }
        fileName = DocumentTypes.NameFor(fileName, mime, "Datei");
        var last = await db.PaperFiles.Where(f => f.PaperId == paper.Id).MaxAsync(f => (int?)f.Position, ct) ?? 0;
        db.PaperFiles.Add(new PaperFile
        {
            PaperId = paper.Id, Name = title.Length == 0 ? fileName : title, FileName = fileName, MimeType = mime, Size = content.LongLength,
            Content = content, Sha256 = PaperFileTypes.Sha256(content), Position = last + 1,
            // Without a date given, the paper's: a document usually bears its paper's date, not the day it was uploaded.
            DocumentDate = input.DocumentDate ?? paper.Date,
        });
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, l["Die Datei „{0}“ wurde hinzugefügt.", fileName], CouncilText.PaperUrl(Municipality.Slug, paper.Id) + "#files");
    }

    public async Task<IActionResult> OnPostDeleteFileAsync(string key, int fileId, CancellationToken ct)
    {
        if (await PaperOfAsync(key, ct) is not { } paper) return NotFound();
        var file = await db.PaperFiles.FirstOrDefaultAsync(f => f.Id == fileId && f.PaperId == paper.Id, ct);
        if (file is null) return NotFound();
        db.PaperFiles.Remove(file);
        await RenumberFilesAsync(paper.Id, except: file.Id, ct);
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, l["Die Datei „{0}“ wurde entfernt.", file.FileName], CouncilText.PaperUrl(Municipality.Slug, paper.Id) + "#files");
    }

    /// <summary>Moves a file up or down among the paper's files; the first is the main file.</summary>
    public async Task<IActionResult> OnPostMoveFileAsync(string key, int fileId, bool up, CancellationToken ct) =>
        await ReorderFilesAsync(key, fileId, index => up ? index - 1 : index + 1, l["Die Reihenfolge der Dateien wurde geändert."], ct);

    /// <summary>Makes a file the paper's main file: it moves to the top, the others keep their order.</summary>
    public async Task<IActionResult> OnPostMainFileAsync(string key, int fileId, CancellationToken ct) =>
        await ReorderFilesAsync(key, fileId, _ => 0, l["Die Hauptdatei wurde festgelegt."], ct);

    /// <summary>Changes the date a file's document bears.</summary>
    public async Task<IActionResult> OnPostFileDateAsync(string key, int fileId, [Bind(Prefix = "FileDate")] DateOnly? date, CancellationToken ct)
    {
        if (await PaperOfAsync(key, ct) is not { } paper) return NotFound();
        var file = await db.PaperFiles.FirstOrDefaultAsync(f => f.Id == fileId && f.PaperId == paper.Id, ct);
        if (file is null) return NotFound();
        var error = string.Create(CultureInfo.InvariantCulture, $"FileDate{fileId}");
        if (date is not { } day || !BerlinTime.InRange(day))
        {
            ModelState.Clear();
            ModelState.AddModelError(error, l["Datum des Dokuments „{0}“: Bitte geben Sie ein Datum zwischen 1900 und 2100 an (TT.MM.JJJJ).", file.Name]);
            return await PageAsync(paper.Id, ct);
        }
        file.DocumentDate = day;
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, l["Das Datum der Datei „{0}“ wurde gespeichert.", file.Name], CouncilText.PaperUrl(Municipality.Slug, paper.Id) + "#files");
    }

    private async Task<IActionResult> ReorderFilesAsync(string key, int fileId, Func<int, int> target, string notice, CancellationToken ct)
    {
        if (await PaperOfAsync(key, ct) is not { } paper) return NotFound();
        // Without their contents: only the order changes.
        var files = await db.PaperFiles.Where(f => f.PaperId == paper.Id).OrderBy(f => f.Position).ThenBy(f => f.Id)
            .Select(f => new { f.Id, f.Position }).ToListAsync(ct);
        var ids = files.Select(f => f.Id).ToList();
        var index = ids.IndexOf(fileId);
        if (index < 0) return NotFound();
        var to = target(index);
        if (to >= 0 && to < ids.Count && to != index)
        {
            ids.RemoveAt(index);
            ids.Insert(to, fileId);
            SetFilePositions(paper.Id, ids, files.ToDictionary(f => f.Id, f => f.Position));
            await db.SaveChangesAsync(ct);
        }
        return await SavedAsync(cache, notice, CouncilText.PaperUrl(Municipality.Slug, paper.Id) + "#files");
    }

    /// <summary>Gives the files the positions 1, 2, … in the order of <paramref name="ids"/>, touching only those that move
    /// (attached by id, so their contents are not read).</summary>
    private void SetFilePositions(int paperId, List<int> ids, Dictionary<int, int> positions)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (positions[ids[i]] == i + 1) continue;
            var tracked = db.PaperFiles.Local.FirstOrDefault(f => f.Id == ids[i]);
            if (tracked is null)
            {
                tracked = new PaperFile
                {
                    Id = ids[i], MunicipalityId = db.CurrentMunicipalityId!.Value, PaperId = paperId, Name = "", FileName = "", MimeType = "", Content = [], Position = positions[ids[i]],
                };
                db.PaperFiles.Attach(tracked);
            }
            tracked.Position = i + 1;
            db.Entry(tracked).Property(f => f.Position).IsModified = true;
        }
    }

    private async Task RenumberFilesAsync(int paperId, int except, CancellationToken ct)
    {
        var rest = await db.PaperFiles.Where(f => f.PaperId == paperId && f.Id != except).OrderBy(f => f.Position).ThenBy(f => f.Id)
            .Select(f => new { f.Id, f.Position }).ToListAsync(ct);
        SetFilePositions(paperId, rest.Select(f => f.Id).ToList(), rest.ToDictionary(f => f.Id, f => f.Position));
    }

    public async Task<IActionResult> OnPostAddConsultationAsync(string key, [Bind(Prefix = "NewConsultation")] ConsultationInput input, CancellationToken ct)
    {
        if (await PaperOfAsync(key, ct) is not { } paper) return NotFound();
        await OptionsAsync(ct);
        NewConsultation = input;
        NameTheChoice("NewConsultation.BodyId", l["Bitte wählen Sie das Gremium aus der Liste."]);
        NameTheChoice("NewConsultation.Role", l["Bitte wählen Sie die Rolle aus der Liste."]);
        NameTheChoice("NewConsultation.MeetingId", l["Bitte wählen Sie die Sitzung aus der Liste."]);
        NameTheChoice("NewConsultation.AgendaItemId", l["Bitte wählen Sie den Tagesordnungspunkt aus der Liste."]);
        if (Bodies.All(b => b.Id != input.BodyId)) ModelState.AddModelError("NewConsultation.BodyId", l["Bitte wählen Sie das Gremium aus der Liste."]);
        if (!Enum.IsDefined(input.Role)) ModelState.AddModelError("NewConsultation.Role", l["Bitte wählen Sie die Rolle aus der Liste."]);
        if (input.MeetingId is int meetingId && Meetings.FirstOrDefault(m => m.Id == meetingId) is var meeting)
        {
            if (meeting is null) ModelState.AddModelError("NewConsultation.MeetingId", l["Bitte wählen Sie die Sitzung aus der Liste."]);
            else if (meeting.GroupId != input.BodyId)
                ModelState.AddModelError("NewConsultation.MeetingId", l["Sitzung: Die gewählte Sitzung ist keine Sitzung des gewählten Gremiums."]);
        }
        if (input.AgendaItemId is int itemId)
        {
            var item = AgendaItems.FirstOrDefault(i => i.Id == itemId);
            if (item is null || input.MeetingId is null || item.GroupId != input.MeetingId)
                ModelState.AddModelError("NewConsultation.AgendaItemId", l["Tagesordnungspunkt: Bitte wählen Sie einen Punkt der gewählten Sitzung."]);
        }
        if (!ModelState.IsValid) return await PageAsync(paper.Id, ct);
        var position = paper.Consultations.Count == 0 ? 1 : paper.Consultations.Max(c => c.Position) + 1;
        if (input.After is int afterId)
        {
            if (paper.Consultations.FirstOrDefault(c => c.Id == afterId) is not { } before) return NotFound();
            position = before.Position + 1;
            foreach (var later in paper.Consultations.Where(c => c.Position >= position)) later.Position++;
        }
        db.PaperConsultations.Add(new PaperConsultation { PaperId = paper.Id, Position = position, BodyId = input.BodyId, MeetingId = input.MeetingId, AgendaItemId = input.AgendaItemId, Role = input.Role });
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, l["Die Beratung wurde der Beratungsfolge hinzugefügt."], CouncilText.PaperUrl(Municipality.Slug, paper.Id) + "#consultations");
    }

    public async Task<IActionResult> OnPostMoveAsync(string key, int consultationId, bool up, CancellationToken ct)
    {
        if (await PaperOfAsync(key, ct) is not { } paper) return NotFound();
        var ordered = paper.Consultations.OrderBy(c => c.Position).ThenBy(c => c.Id).ToList();
        var index = ordered.FindIndex(c => c.Id == consultationId);
        if (index < 0) return NotFound();
        var other = up ? index - 1 : index + 1;
        if (other >= 0 && other < ordered.Count)
        {
            (ordered[index], ordered[other]) = (ordered[other], ordered[index]);
            for (var i = 0; i < ordered.Count; i++) ordered[i].Position = i + 1;
            await db.SaveChangesAsync(ct);
        }
        return await SavedAsync(cache, l["Die Reihenfolge der Beratungsfolge wurde geändert."], CouncilText.PaperUrl(Municipality.Slug, paper.Id) + "#consultations");
    }

    public async Task<IActionResult> OnPostRemoveConsultationAsync(string key, int consultationId, CancellationToken ct)
    {
        if (await PaperOfAsync(key, ct) is not { } paper) return NotFound();
        var consultation = paper.Consultations.FirstOrDefault(c => c.Id == consultationId);
        if (consultation is null) return NotFound();
        if (CouncilResolution.IsDecisive(consultation.Role, consultation.Result))
        {
            ModelState.AddModelError("", l["Diese Beratung enthält den Beschluss über die Vorlage und kann nicht entfernt werden."]);
            return await PageAsync(paper.Id, ct);
        }
        db.PaperConsultations.Remove(consultation);
        var rest = paper.Consultations.Where(c => c.Id != consultationId).OrderBy(c => c.Position).ThenBy(c => c.Id).ToList();
        for (var i = 0; i < rest.Count; i++) rest[i].Position = i + 1;
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, l["Die Beratung wurde aus der Beratungsfolge entfernt."], CouncilText.PaperUrl(Municipality.Slug, paper.Id) + "#consultations");
    }

    public async Task<IActionResult> OnPostResultAsync(string key, [Bind(Prefix = "Result")] ResultInput input, CancellationToken ct)
    {
        if (await PaperOfAsync(key, ct) is not { } paper) return NotFound();
        var consultation = paper.Consultations.FirstOrDefault(c => c.Id == input.ConsultationId);
        if (consultation is null) return NotFound();
        FailedResult = input;
        NameTheChoice("Result.VotesFor", l["Stimmen dafür: Bitte geben Sie eine ganze Zahl an."]);
        NameTheChoice("Result.VotesAgainst", l["Stimmen dagegen: Bitte geben Sie eine ganze Zahl an."]);
        NameTheChoice("Result.VotesAbstaining", l["Enthaltungen: Bitte geben Sie eine ganze Zahl an."]);
        for (var i = 0; i < input.Groups.Count; i++)
            foreach (var field in new[] { "VotesFor", "VotesAgainst", "VotesAbstaining" })
                NameTheChoice(string.Create(CultureInfo.InvariantCulture, $"Result.Groups[{i}].{field}"), l["Fraktion in Zeile {0}: Bitte geben Sie ganze Zahlen an.", i + 1]);
        if (!ConsultationResults.TryParse(input.Result, out var builtIn, out var customId)) ModelState.AddModelError("Result.Result", l["Bitte wählen Sie das Ergebnis aus der Liste."]);
        if (input.Groups.Count > MaxGroups) ModelState.AddModelError("Result.Groups", l["Höchstens {0} Fraktionen.", MaxGroups]);
        if (!ModelState.IsValid) return await PageAsync(paper.Id, ct);
        if (consultation.Version != input.Version)
        {
            ModelState.AddModelError("", l["Das Ergebnis dieser Beratung wurde inzwischen von jemand anderem festgehalten oder geändert. Ihre Eingabe ist nicht gespeichert; unten steht der gespeicherte Stand."]);
            FailedResult = null;
            return await PageAsync(paper.Id, ct);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var userName = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "";
        var wasAdopted = paper.PlanId is int pid && await db.Plans.AnyAsync(p => p.Id == pid && p.AdoptedVersionId != null, ct);
        var entry = new CouncilResolution.ResultEntry(builtIn, customId, input.VotesFor, input.VotesAgainst, input.VotesAbstaining,
            input.Groups.Select(g => new CouncilResolution.GroupVoteEntry(g.Name, g.VotesFor, g.VotesAgainst, g.VotesAbstaining)).ToList());
        var problems = await CouncilResolution.RecordAsync(db, consultation, entry, clock.GetUtcNow(), userId, userName, ct);
        if (problems.Count > 0)
        {
            foreach (var p in problems) ModelState.AddModelError(p.Field.Length == 0 ? "" : "Result." + p.Field, l[p.Message, p.Arguments.Select(a => a is string s ? l[s].Value : a).ToArray()]);
            return await PageAsync(paper.Id, ct);
        }
        ExpectVersion(db, consultation, input.Version);
        var adopted = !wasAdopted && paper.PlanId is not null && db.ChangeTracker.Entries<Plans.Versions.PlanVersion>().Any(e => e.State == EntityState.Added);
        try
        {
            db.Author.Because(adopted ? l["Beschluss über die Vorlage {0}", paper.Reference].Value : null);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", l["Das Ergebnis dieser Beratung wurde inzwischen von jemand anderem festgehalten oder geändert. Ihre Eingabe ist nicht gespeichert; unten steht der gespeicherte Stand."]);
            FailedResult = null;
            return await PageAsync(paper.Id, ct);
        }
        var notice = adopted
            ? l["Das Ergebnis wurde festgehalten. Mit diesem Beschluss ist der Plan beschlossen; die beschlossene Fassung ist eingefroren und wird öffentlich gezeigt."]
            : l["Das Ergebnis wurde festgehalten."];
        var consultationKey = consultation.Id.ToString(CultureInfo.InvariantCulture);
        // A result that does not conclude the deliberation (postponed, referred back, …) asks for a further consultation: offer it.
        var concluded = ConsultationResults.IsDeciding(consultation.Result, consultation.CustomResultId is null ? null
            : await db.ConsultationResultKinds.Where(k => k.Id == consultation.CustomResultId).Select(k => (bool?)k.IsDeciding).FirstOrDefaultAsync(ct));
        var target = consultation.HasResult && !concluded
            ? CouncilText.PaperUrl(Municipality.Slug, paper.Id) + "?followUp=" + consultationKey + "#follow-up"
            : CouncilText.PaperUrl(Municipality.Slug, paper.Id) + "#consultation-" + consultationKey;
        return await SavedAsync(cache, notice, target);
    }

    /// <summary>Links an amendment to the plan changes it made (of the amended paper's plan); only an amendment adopted or
    /// taken over by the administration changes the plan.</summary>
    public async Task<IActionResult> OnPostChangesAsync(string key, [Bind(Prefix = "Changes")] ChangesInput input, CancellationToken ct)
    {
        if (await PaperOfAsync(key, ct) is not { } paper) return NotFound();
        if (paper.AmendsPaperId is not int mainId) return NotFound();
        FailedChanges = input;
        var planId = await db.Papers.AsNoTracking().Where(p => p.Id == mainId).Select(p => p.PlanId).FirstOrDefaultAsync(ct);
        var wanted = input.ChangeIds.Distinct().ToList();
        var valid = planId is int plan
            ? await db.ChangeRecords.AsNoTracking().Where(c => c.PlanId == plan && wanted.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)
            : [];
        if (valid.Count != wanted.Count) ModelState.AddModelError("Changes.ChangeIds", l["Planänderungen: Bitte wählen Sie nur Änderungen des Plans der geänderten Vorlage."]);
        else if (wanted.Count > 0 && !paper.Consultations.Any(c => CouncilText.ChangesPlan(c.Result)))
            ModelState.AddModelError("Changes.ChangeIds", l["Planänderungen: Nur ein angenommener oder von der Verwaltung übernommener Änderungsantrag ändert den Plan. Halten Sie zuerst sein Ergebnis in der Beratungsfolge fest."]);
        if (paper.Version != input.Version)
            ModelState.AddModelError("", l["Dieser Änderungsantrag wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind nicht gespeichert; unten steht der gespeicherte Stand."]);
        if (!ModelState.IsValid) return await PageAsync(paper.Id, ct);

        ExpectVersion(db, paper, input.Version);
        // The version guards the links too: every save moves it.
        paper.ModifiedAt = clock.GetUtcNow();
        foreach (var link in paper.ChangeLinks.Where(c => !wanted.Contains(c.ChangeRecordId)).ToList()) db.AmendmentChangeLinks.Remove(link);
        foreach (var changeId in wanted.Where(w => paper.ChangeLinks.All(c => c.ChangeRecordId != w))) paper.ChangeLinks.Add(new AmendmentChangeLink { ChangeRecordId = changeId });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError("", l["Dieser Änderungsantrag wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind nicht gespeichert; unten steht der gespeicherte Stand."]);
            FailedChanges = null;
            return await PageAsync(paper.Id, ct);
        }
        return await SavedAsync(cache, l["Die Planänderungen des Änderungsantrags {0} wurden gespeichert.", paper.Reference], CouncilText.PaperUrl(Municipality.Slug, paper.Id) + "#plan-changes");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string key, CancellationToken ct)
    {
        if (await PaperOfAsync(key, ct) is not { } paper) return NotFound();
        if (paper.Consultations.Any(c => c.HasResult))
        {
            ModelState.AddModelError("", l["Zu dieser Vorlage sind Ergebnisse festgehalten; sie kann nicht gelöscht werden."]);
            return await PageAsync(paper.Id, ct);
        }
        if (await db.Papers.AnyAsync(p => p.AmendsPaperId == paper.Id, ct))
        {
            ModelState.AddModelError("", l["Zu dieser Vorlage gibt es Änderungsanträge; löschen Sie zuerst diese."]);
            return await PageAsync(paper.Id, ct);
        }
        // The files go with the paper in the database, unread (they may be large); their deletion is kept for OParl here.
        var now = DateTimeOffset.UtcNow;
        db.DeletedCouncilObjects.AddRange((await db.PaperFiles.Where(f => f.PaperId == paper.Id).Select(f => new { f.Id, f.CreatedAt }).ToListAsync(ct))
            .Select(f => new DeletedCouncilObject { Kind = "files", ObjectId = f.Id, CreatedAt = f.CreatedAt, ModifiedAt = now }));
        // Its revisions, loaded, lose their link to it in this save and so are seen as changed (their modified moment moves, CouncilChanges).
        await db.Papers.Where(p => p.ReplacesPaperId == paper.Id).LoadAsync(ct);
        db.Papers.Remove(paper);
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, l["Die Vorlage {0} wurde gelöscht.", paper.Reference], CouncilText.ManageUrl(Municipality.Slug));
    }

    /// <summary>The paper of an address "/papers/{id}" with its consultations and (for an amendment) its plan changes, tracked.</summary>
    private async Task<Paper?> PaperOfAsync(string key, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id) || id is null) return null;
        return await db.Papers.Include(p => p.Consultations).ThenInclude(c => c.GroupVotes).Include(p => p.ChangeLinks)
            .FirstOrDefaultAsync(p => p.Id == id, ct);
    }

    /// <summary>The page again after a refused form: the stored paper (read anew) and the options.</summary>
    private async Task<IActionResult> PageAsync(int id, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        if (!await LoadAsync(id, ct)) return NotFound();
        await OptionsAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var paper = await db.Papers.AsNoTracking()
            .Include(p => p.Files.OrderBy(f => f.Position).ThenBy(f => f.Id))
            .Include(p => p.Consultations.OrderBy(c => c.Position).ThenBy(c => c.Id)).ThenInclude(c => c.Body)
            .Include(p => p.Consultations).ThenInclude(c => c.Meeting)
            .Include(p => p.Consultations).ThenInclude(c => c.AgendaItem)
            .Include(p => p.Consultations).ThenInclude(c => c.CustomResult)
            .Include(p => p.Consultations).ThenInclude(c => c.GroupVotes.OrderBy(g => g.Position))
            .Include(p => p.ChangeLinks)
            .Include(p => p.AmendsPaper)
            .Include(p => p.Plan)
            .Include(p => p.PlanVersion)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        if (paper is null) return false;
        // The file contents are not needed here.
        foreach (var f in paper.Files) f.Content = [];
        PaperId = id;
        Stored = paper;
        Input = new PaperInput
        {
            Reference = paper.Reference, ReferenceIsExample = paper.ReferenceIsExample, Name = paper.Name, PaperType = paper.PaperType, Date = paper.Date,
            PlanId = paper.PlanId, PlanVersionId = paper.PlanVersionId, ReplacesPaperId = paper.ReplacesPaperId, ResolutionText = paper.ResolutionText,
            AmendsPaperId = paper.AmendsPaperId, OriginatorBodyId = paper.OriginatorBodyId, Version = paper.Version,
        };
        NewFile.DocumentDate ??= paper.Date;
        ReplacedBy = await db.Papers.AsNoTracking().Where(p => p.ReplacesPaperId == id).OrderBy(p => p.Reference)
            .Select(p => new Choice(p.Id, p.Reference + " " + p.Name, null)).ToListAsync(ct);
        Amendments = await PaperAmendments.OfAsync(db, id, ct);
        // An amendment links the changes it made to the amended paper's plan.
        if (paper.AmendsPaper?.PlanId is int planId)
        {
            var linked = paper.ChangeLinks.Select(c => c.ChangeRecordId).ToList();
            var recent = await db.ChangeRecords.AsNoTracking().Where(r => r.PlanId == planId)
                .OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Take(MaxCandidates)
                .Select(r => new LinkedChange(r.Id, r.At, r.UserName, r.EntityType, r.EntityLabel, r.Action, r.Reason)).ToListAsync(ct);
            var older = await db.ChangeRecords.AsNoTracking().Where(r => r.PlanId == planId && linked.Contains(r.Id))
                .Select(r => new LinkedChange(r.Id, r.At, r.UserName, r.EntityType, r.EntityLabel, r.Action, r.Reason)).ToListAsync(ct);
            var records = recent.Concat(older.Where(o => recent.All(r => r.Id != o.Id))).ToList();
            var fields = await LinkedChange.FieldsAsync(db, records.Select(r => r.Id).ToList(), ct);
            Candidates = records.OrderByDescending(r => r.At).ThenByDescending(r => r.Id).Select(r => r with { Fields = fields[r.Id].ToList() }).ToList();
        }
        return true;
    }

    private async Task OptionsAsync(CancellationToken ct)
    {
        CustomResults = await db.ConsultationResultKinds.AsNoTracking().OrderBy(k => k.Position).ThenBy(k => k.Id).ToListAsync(ct);
        Plans = await db.Plans.AsNoTracking().OrderBy(p => p.Title).Select(p => new Choice(p.Id, p.Title, null)).ToListAsync(ct);
        var others = await db.Papers.AsNoTracking().Where(p => p.Id != (PaperId ?? 0)).OrderBy(p => p.Reference)
            .Select(p => new { p.Id, Text = p.Reference + " " + p.Name, p.AmendsPaperId }).ToListAsync(ct);
        OtherPapers = others.Select(p => new Choice(p.Id, p.Text, null)).ToList();
        AmendablePapers = others.Where(p => p.AmendsPaperId is null).Select(p => new Choice(p.Id, p.Text, null)).ToList();
        Versions = await db.PlanVersions.AsNoTracking().OrderBy(v => v.PlanId).ThenBy(v => v.Id)
            .Select(v => new Choice(v.Id, v.Name, v.PlanId)).ToListAsync(ct);
        var bodies = await db.CouncilBodies.AsNoTracking().OrderBy(b => b.Name).Select(b => new { b.Id, b.Name, b.Classification }).ToListAsync(ct);
        // Groups propose papers; they do not deliberate them.
        Bodies = bodies.Where(b => b.Classification != BodyClassification.ParliamentaryGroup).Select(b => new Choice(b.Id, b.Name, null)).ToList();
        Originators = bodies.Select(b => new Choice(b.Id, b.Name, b.Classification == BodyClassification.ParliamentaryGroup ? 1 : 0)).ToList();
        var meetings = await db.Meetings.AsNoTracking().OrderBy(m => m.Start).Select(m => new { m.Id, m.Name, m.Start, m.StartTimeUnknown, m.BodyId }).ToListAsync(ct);
        Meetings = meetings.Select(m => new Choice(m.Id, m.Name + ", " + CouncilText.MeetingStart(m.Start, m.StartTimeUnknown), m.BodyId)).ToList();
        AgendaItems = await db.AgendaItems.AsNoTracking().OrderBy(i => i.MeetingId).ThenBy(i => i.Order)
            .Select(i => new Choice(i.Id, (i.Number + " " + i.Name).Trim(), i.MeetingId)).ToListAsync(ct);
    }

    private void ShowConflict(Paper stored)
    {
        ModelState.AddModelError("", l["Diese Vorlage wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        string PlanName(int? id) => Plans.FirstOrDefault(p => p.Id == id)?.Text ?? "";
        string VersionName(int? id) => Versions.FirstOrDefault(p => p.Id == id)?.Text ?? "";
        string PaperName(int? id) => OtherPapers.FirstOrDefault(p => p.Id == id)?.Text ?? "";
        string OriginatorName(int? id) => id is null ? l["Verwaltung"].Value : Originators.FirstOrDefault(o => o.Id == id)?.Text ?? "";
        Conflict = new EditConflict()
            .Compare(l["Aktenzeichen"], Input.Reference?.Trim(), stored.Reference)
            .Compare(l["Titel"], Input.Name?.Trim(), stored.Name)
            .Compare(l["Art"], Input.PaperType?.Trim(), stored.PaperType)
            .Compare(l["Datum"], Input.Date is { } d ? BerlinTime.Date(d) : "", BerlinTime.Date(stored.Date))
            .Compare(l["Plan"], PlanName(Input.PlanId), PlanName(stored.PlanId))
            .Compare(l["Fassung"], VersionName(Input.PlanVersionId), VersionName(stored.PlanVersionId))
            .Compare(l["Neufassung von"], PaperName(Input.ReplacesPaperId), PaperName(stored.ReplacesPaperId))
            .Compare(l["Änderungsantrag zu"], PaperName(Input.AmendsPaperId), PaperName(stored.AmendsPaperId))
            .Compare(l["Eingebracht von"], OriginatorName(Input.OriginatorBodyId), OriginatorName(stored.OriginatorBodyId))
            .Compare(l["Beschlusstext"], Input.ResolutionText?.Trim(), stored.ResolutionText);
        ModelState.Remove("Input.Version");
        Input.Version = stored.Version;
    }
}
