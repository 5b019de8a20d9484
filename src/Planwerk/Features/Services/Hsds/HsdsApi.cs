using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Security;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Services.Hsds;

/// <summary>The municipality's help-service directory as an HSDS 3.0 API under
/// <c>/api/v1/municipalities/{municipality}/hsds/</c>, following the standard's OpenAPI document: pages with the
/// standard's envelope, filters combined with AND, UUIDs as ids, and Planwerk's profile additions (a <c>language</c>
/// filter, a <c>lang</c> parameter for the texts, residence situations as attributes); see docs/hsds-profile.md.
/// Anonymous on purpose: it publishes what the public directory shows. Each request costs a fixed number of SQL commands.</summary>
public static class HsdsApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    public const int MaxSearchLength = 200;
    public const string ProfilePath = "/api/v1/hsds-profile";
    public const string StandardOpenApi = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json";

    public static string Root(string municipality) => "/api/v1/municipalities/" + municipality + "/hsds";

    public static IEndpointRouteBuilder MapHsdsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(ProfilePath, () => TypedResults.Text(ProfileText.Value, "text/markdown; charset=utf-8"))
            .AllowAnonymous().ExcludeFromDescription().CacheOutput(PublicPageCache.PolicyName);

        var api = app.MapGroup("/api/v1/municipalities/{municipality}/hsds").AllowAnonymous().ExcludeFromDescription()
            .CacheOutput(PublicPageCache.VaryingBy(HsdsQuery.Keys));

        api.MapGet("/", (PublicAddress address) => Json(null, null, new JsonObject
        {
            ["version"] = HsdsJson.Version, ["profile"] = address.Link(ProfilePath), ["openapi_url"] = StandardOpenApi,
        }));

        api.MapGet("/services", async (HttpContext context, PlanwerkDbContext db, CancellationToken ct) =>
        {
            var q = HsdsQuery.Read(context.Request.Query);
            if (q.Errors.Count > 0) return q.Problem();
            var filtered = await q.FilterAsync(db, db.HelpServices, ct);
            var ordered = filtered.OrderBy(s => s.Name).ThenBy(s => s.Id);
            if (q.Minimal)
            {
                // The standard's "minimal" list: each service's id and when it last changed, for a client that keeps a copy.
                var count = await ordered.CountAsync(ct);
                var rows = q.Skip >= count ? [] : await ordered.Skip(q.Skip).Take(q.PageSize).Select(s => new { s.Uid, s.ModifiedAt }).ToListAsync(ct);
                return Page(context, q, count, rows.Select(r => new JsonObject { ["id"] = HsdsIds.Text(r.Uid), ["last_modified"] = HsdsJson.Moment(r.ModifiedAt) }), textLanguage: false);
            }
            // The ids of all results in order, in one query: counting and then reading a page would search twice.
            var ids = await ordered.Select(s => s.Id).ToListAsync(ct);
            var total = ids.Count;
            var page = ids.Skip(q.Skip).Take(q.PageSize).ToList();
            var directory = await HsdsDirectory.LoadAsync(db, db.HelpServices.Where(s => page.Contains(s.Id)), q.Lang, whole: false, ct);
            var writer = new HsdsJson(directory, q.Lang);
            var byId = directory.Services.ToDictionary(s => s.RowId);
            return Page(context, q, total, page.Select(id => writer.Service(byId[id], q.Full)));
        });

        api.MapGet("/services/{id}", async (string id, HttpContext context, PlanwerkDbContext db, CancellationToken ct) =>
        {
            var q = HsdsQuery.Read(context.Request.Query);
            if (q.Errors.Count > 0) return q.Problem();
            if (PathId(id) is not { } uid) return BadId();
            var directory = await HsdsDirectory.LoadAsync(db, db.HelpServices.Where(s => s.Uid == uid), q.Lang, whole: false, ct);
            return directory.Services.Count == 0 ? NotFound() : Json(context, q, new HsdsJson(directory, q.Lang).Service(directory.Services[0], full: true));
        });

        api.MapGet("/service_at_locations", async (HttpContext context, PlanwerkDbContext db, CancellationToken ct) =>
        {
            var q = HsdsQuery.Read(context.Request.Query);
            if (q.Errors.Count > 0) return q.Problem();
            var services = await q.FilterAsync(db, db.HelpServices, ct);
            var links = db.ServiceAtLocations.Where(a => services.Contains(a.Service!));
            if (q.Postcode is { } postcode) links = links.Where(a => a.Location!.PostalCode == postcode);
            var (total, page) = await PageAsync(q, links.OrderBy(a => a.Service!.Name).ThenBy(a => a.Location!.Name).ThenBy(a => a.Id).Select(a => a.Id), ct);
            var pairs = await db.ServiceAtLocations.AsNoTracking().Where(a => page.Contains(a.Id)).Select(a => new { a.Id, a.Uid, a.ServiceId }).ToListAsync(ct);
            var serviceIds = pairs.Select(p => p.ServiceId).Distinct().ToList();
            var directory = await HsdsDirectory.LoadAsync(db, db.HelpServices.Where(s => serviceIds.Contains(s.Id)), q.Lang, whole: false, ct);
            var writer = new HsdsJson(directory, q.Lang);
            var byRow = pairs.ToDictionary(p => p.Id);
            var servicesById = directory.Services.ToDictionary(s => s.RowId);
            return Page(context, q, total, page.Select(rowId =>
            {
                var service = servicesById[byRow[rowId].ServiceId];
                return writer.ServiceAtLocation(service, service.Locations.First(a => a.Id == byRow[rowId].Uid), q.Full);
            }));
        });

        api.MapGet("/service_at_locations/{id}", async (string id, HttpContext context, PlanwerkDbContext db, CancellationToken ct) =>
        {
            var q = HsdsQuery.Read(context.Request.Query);
            if (q.Errors.Count > 0) return q.Problem();
            if (PathId(id) is not { } uid) return BadId();
            var directory = await HsdsDirectory.LoadAsync(db, db.HelpServices.Where(s => s.Locations.Any(a => a.Uid == uid)), q.Lang, whole: false, ct);
            if (directory.Services.Count == 0) return NotFound();
            var service = directory.Services[0];
            return Json(context, q, new HsdsJson(directory, q.Lang).ServiceAtLocation(service, service.Locations.First(a => a.Id == uid), full: true));
        });

        api.MapGet("/organizations", async (HttpContext context, PlanwerkDbContext db, CancellationToken ct) =>
        {
            var q = HsdsQuery.Read(context.Request.Query);
            if (q.Errors.Count > 0) return q.Problem();
            var organisations = Providers(db);
            if (q.Search is { } term)
            {
                // The registry's providers are few; their German name and description are matched here as the directory's search matches.
                var names = await organisations.Select(o => new { o.Id, o.Name, o.Description }).ToListAsync(ct);
                var matching = names.Where(o => HsdsQuery.Matches(term, [(o.Name, ContentLanguages.Source), (o.Description, ContentLanguages.Source)])).Select(o => o.Id).ToList();
                organisations = organisations.Where(o => matching.Contains(o.Id));
            }
            var (total, page) = await PageAsync(q, organisations.OrderBy(o => o.Name).ThenBy(o => o.Id).Select(o => o.Id), ct);
            var uids = await db.Stakeholders.Where(o => page.Contains(o.Id)).Select(o => new { o.Id, o.Uid }).ToDictionaryAsync(o => o.Id, o => o.Uid, ct);
            var withServices = q.Full || q.FullService;
            // Fully nested organisations list their places too, also those without a service.
            var directory = await HsdsDirectory.LoadAsync(db,
                withServices ? db.HelpServices.Where(s => page.Contains(s.OrganisationId)) : db.HelpServices.Where(s => false), q.Lang, whole: q.Full, ct);
            var missing = uids.Values.Where(u => directory.Organisations.All(o => o.Id != u)).ToList();
            var extra = missing.Count == 0 ? [] : await LoadOrganisationsAsync(db, missing, ct);
            var all = directory.Organisations.Concat(extra).ToDictionary(o => o.Id);
            var writer = new HsdsJson(directory, q.Lang);
            return Page(context, q, total, page.Select(rowId => writer.Organisation(all[uids[rowId]],
                withServices ? directory.Services.Where(s => s.OrganisationId == uids[rowId]).OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => writer.Service(s, q.FullService)) : null,
                withLocations: q.Full)));
        });

        api.MapGet("/organizations/{id}", async (string id, HttpContext context, PlanwerkDbContext db, CancellationToken ct) =>
        {
            var q = HsdsQuery.Read(context.Request.Query);
            if (q.Errors.Count > 0) return q.Problem();
            if (PathId(id) is not { } uid) return BadId();
            var found = await LoadOrganisationsAsync(db, [uid], ct, Providers(db));
            if (found.Count == 0) return NotFound();
            // Every place of the directory is read, so the organisation's places without a service are listed too.
            var directory = await HsdsDirectory.LoadAsync(db, db.HelpServices.Where(s => s.Organisation!.Uid == uid), q.Lang, whole: true, ct);
            var writer = new HsdsJson(directory, q.Lang);
            var services = directory.Services.OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => writer.Service(s, q.FullService)).ToList();
            return Json(context, q, writer.Organisation(found[0], services, withLocations: true));
        });

        api.MapGet("/taxonomies", (HttpContext context) =>
        {
            var q = HsdsQuery.Read(context.Request.Query);
            if (q.Errors.Count > 0) return q.Problem();
            var all = new[] { HsdsJson.TopicTaxonomy(), HsdsJson.ResidenceTaxonomy() }
                .Where(t => q.Search is null || HsdsQuery.Matches(q.Search, [(t["name"]!.GetValue<string>(), "en"), (t["description"]!.GetValue<string>(), "en")]))
                .ToList();
            return Page(context, q, all.Count, all.Skip(q.Skip).Take(q.PageSize), textLanguage: false);
        });

        api.MapGet("/taxonomies/{id}", IResult (string id) =>
            PathId(id) is not { } uid ? BadId()
            : uid == HsdsIds.TopicTaxonomy ? Json(null, null, HsdsJson.TopicTaxonomy())
            : uid == HsdsIds.ResidenceTaxonomy ? Json(null, null, HsdsJson.ResidenceTaxonomy())
            : NotFound());

        api.MapGet("/taxonomy_terms", async (HttpContext context, PlanwerkDbContext db, CancellationToken ct) =>
        {
            var q = HsdsQuery.Read(context.Request.Query);
            if (q.Errors.Count > 0) return q.Problem();
            var terms = await TermsAsync(db, q.Lang, ct);
            IEnumerable<JsonObject> selected = terms;
            if (q.TaxonomyId is { } taxonomy) selected = selected.Where(t => t["taxonomy_id"]!.GetValue<string>() == HsdsIds.Text(taxonomy));
            if (q.ParentId is { } parent) selected = selected.Where(t => t["parent_id"]?.GetValue<string>() == HsdsIds.Text(parent));
            if (q.TopOnly) selected = selected.Where(t => t["parent_id"] is null);
            if (q.Search is { } term)
            {
                selected = selected.Where(t => HsdsQuery.Matches(term,
                [
                    (t["name"]!.GetValue<string>(), TextLanguage(t, "name")), (t["description"]!.GetValue<string>(), TextLanguage(t, "description")),
                    (t["code"]!.GetValue<string>(), "en"),
                ]));
            }
            var list = selected.ToList();
            return Page(context, q, list.Count, list.Skip(q.Skip).Take(q.PageSize));
        });

        api.MapGet("/taxonomy_terms/{id}", async (string id, HttpContext context, PlanwerkDbContext db, CancellationToken ct) =>
        {
            var q = HsdsQuery.Read(context.Request.Query);
            if (q.Errors.Count > 0) return q.Problem();
            if (PathId(id) is not { } uid) return BadId();
            var term = (await TermsAsync(db, q.Lang, ct)).FirstOrDefault(t => t["id"]!.GetValue<string>() == HsdsIds.Text(uid));
            return term is null ? NotFound() : Json(context, q, term);
        });

        // Any other address under the HSDS root answers 404 in JSON as the rest of the API does.
        return app;
    }

    /// <summary>The organisations of the registry that offer services or keep places in the directory.</summary>
    private static IQueryable<Participation.Stakeholders.Stakeholder> Providers(PlanwerkDbContext db) =>
        db.Stakeholders.AsNoTracking().Where(o => db.HelpServices.Any(s => s.OrganisationId == o.Id) || db.ServiceLocations.Any(l => l.OrganisationId == o.Id));

    private static async Task<List<HsdsOrganisation>> LoadOrganisationsAsync(PlanwerkDbContext db, List<Guid> uids, CancellationToken ct,
        IQueryable<Participation.Stakeholders.Stakeholder>? from = null) =>
        await (from ?? db.Stakeholders.AsNoTracking()).Where(o => uids.Contains(o.Uid))
            .Select(o => new HsdsOrganisation
            {
                Id = o.Uid, Name = o.Name, Description = o.Description, Email = o.Email, Website = o.Website, Phone = o.Phone, ContactPerson = o.ContactPerson, Address = o.Address,
            }).ToListAsync(ct);

    private static async Task<List<JsonObject>> TermsAsync(PlanwerkDbContext db, string? lang, CancellationToken ct)
    {
        var directory = await HsdsDirectory.LoadAsync(db, db.HelpServices.Where(s => false), lang, whole: false, ct);
        var writer = new HsdsJson(directory, lang);
        return directory.Topics.Select(writer.Term).Concat(ResidenceTerms.All.Select(writer.ResidenceTerm)).ToList();
    }

    private static async Task<(int Total, List<int> Page)> PageAsync(HsdsQuery q, IQueryable<int> ids, CancellationToken ct)
    {
        var total = await ids.CountAsync(ct);
        var page = q.Skip >= total ? [] : await ids.Skip(q.Skip).Take(q.PageSize).ToListAsync(ct);
        return (total, page);
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Page(HttpContext context, HsdsQuery q, int total, IEnumerable<JsonObject> contents, bool textLanguage = true)
    {
        var list = new JsonArray();
        foreach (var item in contents) list.Add(item);
        var pages = Math.Max(1, (total + q.PageSize - 1) / q.PageSize);
        return Json(textLanguage ? context : null, q, new JsonObject
        {
            ["total_items"] = total, ["total_pages"] = pages, ["page_number"] = q.Page, ["size"] = list.Count,
            ["first_page"] = q.Page == 1, ["last_page"] = q.Page >= pages, ["empty"] = list.Count == 0, ["contents"] = list,
        });
    }

    /// <summary>The answer as JSON; with a <paramref name="context"/>, <c>Content-Language</c> names the languages its texts
    /// are in: the one asked for first, then German where a text has no translation.</summary>
    private static Microsoft.AspNetCore.Http.HttpResults.ContentHttpResult Json(HttpContext? context, HsdsQuery? q, JsonObject value)
    {
        if (context is not null && q?.Lang is { } lang)
        {
            var used = new SortedSet<string>(StringComparer.Ordinal);
            CollectTextLanguages(value, used);
            var languages = used.Count == 0 || used.Contains(lang) ? [lang] : new List<string>();
            languages.AddRange(used.Where(l => l != lang));
            context.Response.Headers.ContentLanguage = string.Join(", ", languages);
        }
        return TypedResults.Text(value.ToJsonString(HsdsJson.Options), "application/json; charset=utf-8", Encoding.UTF8);
    }

    private static void CollectTextLanguages(JsonNode? node, ISet<string> used)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, child) in o)
                {
                    if (key == "text_languages" && child is JsonObject languages)
                    {
                        foreach (var (_, code) in languages) if (code?.GetValue<string>() is { } c) used.Add(c);
                    }
                    else CollectTextLanguages(child, used);
                }
                break;
            case JsonArray a:
                foreach (var child in a) CollectTextLanguages(child, used);
                break;
        }
    }

    private static string TextLanguage(JsonObject o, string field) =>
        (o["text_languages"] as JsonObject)?[field]?.GetValue<string>() ?? o["language"]?.GetValue<string>() ?? ContentLanguages.Source;

    /// <summary>An id in the address: a UUID in its usual written form, or null.</summary>
    private static Guid? PathId(string id) => Guid.TryParseExact(id, "D", out var uid) ? uid : null;

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem BadId() => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { ["id"] = ["id must be a UUID, e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6."] },
        title: "One or more parameters are invalid.", detail: "id must be a UUID.");

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found",
        detail: "There is no such object in this municipality's directory.");

    private static readonly Lazy<string> ProfileText = new(() =>
    {
        using var stream = typeof(HsdsApi).Assembly.GetManifestResourceStream("Planwerk.hsds-profile.md");
        if (stream is null) return "# Planwerk HSDS profile\n\nSee docs/hsds-profile.md in Planwerk's repository.\n";
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    internal static string Invariant(int n) => n.ToString(CultureInfo.InvariantCulture);
}
