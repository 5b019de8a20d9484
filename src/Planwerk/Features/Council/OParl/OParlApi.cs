using Planwerk.Infrastructure.Files;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Municipalities;

namespace Planwerk.Features.Council.OParl;

/// <summary>The read-only OParl 1.1 API under /oparl/v1/: the system, one OParl body per municipality,
/// and below each body its council bodies (OParl: Organization), meetings with their public agenda
/// items, papers with their consultations and files. Anonymous on purpose: it publishes what the public
/// council pages show. Non-public agenda items are never published. See docs/oparl.md.</summary>
public static class OParlApi
{
    /// <summary>Not <c>municipality</c>: the tenancy middleware would answer an unknown one with an empty
    /// 404 (then an HTML error page); OParl clients get JSON, so the body is looked up here.</summary>
    public const string BodyRouteKey = "body";

    public const int DefaultPageSize = 100;

    private sealed record Tenant(OParlUrls Urls, string Name, DateTimeOffset CreatedAt);

    public static IEndpointRouteBuilder MapOParl(this IEndpointRouteBuilder app)
    {
        var oparl = app.MapGroup(OParlUrls.Prefix).AllowAnonymous().WithTags("OParl").ExcludeFromDescription();

        // The API's root is its system object, so a client (or a person) starting at /oparl/v1 finds the way in.
        oparl.MapGet("", (HttpContext context) => Results.Redirect(OParlUrls.System(context.Request)));
        oparl.MapGet("/system", (HttpContext context, IConfiguration config) => OParlJson.Json(SystemObject(context.Request, config)));
        oparl.MapGet("/bodies", BodiesAsync);

        var body = oparl.MapGroup("/bodies/{" + BodyRouteKey + "}").CacheOutput(OParlCache.Instance);
        body.MapGet("", (string body, HttpContext context, PlanwerkDbContext db, CancellationToken ct) =>
            OneAsync(body, context, db, t => Task.FromResult<OParlBody?>(BodyObject(t)), ct));

        body.MapGet("/organizations", (string body, HttpContext context, PlanwerkDbContext db, IConfiguration config, CancellationToken ct) =>
            ListAsync(body, context, db, config, (t, q, size) => OParlList.PageAsync(context, q, size,
                q.Filter(db.CouncilBodies), Deleted(db, "organizations"), t.Urls, page => OrganizationsAsync(db, t.Urls, page, ct), ct), ct));
        body.MapGet("/organizations/{id:int}", (string body, int id, HttpContext context, PlanwerkDbContext db, CancellationToken ct) =>
            OneAsync(body, context, db, async t => await (await OrganizationsAsync(db, t.Urls, db.CouncilBodies.Where(b => b.Id == id), ct)).FirstOrDeleted(db, t, "organizations", id, ct), ct));

        // The meetings of one organization (OParl: Organization.meeting, an external list); 404 for an unknown one.
        // A deleted meeting no longer says whose it was, so it is listed in the body's meeting list only.
        body.MapGet("/organizations/{id:int}/meetings", (string body, int id, HttpContext context, PlanwerkDbContext db, IConfiguration config, CancellationToken ct) =>
            ListAsync(body, context, db, config, async (t, q, size) => !await db.CouncilBodies.AnyAsync(b => b.Id == id, ct)
                ? OParlJson.NotFound()
                : await OParlList.PageAsync(context, q, size, q.Filter(db.Meetings.Where(m => m.BodyId == id)), null, t.Urls,
                    page => MeetingsAsync(db, t.Urls, page, q.OmitInternal, ct), ct), ct));

        body.MapGet("/persons", (string body, HttpContext context, PlanwerkDbContext db, IConfiguration config, CancellationToken ct) =>
            ListAsync(body, context, db, config, (t, q, size) => OParlList.PageAsync(context, q, size,
                q.Filter(db.CouncilPersons), Deleted(db, "persons"), t.Urls, page => PersonsAsync(db, t.Urls, page, ct), ct), ct));
        body.MapGet("/persons/{id:int}", (string body, int id, HttpContext context, PlanwerkDbContext db, CancellationToken ct) =>
            OneAsync(body, context, db, async t => await (await PersonsAsync(db, t.Urls, db.CouncilPersons.Where(p => p.Id == id), ct)).FirstOrDeleted(db, t, "persons", id, ct), ct));
        // Memberships are embedded in their person; each also answers at its own address, as organizations name them.
        body.MapGet("/memberships/{id:int}", (string body, int id, HttpContext context, PlanwerkDbContext db, CancellationToken ct) =>
            OneAsync(body, context, db, async t => await Objects(await MembershipsAsync(t.Urls, db.BodyMemberships.Where(m => m.Id == id), ct)).FirstOrDeleted(db, t, "memberships", id, ct), ct));
        body.MapGet("/legislativeterms", (string body, HttpContext context, PlanwerkDbContext db, IConfiguration config, CancellationToken ct) =>
            ListAsync(body, context, db, config, (_, _, size) => Task.FromResult(OParlList.Empty(context, size)), ct));

        body.MapGet("/meetings", (string body, HttpContext context, PlanwerkDbContext db, IConfiguration config, CancellationToken ct) =>
            ListAsync(body, context, db, config, (t, q, size) => OParlList.PageAsync(context, q, size,
                q.Filter(db.Meetings), Deleted(db, "meetings"), t.Urls, page => MeetingsAsync(db, t.Urls, page, q.OmitInternal, ct), ct), ct));
        body.MapGet("/meetings/{id:int}", (string body, int id, HttpContext context, PlanwerkDbContext db, CancellationToken ct) =>
            OneAsync(body, context, db, async t => await (await MeetingsAsync(db, t.Urls, db.Meetings.Where(m => m.Id == id), false, ct)).FirstOrDeleted(db, t, "meetings", id, ct), ct));
        body.MapGet("/meetings/{id:int}/location", (string body, int id, HttpContext context, PlanwerkDbContext db, CancellationToken ct) =>
            OneAsync<OParlLocation>(body, context, db, async t => (await db.Meetings.Where(m => m.Id == id && m.Location != "")
                .Select(m => new { m.Id, m.Location, m.CreatedAt, m.ModifiedAt }).ToListAsync(ct))
                .Select(m => Location(t.Urls, m.Id, m.Location, m.CreatedAt, m.ModifiedAt)).FirstOrDefault(), ct));

        body.MapGet("/agendaitems", (string body, HttpContext context, PlanwerkDbContext db, IConfiguration config, CancellationToken ct) =>
            ListAsync(body, context, db, config, (t, q, size) => OParlList.PageAsync(context, q, size,
                q.Filter(db.AgendaItems.Where(a => a.IsPublic)), Deleted(db, "agendaitems"), t.Urls, async page => Objects(await AgendaItemsAsync(db, t.Urls, page, ct)), ct), ct));
        body.MapGet("/agendaitems/{id:int}", (string body, int id, HttpContext context, PlanwerkDbContext db, CancellationToken ct) =>
            OneAsync(body, context, db, async t => await Objects(await AgendaItemsAsync(db, t.Urls, db.AgendaItems.Where(a => a.Id == id && a.IsPublic), ct)).FirstOrDeleted(db, t, "agendaitems", id, ct), ct));

        body.MapGet("/papers", (string body, HttpContext context, PlanwerkDbContext db, IConfiguration config, CancellationToken ct) =>
            ListAsync(body, context, db, config, (t, q, size) => OParlList.PageAsync(context, q, size,
                q.Filter(db.Papers), Deleted(db, "papers"), t.Urls, page => PapersAsync(db, t.Urls, page, q.OmitInternal, ct), ct), ct));
        body.MapGet("/papers/{id:int}", (string body, int id, HttpContext context, PlanwerkDbContext db, CancellationToken ct) =>
            OneAsync(body, context, db, async t => await (await PapersAsync(db, t.Urls, db.Papers.Where(p => p.Id == id), false, ct)).FirstOrDeleted(db, t, "papers", id, ct), ct));

        body.MapGet("/consultations", (string body, HttpContext context, PlanwerkDbContext db, IConfiguration config, CancellationToken ct) =>
            ListAsync(body, context, db, config, (t, q, size) => OParlList.PageAsync(context, q, size,
                q.Filter(db.PaperConsultations), Deleted(db, "consultations"), t.Urls, async page => Objects(await ConsultationsAsync(t.Urls, page, ct)), ct), ct));
        body.MapGet("/consultations/{id:int}", (string body, int id, HttpContext context, PlanwerkDbContext db, CancellationToken ct) =>
            OneAsync(body, context, db, async t => await Objects(await ConsultationsAsync(t.Urls, db.PaperConsultations.Where(c => c.Id == id), ct)).FirstOrDeleted(db, t, "consultations", id, ct), ct));

        body.MapGet("/files", (string body, HttpContext context, PlanwerkDbContext db, IConfiguration config, CancellationToken ct) =>
            ListAsync(body, context, db, config, (t, q, size) => OParlList.PageAsync(context, q, size,
                q.Filter(db.PaperFiles), Deleted(db, "files"), t.Urls, async page => Objects(await FilesAsync(t.Urls, page, ct)), ct), ct));
        body.MapGet("/files/{id:int}", (string body, int id, HttpContext context, PlanwerkDbContext db, CancellationToken ct) =>
            OneAsync(body, context, db, async t => await Objects(await FilesAsync(t.Urls, db.PaperFiles.Where(f => f.Id == id), ct)).FirstOrDeleted(db, t, "files", id, ct), ct));

        // Not output-cached: a file may be large; the ETag (its SHA-256) lets clients revalidate cheaply.
        oparl.MapGet("/bodies/{" + BodyRouteKey + "}/files/{id:int}/download", DownloadAsync);

        // Any other address under /oparl answers in JSON too, not with the site's HTML error page.
        app.MapGet("/oparl/{**rest}", () => OParlJson.NotFound("Diese OParl-Adresse gibt es nicht; der Einstieg ist " + OParlUrls.Prefix + "/system."))
            .AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    private static int PageSize(IConfiguration config) => Math.Clamp(config.GetValue<int?>("OParl:PageSize") ?? DefaultPageSize, 1, 1000);

    /// <summary>Looks the body (municipality) up by its slug and scopes the DbContext to it, so every
    /// later query sees only its rows.</summary>
    private static async Task<Tenant?> EnterAsync(HttpContext context, PlanwerkDbContext db, string slug, CancellationToken ct)
    {
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        var lower = slug.ToLowerInvariant();
        var found = await db.Municipalities.Where(m => m.Slug == lower).Select(m => new { m.Id, m.Slug, m.Name, m.CreatedAt }).FirstOrDefaultAsync(ct);
        if (found is null) return null;
        db.CurrentMunicipalityId = found.Id;
        return new Tenant(new OParlUrls(OParlUrls.Root(context.Request), found.Slug), found.Name, found.CreatedAt);
    }

    private static IResult UnknownBody() => OParlJson.NotFound("Diese Körperschaft (Kommune) gibt es hier nicht.");

    private static async Task<IResult> OneAsync<T>(string body, HttpContext context, PlanwerkDbContext db, Func<Tenant, Task<T?>> load, CancellationToken ct)
        where T : class
    {
        var tenant = await EnterAsync(context, db, body, ct);
        if (tenant is null) return UnknownBody();
        var item = await load(tenant);
        return item is null ? OParlJson.NotFound() : OParlJson.Json<object>(item);
    }

    private static async Task<IResult> ListAsync(string body, HttpContext context, PlanwerkDbContext db, IConfiguration config,
        Func<Tenant, OParlListQuery, int, Task<IResult>> list, CancellationToken ct)
    {
        var (query, error) = OParlListQuery.Parse(context.Request.Query);
        if (query is null) return OParlJson.Error(StatusCodes.Status400BadRequest, error!);
        var tenant = await EnterAsync(context, db, body, ct);
        if (tenant is null) return UnknownBody();
        return await list(tenant, query, PageSize(config));
    }

    private static OParlSystem SystemObject(HttpRequest request, IConfiguration config)
    {
        var root = OParlUrls.Root(request) + "/";
        return new OParlSystem(OParlUrls.System(request), config["OParl:Name"] ?? "Planwerk", OParlUrls.Bodies(request), root,
            config["OParl:Vendor"] ?? root, config["OParl:Product"] ?? root,
            NullIfEmpty(config["OParl:ContactEmail"]), NullIfEmpty(config["OParl:ContactName"]));
    }

    private static OParlBody BodyObject(Tenant t)
    {
        var u = t.Urls;
        var created = OParlJson.DateTime(t.CreatedAt);
        return new OParlBody(u.Body, u.SystemUrl, u.Slug, t.Name, u.Web,
            u.List("organizations"), u.List("persons"), u.List("meetings"), u.List("papers"), u.List("agendaitems"),
            u.List("consultations"), u.List("files"), u.List("legislativeterms"), created, created, u.Web);
    }

    /// <summary>All municipalities, as OParl bodies. A municipality records only when it was created,
    /// so the modified filters read that moment too.</summary>
    private static async Task<IResult> BodiesAsync(HttpContext context, PlanwerkDbContext db, IConfiguration config, CancellationToken ct)
    {
        var (query, error) = OParlListQuery.Parse(context.Request.Query);
        if (query is null) return OParlJson.Error(StatusCodes.Status400BadRequest, error!);
        db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
        IQueryable<Municipality> all = db.Municipalities;
        if (Later(query.CreatedSince, query.ModifiedSince) is { } since) all = all.Where(m => m.CreatedAt >= since);
        if (Earlier(query.CreatedUntil, query.ModifiedUntil) is { } until) all = all.Where(m => m.CreatedAt <= until);
        var root = OParlUrls.Root(context.Request);
        var size = PageSize(config);
        var after = query.After;
        var rows = await all.Where(m => m.Id > after).OrderBy(m => m.Id).Take(size + 1).Select(m => new { m.Id, m.Slug, m.Name, m.CreatedAt }).ToListAsync(ct);
        var data = rows.Take(size).Select(m => (object)BodyObject(new Tenant(new OParlUrls(root, m.Slug), m.Name, m.CreatedAt))).ToList();
        return OParlJson.Json(new OParlPage<object>(data, new OParlPagination(size), OParlList.Links(context.Request, rows.Count > size ? rows[size - 1].Id : null)));
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a > b ? a : b);
    private static DateTimeOffset? Earlier(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a < b ? a : b);

    /// <summary>Two commands: the bodies, and their memberships' ids.</summary>
    private static async Task<List<OParlOrganization>> OrganizationsAsync(PlanwerkDbContext db, OParlUrls u, IQueryable<CouncilBody> bodies, CancellationToken ct)
    {
        var rows = await bodies.Select(b => new { b.Id, b.Name, b.ShortName, b.Classification, b.StartDate, b.EndDate, b.Website, b.CreatedAt, b.ModifiedAt })
            .ToListAsync(ct);
        var ids = rows.Select(b => b.Id).ToList();
        var members = (await db.BodyMemberships.Where(m => ids.Contains(m.BodyId)).OrderBy(m => m.Id).Select(m => new { m.Id, m.BodyId }).ToListAsync(ct))
            .ToLookup(m => m.BodyId, m => u.Membership(m.Id));
        return rows.Select(b => new OParlOrganization(u.Organization(b.Id), u.Body, b.Name, NullIfEmpty(b.ShortName),
                b.Classification == BodyClassification.ParliamentaryGroup ? "Fraktion" : "Gremium", Classification(b.Classification),
                OParlJson.Date(b.StartDate), OParlJson.Date(b.EndDate), AbsoluteUrlOrNull(b.Website), u.Organization(b.Id) + "/meetings",
                members[b.Id].ToList() is { Count: > 0 } m ? m : null, OParlJson.DateTime(b.CreatedAt), OParlJson.DateTime(b.ModifiedAt)))
            .ToList();
    }

    /// <summary>Two commands: the persons, and their memberships.</summary>
    private static async Task<List<OParlPerson>> PersonsAsync(PlanwerkDbContext db, OParlUrls u, IQueryable<CouncilPerson> persons, CancellationToken ct)
    {
        var rows = await persons.Select(p => new { p.Id, p.FamilyName, p.GivenName, p.FormOfAddress, p.Title, p.Affix, p.CreatedAt, p.ModifiedAt }).ToListAsync(ct);
        var ids = rows.Select(p => p.Id).ToList();
        var memberships = (await MembershipsAsync(u, db.BodyMemberships.Where(m => ids.Contains(m.PersonId)).OrderBy(m => m.StartDate).ThenBy(m => m.Id), ct))
            .ToLookup(m => m.PersonId, m => m.Item);
        return rows.Select(p => new OParlPerson(u.Person(p.Id), u.Body, CouncilPerson.FullName(p.Title, p.GivenName, p.Affix, p.FamilyName), p.FamilyName,
                NullIfEmpty(p.GivenName), NullIfEmpty(p.FormOfAddress), NullIfEmpty(p.Affix), p.Title.Length > 0 ? [p.Title] : null,
                memberships[p.Id].ToList(), OParlJson.DateTime(p.CreatedAt), OParlJson.DateTime(p.ModifiedAt)))
            .ToList();
    }

    private static async Task<List<(int PersonId, OParlMembership Item)>> MembershipsAsync(OParlUrls u, IQueryable<BodyMembership> memberships, CancellationToken ct) =>
        (await memberships.Select(m => new { m.Id, m.PersonId, m.BodyId, m.Role, m.VotingRight, m.StartDate, m.EndDate, m.CreatedAt, m.ModifiedAt }).ToListAsync(ct))
        .Select(m => (m.PersonId, new OParlMembership(u.Membership(m.Id), u.Person(m.PersonId), u.Organization(m.BodyId), CouncilText.MembershipRole(m.Role), m.VotingRight,
            OParlJson.Date(m.StartDate), OParlJson.Date(m.EndDate), OParlJson.DateTime(m.CreatedAt), OParlJson.DateTime(m.ModifiedAt))))
        .ToList();

    private static async Task<List<OParlMeeting>> MeetingsAsync(PlanwerkDbContext db, OParlUrls u, IQueryable<Meeting> meetings, bool omitInternal, CancellationToken ct)
    {
        var rows = await meetings.Select(m => new { m.Id, m.Name, m.Start, m.StartTimeUnknown, m.IsSpecialSession, m.End, m.Location, m.State, m.BodyId, m.CreatedAt, m.ModifiedAt }).ToListAsync(ct);
        var ids = rows.Select(m => m.Id).ToList();
        var items = omitInternal ? [] : await AgendaItemsAsync(db, u,
            db.AgendaItems.Where(a => ids.Contains(a.MeetingId) && a.IsPublic).OrderBy(a => a.Order).ThenBy(a => a.Id), ct);
        var byMeeting = items.ToLookup(i => i.MeetingId, i => i.Item);
        return rows.Select(m => new OParlMeeting(u.Meeting(m.Id), m.Name, MeetingState(m.State), m.State == Council.MeetingState.Cancelled,
                OParlJson.DateTime(m.Start), OParlJson.DateTime(m.End),
                m.Location == "" ? null : Location(u, m.Id, m.Location, m.CreatedAt, m.ModifiedAt),
                [u.Organization(m.BodyId)], omitInternal ? null : byMeeting[m.Id].ToList(), u.MeetingWeb(m.Id),
                OParlJson.DateTime(m.CreatedAt), OParlJson.DateTime(m.ModifiedAt), MeetingKeywords(m.IsSpecialSession, m.StartTimeUnknown)))
            .ToList();
    }

    /// <summary>A special session says so; a meeting whose time is not known starts at 00:00 (Europe/Berlin) of its day,
    /// and says that the time is open, so a client does not show midnight as its time.</summary>
    public static IReadOnlyList<string>? MeetingKeywords(bool specialSession, bool timeUnknown)
    {
        List<string> words = [];
        if (specialSession) words.Add(SpecialSessionKeyword);
        if (timeUnknown) words.Add(TimeUnknownKeyword);
        return words.Count == 0 ? null : words;
    }

    public const string SpecialSessionKeyword = "Sondersitzung";

    public const string TimeUnknownKeyword = "Uhrzeit offen";

    private static OParlLocation Location(OParlUrls u, int meetingId, string description, DateTimeOffset created, DateTimeOffset modified) =>
        new(u.MeetingLocation(meetingId), description, OParlJson.DateTime(created), OParlJson.DateTime(modified));

    /// <summary>Two commands: the items, and the consultation each treats. The caller keeps non-public items out.</summary>
    private static async Task<List<(int MeetingId, OParlAgendaItem Item)>> AgendaItemsAsync(PlanwerkDbContext db, OParlUrls u,
        IQueryable<AgendaItem> items, CancellationToken ct)
    {
        var rows = await items.Select(a => new { a.Id, a.MeetingId, a.Number, a.Order, a.Name, a.IsPublic, a.Reading, a.Result, a.CreatedAt, a.ModifiedAt }).ToListAsync(ct);
        var ids = rows.Select(a => a.Id).ToList();
        var treated = await AgendaItemResults.TreatedAsync(db, ids, ct);
        return rows.Select(a => (a.MeetingId, new OParlAgendaItem(u.AgendaItem(a.Id), u.Meeting(a.MeetingId), NullIfEmpty(a.Number), a.Order, a.Name, a.IsPublic,
                treated.TryGetValue(a.Id, out var c) ? u.Consultation(c.ConsultationId) : null,
                AgendaItemResults.Name(a.Result, c),
                OParlJson.DateTime(a.CreatedAt), OParlJson.DateTime(a.ModifiedAt),
                a.Reading == Reading.None ? null : [CouncilText.Reading(a.Reading)])))
            .ToList();
    }

    private static async Task<List<OParlPaper>> PapersAsync(PlanwerkDbContext db, OParlUrls u, IQueryable<Paper> papers, bool omitInternal, CancellationToken ct)
    {
        var rows = await papers.Select(p => new { p.Id, p.Name, p.Reference, p.ReferenceIsExample, p.PaperType, p.Date, p.ReplacesPaperId, p.AmendsPaperId,
            p.OriginatorBodyId, p.CreatedAt, p.ModifiedAt }).ToListAsync(ct);
        var ids = rows.Select(p => p.Id).ToList();
        // relatedPaper both ways: the paper a revision replaces, and the revisions that replace it; and an amendment's
        // superordinatedPaper both ways: the amended paper lists its amendments as subordinatedPaper (one command).
        var pointing = await db.Papers.Where(p => (p.ReplacesPaperId != null && ids.Contains(p.ReplacesPaperId.Value)) || (p.AmendsPaperId != null && ids.Contains(p.AmendsPaperId.Value)))
            .Select(p => new { p.Id, p.ReplacesPaperId, p.AmendsPaperId }).ToListAsync(ct);
        var replacedBy = pointing.Where(p => p.ReplacesPaperId is int r && ids.Contains(r)).ToLookup(p => p.ReplacesPaperId!.Value, p => p.Id);
        var amendedBy = pointing.Where(p => p.AmendsPaperId is int a && ids.Contains(a)).OrderBy(p => p.Id).ToLookup(p => p.AmendsPaperId!.Value, p => u.Paper(p.Id));
        var files = omitInternal ? [] : await FilesAsync(u, db.PaperFiles.Where(f => ids.Contains(f.PaperId)).OrderBy(f => f.Position).ThenBy(f => f.Id), ct);
        var consultations = omitInternal ? [] : await ConsultationsAsync(u,
            db.PaperConsultations.Where(c => ids.Contains(c.PaperId)).OrderBy(c => c.Position).ThenBy(c => c.Id), ct);
        var filesOf = files.ToLookup(f => f.PaperId, f => f.Item);
        var consultationsOf = consultations.ToLookup(c => c.PaperId, c => c.Item);
        return rows.Select(p =>
            {
                var own = filesOf[p.Id].ToList();
                return new OParlPaper(u.Paper(p.Id), u.Body, p.Name, p.Reference, OParlJson.Date(p.Date), NullIfEmpty(p.PaperType),
                    own.FirstOrDefault(), own.Count > 1 ? own.Skip(1).ToList() : null, omitInternal ? null : consultationsOf[p.Id].ToList(),
                    p.ReferenceIsExample ? ["Beispielnummer"] : null, u.PaperWeb(p.Id), OParlJson.DateTime(p.CreatedAt), OParlJson.DateTime(p.ModifiedAt),
                    Related(u, p.ReplacesPaperId, replacedBy[p.Id]),
                    p.AmendsPaperId is int amends ? [u.Paper(amends)] : null, amendedBy[p.Id].ToList() is { Count: > 0 } amendments ? amendments : null,
                    p.OriginatorBodyId is int originator ? [u.Organization(originator)] : null);
            })
            .ToList();
    }

    /// <summary>One command. The agenda item is named only when it is public. Only the consultation in the role
    /// "decision" with a deciding result is authoritative (a postponement in the council is not); the result's
    /// name is given as the consultation's keyword, as OParl 1.1 has no field for it.</summary>
    private static async Task<List<(int PaperId, OParlConsultation Item)>> ConsultationsAsync(OParlUrls u, IQueryable<PaperConsultation> consultations, CancellationToken ct) =>
        (await consultations.Select(c => new
            {
                c.Id, c.PaperId, c.MeetingId, c.BodyId, c.Role, c.Result, CustomName = c.CustomResult != null ? c.CustomResult.Name : null,
                CustomIsDeciding = c.CustomResult != null ? (bool?)c.CustomResult.IsDeciding : null, c.CreatedAt, c.ModifiedAt,
                AgendaItemId = c.AgendaItem != null && c.AgendaItem.IsPublic ? c.AgendaItemId : null,
            }).ToListAsync(ct))
        .Select(c => (c.PaperId, new OParlConsultation(u.Consultation(c.Id), u.Paper(c.PaperId),
            c.AgendaItemId is int a ? u.AgendaItem(a) : null, c.MeetingId is int m ? u.Meeting(m) : null, [u.Organization(c.BodyId)],
            ConsultationResults.IsAuthoritative(c.Role, c.Result, c.CustomIsDeciding), Role(c.Role),
            CouncilText.ResultName(c.Result, c.CustomName) is { } name ? [name.Text] : null, OParlJson.DateTime(c.CreatedAt), OParlJson.DateTime(c.ModifiedAt))))
        .ToList();

    /// <summary>One command, without the files' bytes.</summary>
    private static async Task<List<(int PaperId, OParlFile Item)>> FilesAsync(OParlUrls u, IQueryable<PaperFile> files, CancellationToken ct) =>
        (await files.Select(f => new { f.Id, f.PaperId, f.Name, f.FileName, f.MimeType, f.Size, f.DocumentDate, f.CreatedAt, f.ModifiedAt }).ToListAsync(ct))
        .Select(f => (f.PaperId, new OParlFile(u.File(f.Id), f.Name, f.FileName, f.MimeType, OParlJson.Date(f.DocumentDate), f.Size,
            u.FileDownload(f.Id), u.FileDownload(f.Id), [u.Paper(f.PaperId)], OParlJson.DateTime(f.CreatedAt), OParlJson.DateTime(f.ModifiedAt))))
        .ToList();

    private static List<string>? Related(OParlUrls u, int? replaces, IEnumerable<int> replacedBy)
    {
        var related = (replaces is int r ? [r] : Array.Empty<int>()).Concat(replacedBy.Order()).Select(u.Paper).ToList();
        return related.Count == 0 ? null : related;
    }

    private static List<T> Objects<TKey, T>(IEnumerable<(TKey, T Item)> pairs) => pairs.Select(p => p.Item).ToList();

    private static IQueryable<DeletedCouncilObject> Deleted(PlanwerkDbContext db, string kind) => db.DeletedCouncilObjects.Where(d => d.Kind == kind);

    /// <summary>The object, or what is kept of it when it was deleted (OParl: the object URL answers with
    /// <c>deleted: true</c>), or null when there never was one here. One more command only when it is gone.</summary>
    private static async Task<IOParlObject?> FirstOrDeleted<T>(this IReadOnlyList<T> items, PlanwerkDbContext db, Tenant t, string kind, int id, CancellationToken ct)
        where T : IOParlObject
    {
        if (items.Count > 0) return items[0];
        var gone = await Deleted(db, kind).Where(d => d.ObjectId == id).Select(d => new { d.CreatedAt, d.ModifiedAt }).FirstOrDefaultAsync(ct);
        return gone is null ? null : OParlDeleted.Of(t.Urls, kind, id, gone.CreatedAt, gone.ModifiedAt);
    }

    private static async Task<IResult> DownloadAsync(string body, int id, HttpContext context, PlanwerkDbContext db, CancellationToken ct)
    {
        var tenant = await EnterAsync(context, db, body, ct);
        if (tenant is null) return UnknownBody();
        var file = await db.PaperFiles.Where(f => f.Id == id).Select(f => new { f.FileName, f.MimeType, f.Content, f.Sha256 }).FirstOrDefaultAsync(ct);
        if (file is null) return OParlJson.NotFound();
        var etag = file.Sha256 == "" ? null : new Microsoft.Net.Http.Headers.EntityTagHeaderValue("\"" + file.Sha256 + "\"");
        // Always as an attachment, never shown inline on our origin, with the type recognised from the bytes and a
        // name to match, as the public file page sends it: a row stored under another name or type is not trusted.
        var type = PaperFileTypes.Recognise(file.Content) ?? "application/octet-stream";
        return TypedResults.File(file.Content, type, DocumentTypes.NameFor(file.FileName, type, "Datei"), entityTag: etag);
    }

    public static string Classification(BodyClassification classification) => classification switch
    {
        BodyClassification.CityCouncil => "Stadtrat",
        BodyClassification.Committee => "Ausschuss",
        BodyClassification.DistrictAdvisoryCouncil => "Stadtbezirksbeirat",
        BodyClassification.LocalCouncil => "Ortschaftsrat",
        BodyClassification.CouncilOfElders => "Ältestenrat",
        BodyClassification.AdvisoryCouncil => "Beirat",
        BodyClassification.ParliamentaryGroup => "Fraktion",
        _ => classification.ToString(),
    };

    public static string MeetingState(MeetingState state) => state switch
    {
        Council.MeetingState.Scheduled => "terminiert",
        Council.MeetingState.Invited => "eingeladen",
        Council.MeetingState.Held => "durchgeführt",
        Council.MeetingState.Cancelled => "abgesagt",
        _ => state.ToString(),
    };

    public static string Role(ConsultationRole role) => role switch
    {
        ConsultationRole.PreliminaryConsultation => "Vorberatung",
        ConsultationRole.Decision => "Entscheidung",
        ConsultationRole.ForInformation => "Kenntnisnahme",
        _ => role.ToString(),
    };

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    /// <summary>The schema wants a URL; a website typed without a scheme is left out rather than published broken.</summary>
    private static string? AbsoluteUrlOrNull(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri.ToString() : null;
}
