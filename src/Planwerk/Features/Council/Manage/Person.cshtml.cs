using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Council.Manage;

/// <summary>A member of the council's bodies: the name as the council publishes it, and the memberships (body, role,
/// voting right, time). Added, changed and deleted by the council office; the plan team reads.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class PersonModel(PlanwerkDbContext db, IOutputCacheStore cache, IStringLocalizer<SharedResource> l) : CouncilPageModel
{
    public sealed class PersonInput
    {
        public string? FamilyName { get; set; }
        public string? GivenName { get; set; }
        public string? Title { get; set; }
        public string? Affix { get; set; }
        public string? FormOfAddress { get; set; }
        public int Version { get; set; }
    }

    public sealed class MembershipInput
    {
        public int BodyId { get; set; }
        public MembershipRole Role { get; set; } = MembershipRole.Member;
        /// <summary>No default here: an unticked box sends nothing, so a default of true could never be taken back.
        /// The blank form ticks it.</summary>
        public bool VotingRight { get; set; }
        [Display(Name = "Beginn")]
        [Range(typeof(DateOnly), BerlinTime.DateMin, BerlinTime.DateMax, ErrorMessage = BerlinTime.OutOfRange, ParseLimitsInInvariantCulture = true)]
        public DateOnly? StartDate { get; set; }
        [Display(Name = "Ende")]
        [Range(typeof(DateOnly), BerlinTime.DateMin, BerlinTime.DateMax, ErrorMessage = BerlinTime.OutOfRange, ParseLimitsInInvariantCulture = true)]
        public DateOnly? EndDate { get; set; }
    }

    public sealed record MembershipRow(int Id, int BodyId, string Body, MembershipRole Role, bool VotingRight, DateOnly? StartDate, DateOnly? EndDate);

    public sealed record BodyOption(int Id, string Name);

    [BindProperty]
    public PersonInput Input { get; set; } = new();

    [BindProperty]
    public MembershipInput Membership { get; set; } = new();

    public int? PersonId { get; private set; }

    public string StoredName { get; private set; } = "";

    public IReadOnlyList<MembershipRow> Memberships { get; private set; } = [];

    public IReadOnlyList<BodyOption> Bodies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string key, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id)) return NotFound();
        await BodiesAsync(ct);
        Membership.VotingRight = true;
        if (id is null) return Page();
        if (await FindAsync(id.Value, ct) is not { } person) return NotFound();
        Fill(person);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string key, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id)) return NotFound();
        await BodiesAsync(ct);
        CouncilPerson? person = null;
        if (id is not null && (person = await FindAsync(id.Value, ct)) is null) return NotFound();
        foreach (var k in ModelState.Keys.Where(k => k.StartsWith("Membership.", StringComparison.Ordinal)).ToList()) ModelState.Remove(k);
        Membership = new MembershipInput { VotingRight = true };
        var familyName = Input.FamilyName?.Trim() ?? "";
        if (familyName.Length == 0) ModelState.AddModelError("Input.FamilyName", l["Bitte geben Sie den Familiennamen an."]);
        Limit("Input.FamilyName", familyName, CouncilPerson.MaxNameLength, l["Familienname"]);
        var givenName = Limit("Input.GivenName", Input.GivenName, CouncilPerson.MaxNameLength, l["Vorname"]);
        var title = Limit("Input.Title", Input.Title, CouncilPerson.MaxShortLength, l["Titel"]);
        var affix = Limit("Input.Affix", Input.Affix, CouncilPerson.MaxShortLength, l["Namenszusatz"]);
        var formOfAddress = Limit("Input.FormOfAddress", Input.FormOfAddress, CouncilPerson.MaxShortLength, l["Anrede"]);
        if (person is not null && person.Version != Input.Version) ShowConflict(person);
        if (!ModelState.IsValid || Conflict is not null) return Page();

        if (person is null)
        {
            person = new CouncilPerson { FamilyName = familyName };
            db.CouncilPersons.Add(person);
        }
        else ExpectVersion(db, person, Input.Version);
        person.FamilyName = familyName;
        person.GivenName = givenName;
        person.Title = title;
        person.Affix = affix;
        person.FormOfAddress = formOfAddress;
        var name = CouncilPerson.FullName(title, givenName, affix, familyName);
        return await SaveEditAsync(db, cache, null,
            save: () => db.SaveChangesAsync(ct),
            reload: () => db.CouncilPersons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == person.Id, ct),
            showConflict: ShowConflict,
            saved: () => (l["„{0}“ wurde gespeichert.", name], CouncilText.PersonUrl(Municipality.Slug, person.Id)));
    }

    public async Task<IActionResult> OnPostAddMembershipAsync(string key, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id) || id is null) return NotFound();
        await BodiesAsync(ct);
        if (await FindAsync(id.Value, ct) is not { } person) return NotFound();
        foreach (var k in ModelState.Keys.Where(k => k.StartsWith("Input.", StringComparison.Ordinal)).ToList()) ModelState.Remove(k);
        Fill(person);
        NameTheChoice("Membership.BodyId", l["Bitte wählen Sie das Gremium aus der Liste."]);
        NameTheChoice("Membership.Role", l["Bitte wählen Sie die Rolle aus der Liste."]);
        NameTheChoice("Membership.StartDate", l["Beginn: Bitte geben Sie ein Datum an (TT.MM.JJJJ)."]);
        NameTheChoice("Membership.EndDate", l["Ende: Bitte geben Sie ein Datum an (TT.MM.JJJJ)."]);
        var m = Membership;
        // The query filter keeps another municipality's bodies out: their ids are unknown here.
        var body = Bodies.FirstOrDefault(b => b.Id == m.BodyId);
        if (body is null) ModelState.AddModelError("Membership.BodyId", l["Bitte wählen Sie das Gremium aus der Liste."]);
        if (!Enum.IsDefined(m.Role)) ModelState.AddModelError("Membership.Role", l["Bitte wählen Sie die Rolle aus der Liste."]);
        if (m.StartDate is { } s && m.EndDate is { } e && e < s) ModelState.AddModelError("Membership.EndDate", l["Ende: Das Ende darf nicht vor dem Beginn liegen."]);
        if (ModelState.IsValid && body is not null && Memberships.Any(x => x.BodyId == body.Id && Overlaps(x.StartDate, x.EndDate, m.StartDate, m.EndDate)))
            ModelState.AddModelError("Membership.BodyId", l["„{0}“ ist in dieser Zeit schon Mitglied in „{1}“.", StoredName, body.Name]);
        if (!ModelState.IsValid) return Page();
        db.BodyMemberships.Add(new BodyMembership
        {
            PersonId = person.Id, BodyId = m.BodyId, Role = m.Role, VotingRight = m.VotingRight, StartDate = m.StartDate, EndDate = m.EndDate,
        });
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, l["Die Mitgliedschaft in „{0}“ wurde eingetragen.", body!.Name], CouncilText.PersonUrl(Municipality.Slug, person.Id) + "#memberships");
    }

    public async Task<IActionResult> OnPostRemoveMembershipAsync(string key, int membershipId, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id) || id is null || await FindAsync(id.Value, ct) is not { } person) return NotFound();
        var membership = await db.BodyMemberships.Include(x => x.Body).FirstOrDefaultAsync(x => x.Id == membershipId && x.PersonId == person.Id, ct);
        if (membership is null) return NotFound();
        db.BodyMemberships.Remove(membership);
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, l["Die Mitgliedschaft in „{0}“ wurde entfernt.", membership.Body!.Name], CouncilText.PersonUrl(Municipality.Slug, person.Id) + "#memberships");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string key, CancellationToken ct)
    {
        if (!TryParseKey(key, out var id) || id is null || await FindAsync(id.Value, ct) is not { } person) return NotFound();
        // The memberships are loaded, so each is kept as deleted for OParl clients, like the person.
        await db.BodyMemberships.Where(x => x.PersonId == person.Id).LoadAsync(ct);
        db.CouncilPersons.Remove(person);
        await db.SaveChangesAsync(ct);
        return await SavedAsync(cache, l["„{0}“ wurde gelöscht.", StoredName], CouncilText.ManageUrl(Municipality.Slug) + "#people");
    }

    /// <summary>Two periods overlap unless one ends before the other begins; an open end runs on.</summary>
    public static bool Overlaps(DateOnly? startA, DateOnly? endA, DateOnly? startB, DateOnly? endB) =>
        (endA is null || startB is null || startB <= endA) && (endB is null || startA is null || startA <= endB);

    private string Limit(string field, string? value, int max, string label)
    {
        var text = value?.Trim() ?? "";
        if (text.Length > max) ModelState.AddModelError(field, l["{0}: höchstens {1} Zeichen.", label, max]);
        return text;
    }

    private void Fill(CouncilPerson p) => Input = new PersonInput
    {
        FamilyName = p.FamilyName, GivenName = p.GivenName, Title = p.Title, Affix = p.Affix, FormOfAddress = p.FormOfAddress, Version = p.Version,
    };

    private void ShowConflict(CouncilPerson stored)
    {
        ModelState.AddModelError("", l["Diese Person wurde inzwischen von jemand anderem geändert. Ihre Eingaben sind noch nicht gespeichert; vergleichen Sie sie unten mit dem gespeicherten Stand."]);
        Conflict = new EditConflict()
            .Compare(l["Familienname"], Input.FamilyName?.Trim(), stored.FamilyName)
            .Compare(l["Vorname"], Input.GivenName?.Trim(), stored.GivenName)
            .Compare(l["Titel"], Input.Title?.Trim(), stored.Title)
            .Compare(l["Namenszusatz"], Input.Affix?.Trim(), stored.Affix)
            .Compare(l["Anrede"], Input.FormOfAddress?.Trim(), stored.FormOfAddress);
        ModelState.Remove("Input.Version");
        Input.Version = stored.Version;
    }

    private async Task BodiesAsync(CancellationToken ct) =>
        Bodies = await db.CouncilBodies.AsNoTracking().OrderBy(b => b.Name).Select(b => new BodyOption(b.Id, b.Name)).ToListAsync(ct);

    private async Task<CouncilPerson?> FindAsync(int id, CancellationToken ct)
    {
        var person = await db.CouncilPersons.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null) return null;
        PersonId = id;
        StoredName = CouncilPerson.FullName(person.Title, person.GivenName, person.Affix, person.FamilyName);
        Memberships = await db.BodyMemberships.AsNoTracking().Where(x => x.PersonId == id).OrderBy(x => x.StartDate).ThenBy(x => x.Id)
            .Select(x => new MembershipRow(x.Id, x.BodyId, x.Body!.Name, x.Role, x.VotingRight, x.StartDate, x.EndDate)).ToListAsync(ct);
        return person;
    }
}
