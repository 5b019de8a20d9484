using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Plans;

namespace Planwerk.Features.Services.Hsds;

/// <summary>The query parameters of the HSDS API, read and checked: paging, the standard's filters, and the profile's
/// <c>language</c> (offered in) and <c>lang</c> (texts in). Filters combine with AND.</summary>
public sealed class HsdsQuery
{
    public Dictionary<string, string[]> Errors { get; } = [];
    public int Page { get; private set; } = 1;
    public int PageSize { get; private set; } = HsdsApi.DefaultPageSize;
    public int Skip => (Page - 1) * PageSize;
    public string? Search { get; private set; }
    public Guid? TermId { get; private set; }
    public Guid? TaxonomyId { get; private set; }
    public Guid? OrganisationId { get; private set; }
    public DateTimeOffset? ModifiedAfter { get; private set; }
    public string? Postcode { get; private set; }
    public string? Language { get; private set; }
    /// <summary>The language of the texts; null reads as German.</summary>
    public string? Lang { get; private set; } = ContentLanguages.Source;
    public bool Full { get; private set; }
    public bool FullService { get; private set; }

    public IResult Problem() => TypedResults.ValidationProblem(Errors,
        title: "One or more query parameters are invalid.", detail: string.Join(" ", Errors.Values.SelectMany(e => e)));

    public static HsdsQuery Read(IQueryCollection query)
    {
        var q = new HsdsQuery();
        string? One(string name)
        {
            if (!query.TryGetValue(name, out var values)) return null;
            if (values.Count != 1) { q.Errors[name] = [$"{name} may be given once."]; return null; }
            return values.ToString().Trim();
        }
        q.Page = Whole(q, One("page"), "page", 1, Plans.ApiQuery.MaxPage, 1);
        q.PageSize = Whole(q, One("per_page"), "per_page", 1, HsdsApi.MaxPageSize, HsdsApi.DefaultPageSize);
        if (One("search") is { Length: > 0 } search)
        {
            if (search.Length > HsdsApi.MaxSearchLength) q.Errors["search"] = [$"search must be at most {HsdsApi.MaxSearchLength} characters long."];
            else q.Search = search;
        }
        q.TermId = Uuid(q, One("taxonomy_term_id"), "taxonomy_term_id");
        q.TaxonomyId = Uuid(q, One("taxonomy_id"), "taxonomy_id");
        q.OrganisationId = Uuid(q, One("organization_id"), "organization_id");
        if (One("modified_after") is { Length: > 0 } after)
        {
            // An unencoded "+" of an offset arrives as a space.
            var text = after.Replace(' ', '+');
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)) q.ModifiedAfter = moment;
            else q.Errors["modified_after"] = ["modified_after must be a date and time as in RFC 3339, e.g. 2026-01-31T12:00:00Z."];
        }
        if (One("postcode") is { Length: > 0 } postcode) q.Postcode = postcode;
        if (One("proximity") is { Length: > 0 }) q.Errors["proximity"] = ["proximity is not offered by this API: its locations have no postcode centroids. Use postcode alone."];
        if (One("language") is { Length: > 0 } language)
        {
            if (LanguageCodes.Find(language) is { } known) q.Language = known.Code;
            else q.Errors["language"] = [$"language must be an ISO 639 code such as ar, fa, uk or prs; \"{language}\" is not one."];
        }
        if (One("lang") is { Length: > 0 } lang)
        {
            if (LanguageCodes.Find(lang) is { } known) q.Lang = known.Code;
            else q.Errors["lang"] = [$"lang must be an ISO 639 code such as de, en, ar or fa; \"{lang}\" is not one."];
        }
        q.Full = Flag(q, One("full"), "full");
        q.FullService = Flag(q, One("full_service"), "full_service");
        if (One("format") is { Length: > 0 } format && !string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
            q.Errors["format"] = ["format must be json; other formats are not offered."];
        return q;
    }

    private static int Whole(HsdsQuery q, string? text, string name, int min, int max, int fallback)
    {
        if (text is null) return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        q.Errors[name] = [$"{name} must be a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}."];
        return fallback;
    }

    private static Guid? Uuid(HsdsQuery q, string? text, string name)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (Guid.TryParseExact(text, "D", out var id)) return id;
        q.Errors[name] = [$"{name} must be a UUID."];
        return null;
    }

    private static bool Flag(HsdsQuery q, string? text, string name)
    {
        switch (text?.ToLowerInvariant())
        {
            case null or "" or "false" or "0": return false;
            case "true" or "1": return true;
            default:
                q.Errors[name] = [$"{name} must be true or false."];
                return false;
        }
    }

    /// <summary>The services that pass every filter given. Two SQL commands at most before the page is read: the topic list
    /// (for a term's sub-topics) and, for a search, the searched texts.</summary>
    public async Task<IQueryable<HelpService>> FilterAsync(PlanwerkDbContext db, IQueryable<HelpService> services, CancellationToken ct)
    {
        if (TermId is { } term)
        {
            if (ResidenceTerms.Find(term) is { } residence)
            {
                var flag = residence.Flag;
                services = services.Where(s => (s.Audience & flag) == flag);
            }
            else
            {
                var topics = await db.ServiceTopics.AsNoTracking().Select(t => new { t.Id, t.ParentId, t.Uid }).ToListAsync(ct);
                var ids = new HashSet<int>(topics.Where(t => t.Uid == term).Select(t => t.Id));
                // A term stands for its sub-topics too: "health" finds the doctors.
                for (var added = true; added;)
                {
                    added = false;
                    foreach (var t in topics.Where(t => t.ParentId is { } p && ids.Contains(p) && !ids.Contains(t.Id))) added |= ids.Add(t.Id);
                }
                var list = ids.ToList();
                services = services.Where(s => s.Topics.Any(t => list.Contains(t.Id)));
            }
        }
        if (TaxonomyId is { } taxonomy)
        {
            if (taxonomy == HsdsIds.TopicTaxonomy) services = services.Where(s => s.Topics.Any());
            else if (taxonomy == HsdsIds.ResidenceTaxonomy) services = services.Where(s => s.Audience != ResidenceSituations.None);
            else services = services.Where(s => false);
        }
        if (OrganisationId is { } organisation) services = services.Where(s => s.Organisation!.Uid == organisation);
        if (ModifiedAfter is { } after) services = services.Where(s => s.ModifiedAt >= after);
        if (Postcode is { } postcode) services = services.Where(s => s.Locations.Any(a => a.Location!.PostalCode == postcode));
        if (Language is { } language) services = services.Where(s => s.Languages.Any(l => l.Code == language));
        if (Search is { } search) services = await SearchAsync(db, services, search, ct);
        return services;
    }

    /// <summary>Until the directory's own search is there: the German name and description and their translations, folded as
    /// the public search folds (case, umlauts, accents), in .NET.</summary>
    private static async Task<IQueryable<HelpService>> SearchAsync(PlanwerkDbContext db, IQueryable<HelpService> services, string term, CancellationToken ct)
    {
        var folded = MeasureSearch.Fold(term);
        if (folded.Length == 0) return services.Where(s => false);
        var texts = await services.Select(s => new { s.Id, s.Name, s.Description }).ToListAsync(ct);
        var ids = texts.Select(t => t.Id).ToList();
        var translated = await db.ContentTranslations.AsNoTracking()
            .Where(t => t.Kind == ContentKinds.Service && ids.Contains(t.EntityId) && (t.Field == nameof(HelpService.Name) || t.Field == nameof(HelpService.Description)))
            .Select(t => new { t.EntityId, t.Text }).ToListAsync(ct);
        var more = translated.ToLookup(t => t.EntityId, t => t.Text);
        var matching = texts.Where(t => new[] { t.Name, t.Description }.Concat(more[t.Id]).Any(x => MeasureSearch.Fold(x).Contains(folded, StringComparison.Ordinal)))
            .Select(t => t.Id).ToList();
        return services.Where(s => matching.Contains(s.Id));
    }
}
