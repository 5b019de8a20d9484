using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Services.Directory;

namespace Planwerk.Features.Services.Hsds;

/// <summary>The query parameters of the HSDS API, read and checked: paging, the standard's filters, and the profile's
/// <c>language</c> (offered in) and <c>lang</c> (texts in). Filters combine with AND.</summary>
public sealed class HsdsQuery
{
    /// <summary>Every query key <see cref="Read"/> reads: the output cache varies the API's answers by these.</summary>
    public static readonly string[] Keys =
    [
        "page", "per_page", "search", "taxonomy_term_id", "taxonomy_id", "organization_id", "modified_after", "postcode", "proximity",
        "language", "lang", "full", "full_service", "minimal", "parent_id", "top_only", "format",
    ];

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
    /// <summary>Services as just their id and last change (the standard's <c>minimal</c>).</summary>
    public bool Minimal { get; private set; }
    /// <summary>Taxonomy terms below this one (<c>parent_id</c>).</summary>
    public Guid? ParentId { get; private set; }
    /// <summary>Only taxonomy terms without a parent (<c>top_only</c>).</summary>
    public bool TopOnly { get; private set; }

    /// <summary>The earliest <c>modified_after</c> taken: nothing in a Planwerk directory is older, and both databases
    /// compare it safely.</summary>
    public static readonly DateTimeOffset EarliestModifiedAfter = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] MomentFormats =
    [
        "yyyy'-'MM'-'dd", "yyyy'-'MM'-'dd'T'HH':'mmK", "yyyy'-'MM'-'dd'T'HH':'mm':'ssK", "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'FFFFFFFK",
    ];

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
        q.ParentId = Uuid(q, One("parent_id"), "parent_id");
        if (One("modified_after") is { Length: > 0 } after)
        {
            // An unencoded "+" of an offset arrives as a space; a date alone is its midnight in UTC.
            var text = after.Replace(' ', '+');
            if (!DateTimeOffset.TryParseExact(text, MomentFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment))
                q.Errors["modified_after"] = ["modified_after must be a date and time as in RFC 3339, e.g. 2026-01-31T12:00:00Z."];
            else if (moment < EarliestModifiedAfter || moment.Year > 9998)
                q.Errors["modified_after"] = ["modified_after must lie between 1970-01-01 and 9998-12-31."];
            else q.ModifiedAfter = moment;
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
        q.Minimal = Flag(q, One("minimal"), "minimal");
        q.TopOnly = Flag(q, One("top_only"), "top_only");
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

    /// <summary>The services that pass every filter given. One SQL command at most before the page is read: the topic list
    /// (for a term's sub-topics); the search is a condition of the page's query.</summary>
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
        // The directory's own search: every content language, German inflections ("Beratungen" finds "Beratung").
        if (Search is { } search) services = ServiceSearch.Matching(db, services, search);
        return services;
    }

    /// <summary>Whether texts (each in its language) hold every word of <paramref name="query"/>, as the directory's search
    /// finds services (<see cref="ServiceSearch"/>): each query word in any of its forms as the start of a word, so
    /// "Beratungen" finds "Beratung". For the short lists the API matches in .NET: organisations, taxonomies and terms.</summary>
    public static bool Matches(string query, IEnumerable<(string Text, string Language)> texts)
    {
        var words = SearchAnalysis.QueryWords(query, ServiceSearch.MaxWords);
        if (words.Count == 0) return false;
        var found = texts.SelectMany(t => SearchAnalysis.Words(t.Text, t.Language)).ToHashSet(StringComparer.Ordinal);
        return words.All(forms => found.Any(w => forms.Any(f => w.StartsWith(f, StringComparison.Ordinal))));
    }
}
