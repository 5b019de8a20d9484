using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Infrastructure.Time;
using Planwerk.Data;
using Planwerk.Features.Implementation;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

using Planwerk.Infrastructure.Editing;

namespace Planwerk.Features.Plans.Manage;

/// <summary>Create or edit a measure, including moving it to another field of action.</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class MeasureEditModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> localizer, TimeProvider clock) : ManagePageModel
{
    public sealed class MeasureInput
    {
        // Required, with the plan's word in the message: checked in OnPostAsync.
        public int? FieldOfActionId { get; set; }

        [Display(Name = "Nummer")]
        public string? Number { get; set; }

        /// <summary>The number the form was loaded with. When it is left as it was and the measure goes
        /// to another field, it gets the next free number there instead of a number that no longer fits.</summary>
        public string? OriginalNumber { get; set; }

        [Display(Name = "Titel")]
        [Required(ErrorMessage = "Bitte geben Sie einen Titel an.")]
        [StringLength(500, ErrorMessage = "Der Titel darf höchstens {1} Zeichen lang sein.")]
        public string? Title { get; set; }

        [Display(Name = "Ziel")]
        public string? Goal { get; set; }

        [Display(Name = "Beschreibung")]
        public string? Description { get; set; }

        [Display(Name = "Zielgruppen")]
        [StringLength(2000, ErrorMessage = "Die Angabe der Zielgruppen darf höchstens {1} Zeichen lang sein.")]
        public string? TargetGroups { get; set; }

        [Display(Name = "Federführung")]
        public int? LeadId { get; set; }

        [Display(Name = "Partner")]
        public List<int> PartnerIds { get; set; } = [];

        [Display(Name = "Stadtbezirke und Ortschaften")]
        public List<int> DistrictIds { get; set; } = [];

        [Display(Name = "Beginn")]
        [Range(typeof(DateOnly), BerlinTime.DateMin, BerlinTime.DateMax, ErrorMessage = BerlinTime.OutOfRange, ParseLimitsInInvariantCulture = true)]
        public DateOnly? StartDate { get; set; }

        [Display(Name = "Ende")]
        [Range(typeof(DateOnly), BerlinTime.DateMin, BerlinTime.DateMax, ErrorMessage = BerlinTime.OutOfRange, ParseLimitsInInvariantCulture = true)]
        public DateOnly? EndDate { get; set; }

        [Display(Name = "Geschätzte Kosten in Euro")]
        public string? EstimatedCost { get; set; }

        [Display(Name = "Finanzierung")]
        [StringLength(2000, ErrorMessage = "Die Angabe zur Finanzierung darf höchstens {1} Zeichen lang sein.")]
        public string? Funding { get; set; }

        [Display(Name = "Priorität")]
        public MeasurePriority Priority { get; set; } = MeasurePriority.Medium;

        public List<int> PrincipleIds { get; set; } = [];

        /// <summary>The municipality's help services the measure creates or strengthens.</summary>
        public List<int> ServiceIds { get; set; } = [];

        [Display(Name = "Status")]
        public MeasureStatus Status { get; set; }

        [Display(Name = "Fortschritt in Prozent")]
        [Required(ErrorMessage = "Bitte geben Sie den Fortschritt in Prozent an (0 bis 100).")]
        public int? Progress { get; set; } = 0;

        public bool IsExample { get; set; }

        [Display(Name = "Grund der Änderung")]
        [StringLength(1000, ErrorMessage = "Der Grund der Änderung darf höchstens {1} Zeichen lang sein.")]
        public string? Reason { get; set; }

        public int Version { get; set; }
    }

    public sealed record Choice(int Id, string Label);

    public sealed record FieldChoice(int Id, int Number, string Title);

    [BindProperty]
    public MeasureInput Input { get; set; } = new();

    public int PlanId { get; private set; }

    public string PlanTitle { get; private set; } = "";

    public PlanLevels Levels { get; private set; } = PlanLevels.Default;

    public int? MeasureId { get; private set; }

    public bool IsNew => MeasureId is null;

    /// <summary>The stored number, for the heading.</summary>
    public string StoredNumber { get; private set; } = "";

    public IReadOnlyList<FieldChoice> Fields { get; private set; } = [];

    public IReadOnlyList<Choice> Districts { get; private set; } = [];

    public IReadOnlyList<Choice> Localities { get; private set; } = [];

    public IReadOnlyList<Choice> Principles { get; private set; } = [];

    /// <summary>The municipality's registry of organisations, by name: the choices for lead and partners.</summary>
    public IReadOnlyList<Choice> Organisations { get; private set; } = [];

    /// <summary>The municipality's help services, by name.</summary>
    public IReadOnlyList<Choice> HelpServices { get; private set; } = [];

    public IReadOnlyList<SelectListItem> FieldItems => Fields
        .Select(f => new SelectListItem(f.Number.ToString(CultureInfo.InvariantCulture) + " " + f.Title, f.Id.ToString(CultureInfo.InvariantCulture)))
        .ToList();

    public async Task<IActionResult> OnGetAsync(int planId, string id, int? fieldId, CancellationToken ct)
    {
        if (!TryParseKey(id, out var key) || !await LoadAsync(planId, key, ct)) return NotFound();
        if (key is int existing)
        {
            var m = await db.Measures.AsNoTracking().Include(x => x.Districts).Include(x => x.Principles).Include(x => x.Organisations)
                .AsSplitQuery().FirstAsync(x => x.Id == existing, ct);
            StoredNumber = m.Number;
            Input = new MeasureInput
            {
                FieldOfActionId = m.FieldOfActionId, Number = m.Number, OriginalNumber = m.Number, Title = m.Title, Goal = m.Goal,
                Description = m.Description, TargetGroups = m.TargetGroups, LeadId = LeadOf(m), PartnerIds = PartnersOf(m), DistrictIds = m.Districts.Select(d => d.Id).ToList(),
                StartDate = m.StartDate, EndDate = m.EndDate, EstimatedCost = MoneyInput.Format(m.EstimatedCost, CultureInfo.CurrentCulture),
                Funding = m.Funding, Priority = m.Priority, PrincipleIds = m.Principles.Select(p => p.Id).ToList(), Status = m.Status,
                Progress = m.Progress, IsExample = m.IsExample, Version = m.Version,
                ServiceIds = await db.MeasureServices.AsNoTracking().Where(x => x.MeasureId == existing).Select(x => x.ServiceId).ToListAsync(ct),
            };
        }
        else if (Fields.Count > 0)
        {
            var field = Fields.FirstOrDefault(f => f.Id == fieldId) ?? Fields[0];
            var number = MeasureNumbers.NextFree(field.Number, await NumbersInPlanAsync(null, ct));
            Input = new MeasureInput { FieldOfActionId = field.Id, Number = number, OriginalNumber = number };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int planId, string id, CancellationToken ct)
    {
        if (!TryParseKey(id, out var key) || !await LoadAsync(planId, key, ct)) return NotFound();
        var measure = key is int existing
            ? await db.Measures.Include(m => m.Districts).Include(m => m.Principles).Include(m => m.Organisations).AsSplitQuery().FirstAsync(m => m.Id == existing, ct)
            : null;
        StoredNumber = measure?.Number ?? "";

        NameTheChoice("Input.Status", localizer["Bitte wählen Sie den Status aus der Liste."]);
        NameTheChoice("Input.Priority", localizer["Bitte wählen Sie die Priorität aus der Liste."]);
        var field = Fields.FirstOrDefault(f => f.Id == Input.FieldOfActionId);
        if (field is null)
            ModelState.AddModelError("Input.FieldOfActionId", localizer["{0}: Bitte wählen Sie einen Eintrag aus der Liste.", Levels.Field.One]);

        var number = Input.Number?.Trim();
        string? renumberedTo = null;
        if (field is not null)
        {
            var numbers = await NumbersInPlanAsync(key, ct);
            if (number is not null && number == Input.OriginalNumber?.Trim() && MeasureNumbers.FieldPart(number) != field.Number)
            {
                number = MeasureNumbers.NextFree(field.Number, numbers);
                renumberedTo = number;
            }
            if (MeasureNumbers.Problem(number, field.Number) is { } problem)
            {
                ModelState.AddModelError("Input.Number", localizer[problem, field.Number, Levels.Field.One]);
            }
            else
            {
                var holder = await db.Measures.AsNoTracking().Where(m => m.PlanId == planId && m.Number == number && m.Id != (key ?? 0))
                    .Select(m => m.Title).FirstOrDefaultAsync(ct);
                if (holder is not null)
                    ModelState.AddModelError("Input.Number", localizer["Die Nummer {0} ist in diesem Plan schon vergeben: {1} „{2}“.", number!, Levels.Measure.One, holder]);
            }
        }
        if (MeasureRules.Schedule(Input.StartDate, Input.EndDate) is { } schedule)
            ModelState.AddModelError("Input.EndDate", localizer[schedule]);
        var cost = MoneyInput.Read(Input.EstimatedCost, CultureInfo.CurrentCulture);
        if (cost.Problem is not null) ModelState.AddModelError("Input.EstimatedCost", localizer[cost.Problem]);
        if (Input.Progress is int progress && MeasureRules.Progress(Input.Status, progress) is { } progressProblem)
            ModelState.AddModelError("Input.Progress", localizer[progressProblem]);
        var districtIds = Input.DistrictIds.Distinct().ToList();
        var districts = await db.Districts.Where(d => districtIds.Contains(d.Id)).ToListAsync(ct);
        if (districts.Count != districtIds.Count)
            ModelState.AddModelError("Input.DistrictIds", localizer["Bitte wählen Sie nur Stadtbezirke und Ortschaften aus der Liste."]);
        var principleIds = Input.PrincipleIds.Distinct().ToList();
        var principles = await db.Principles.Where(p => p.PlanId == planId && principleIds.Contains(p.Id)).ToListAsync(ct);
        if (principles.Count != principleIds.Count)
            ModelState.AddModelError("Input.PrincipleIds", localizer["{0}: Bitte wählen Sie nur Einträge dieses Plans aus der Liste.", Levels.Principle.Many]);
        var partnerIds = Input.PartnerIds.Distinct().ToList();
        var registry = Organisations.Select(o => o.Id).ToHashSet();
        if (Input.LeadId is int leadId && !registry.Contains(leadId))
            ModelState.AddModelError("Input.LeadId", localizer["Bitte wählen Sie die Federführung aus dem Verzeichnis der Organisationen."]);
        if (!partnerIds.All(registry.Contains))
            ModelState.AddModelError("Input.PartnerIds", localizer["Bitte wählen Sie nur Partner aus dem Verzeichnis der Organisationen."]);
        else if (Input.LeadId is int lead && partnerIds.Contains(lead))
            ModelState.AddModelError("Input.PartnerIds", localizer["Die federführende Organisation kann nicht zugleich Partner sein."]);

        if (measure is not null && measure.Version != Input.Version) ShowConflict(measure, cost);
        if (!ModelState.IsValid || Conflict is not null) return Page();

        var isNew = measure is null;
        var now = clock.GetUtcNow();
        if (measure is null || measure.FieldOfActionId != field!.Id)
        {
            var last = await db.Measures.Where(m => m.FieldOfActionId == field!.Id).MaxAsync(m => (int?)m.Position, ct) ?? 0;
            measure ??= db.Measures.Add(new Measure { PlanId = planId, Number = "", Title = "" }).Entity;
            measure.Position = last + 1;
        }
        ExpectVersion(db, measure, Input.Version);
        measure.FieldOfActionId = field!.Id;
        measure.Number = number!;
        measure.Title = Input.Title!.Trim();
        measure.Goal = Input.Goal ?? "";
        measure.Description = Input.Description ?? "";
        measure.TargetGroups = Input.TargetGroups ?? "";
        measure.StartDate = Input.StartDate;
        measure.EndDate = Input.EndDate;
        measure.EstimatedCost = cost.Value;
        measure.Funding = Input.Funding ?? "";
        measure.Priority = Input.Priority;
        measure.Status = Input.Status;
        measure.Progress = Input.Progress!.Value;
        measure.IsExample = Input.IsExample;
        // Always touched, so a change of districts or principles alone also gives the measure a new version.
        measure.UpdatedAt = now;
        measure.Districts.RemoveAll(d => !districtIds.Contains(d.Id));
        measure.Districts.AddRange(districts.Where(d => measure.Districts.All(x => x.Id != d.Id)));
        measure.Principles.RemoveAll(p => !principleIds.Contains(p.Id));
        measure.Principles.AddRange(principles.Where(p => measure.Principles.All(x => x.Id != p.Id)));
        // Partners keep their order; new ones follow in the registry's order (by name).
        var partners = PartnersOf(measure).Where(partnerIds.Contains)
            .Concat(Organisations.Select(o => o.Id).Where(o => partnerIds.Contains(o) && !PartnersOf(measure).Contains(o))).ToList();
        MeasureOrganisations.Assign(measure, Input.LeadId, partners);
        var serviceIds = Input.ServiceIds.Where(HelpServices.Select(h => h.Id).Contains).Distinct().ToList();
        List<Planwerk.Features.Services.MeasureService> links = isNew ? [] : await db.MeasureServices.Where(x => x.MeasureId == measure.Id).ToListAsync(ct);
        db.MeasureServices.RemoveRange(links.Where(x => !serviceIds.Contains(x.ServiceId)));
        db.MeasureServices.AddRange(serviceIds.Where(id => links.All(x => x.ServiceId != id)).Select(id => new Planwerk.Features.Services.MeasureService { Measure = measure, ServiceId = id }));
        var saving = measure;
        return await SaveEditAsync(db, cache, Input.Reason,
            save: () => db.SaveChangesAsync(ct),
            reload: () => db.Measures.AsNoTracking().Include(m => m.Districts).Include(m => m.Principles).Include(m => m.Organisations)
                .AsSplitQuery().FirstOrDefaultAsync(m => m.Id == saving.Id, ct),
            showConflict: stored => ShowConflict(stored, cost),
            saved: () =>
            {
                var notice = (isNew, renumberedTo) switch
                {
                    (true, null) => localizer["{0} {1} wurde angelegt.", Levels.Measure.One, saving.Number],
                    (false, null) => localizer["{0} {1} wurde gespeichert.", Levels.Measure.One, saving.Number],
                    (_, _) => localizer["{0} {1} wurde gespeichert; neu in {2} {3}.", Levels.Measure.One, saving.Number, Levels.Field.One, field.Number],
                };
                return (notice, PlanUrl(planId) + "#measure-" + saving.Id.ToString(CultureInfo.InvariantCulture));
            });
    }

    private void ShowConflict(Measure stored, MoneyReading cost)
    {
        ModelState.AddModelError("", localizer["{0} {1} wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand.", Levels.Measure.One, stored.Number]);
        var culture = CultureInfo.CurrentCulture;
        string FieldName(int? id) => Fields.FirstOrDefault(f => f.Id == id) is { } f ? f.Number.ToString(CultureInfo.InvariantCulture) + " " + f.Title : "";
        string Names(IEnumerable<int> ids, IEnumerable<Choice> choices) =>
            string.Join(", ", choices.Where(c => ids.Contains(c.Id)).Select(c => c.Label).Order(StringComparer.CurrentCulture));
        static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        var places = Districts.Concat(Localities).ToList();
        Conflict = new EditConflict()
            .Compare(Levels.Field.One, FieldName(Input.FieldOfActionId), FieldName(stored.FieldOfActionId))
            .Compare(localizer["Nummer"], Input.Number, stored.Number)
            .Compare(localizer["Titel"], Input.Title, stored.Title)
            .Compare(localizer["Ziel"], Input.Goal, stored.Goal)
            .Compare(localizer["Beschreibung"], Input.Description, stored.Description)
            .Compare(localizer["Zielgruppen"], Input.TargetGroups, stored.TargetGroups)
            .Compare(localizer["Federführung"], Names(Input.LeadId is int l ? [l] : [], Organisations), Names(LeadOf(stored) is int s ? [s] : [], Organisations))
            .Compare(localizer["Partner"], Names(Input.PartnerIds, Organisations), Names(PartnersOf(stored), Organisations))
            .Compare(localizer["Stadtbezirke und Ortschaften"], Names(Input.DistrictIds, places), Names(stored.Districts.Select(d => d.Id), places))
            .Compare(localizer["Beginn"], Date(Input.StartDate), Date(stored.StartDate))
            .Compare(localizer["Ende"], Date(Input.EndDate), Date(stored.EndDate))
            .Compare(localizer["Geschätzte Kosten in Euro"], cost.Problem is null ? MoneyInput.Format(cost.Value, culture) : Input.EstimatedCost, MoneyInput.Format(stored.EstimatedCost, culture))
            .Compare(localizer["Finanzierung"], Input.Funding, stored.Funding)
            .Compare(localizer["Priorität"], localizer[PlanText.Priority(Input.Priority)], localizer[PlanText.Priority(stored.Priority)])
            .Compare(Levels.Principle.Many, Names(Input.PrincipleIds, Principles), Names(stored.Principles.Select(p => p.Id), Principles))
            .Compare(localizer["Status"], localizer[PlanText.Status(Input.Status)], localizer[PlanText.Status(stored.Status)])
            .Compare(localizer["Fortschritt in Prozent"], Input.Progress?.ToString(CultureInfo.InvariantCulture), stored.Progress.ToString(CultureInfo.InvariantCulture))
            .Compare(localizer["Beispielinhalt"], Input.IsExample ? localizer["ja"] : localizer["nein"], stored.IsExample ? localizer["ja"] : localizer["nein"]);
        ModelState.Remove("Input.Version");
        ModelState.Remove("Input.OriginalNumber");
        Input.Version = stored.Version;
        Input.OriginalNumber = stored.Number;
    }

    private async Task<List<string>> NumbersInPlanAsync(int? except, CancellationToken ct) =>
        await db.Measures.AsNoTracking().Where(m => m.PlanId == PlanId && m.Id != (except ?? 0)).Select(m => m.Number).ToListAsync(ct);

    /// <summary>The plan and the choices the form offers. False when the plan, or the measure in that plan, does not exist here.</summary>
    private async Task<bool> LoadAsync(int planId, int? measureId, CancellationToken ct)
    {
        var plan = await db.Plans.AsNoTracking().Where(p => p.Id == planId).SelectHeading().FirstOrDefaultAsync(ct);
        if (plan is null) return false;
        if (measureId is int id)
        {
            var number = await db.Measures.AsNoTracking().Where(m => m.Id == id && m.PlanId == planId).Select(m => m.Number).FirstOrDefaultAsync(ct);
            if (number is null) return false;
            StoredNumber = number;
        }
        PlanId = planId;
        PlanTitle = plan.Title;
        Levels = plan.Levels;
        MeasureId = measureId;
        var fields = await db.FieldsOfAction.AsNoTracking().Where(f => f.PlanId == planId).ToListAsync(ct);
        Fields = fields.InOrder().Select(f => new FieldChoice(f.Id, f.Number, f.Title)).ToList();
        var districts = (await db.Districts.AsNoTracking().Select(d => new { d.Id, d.Name, d.Kind }).ToListAsync(ct))
            .OrderBy(d => d.Name, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true)).ToList();
        Districts = districts.Where(d => d.Kind == DistrictKind.District).Select(d => new Choice(d.Id, d.Name)).ToList();
        Localities = districts.Where(d => d.Kind == DistrictKind.Locality).Select(d => new Choice(d.Id, d.Name)).ToList();
        var principles = await db.Principles.AsNoTracking().Where(p => p.PlanId == planId).ToListAsync(ct);
        Principles = principles.InOrder().Select((p, i) => new Choice(p.Id, (i + 1).ToString(CultureInfo.InvariantCulture) + ". " + p.Title)).ToList();
        Organisations = (await db.Stakeholders.AsNoTracking().Select(s => new Choice(s.Id, s.Name)).ToListAsync(ct))
            .OrderBy(o => o.Label, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true)).ToList();
        HelpServices = (await db.HelpServices.AsNoTracking().Select(h => new Choice(h.Id, h.Name)).ToListAsync(ct))
            .OrderBy(o => o.Label, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true)).ToList();
        return true;
    }

    private static int? LeadOf(Measure m) => m.Organisations.Where(o => o.Role == MeasureOrganisationRole.Lead).Select(o => (int?)o.OrganisationId).FirstOrDefault();

    private static List<int> PartnersOf(Measure m) =>
        m.Organisations.Where(o => o.Role == MeasureOrganisationRole.Partner).OrderBy(o => o.Position).Select(o => o.OrganisationId).ToList();
}
