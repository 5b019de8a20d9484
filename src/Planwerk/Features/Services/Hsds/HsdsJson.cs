using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Text.Unicode;

namespace Planwerk.Features.Services.Hsds;

/// <summary>Writes a <see cref="HsdsDirectory"/> as HSDS 3.0 objects. For the API (<see cref="Language"/> set) every text is
/// in that language or, where it has no translation, in German, and <c>text_languages</c> says which; for the exchange
/// file (<see cref="Language"/> null) texts are the German source with their <c>translations</c> (Planwerk profile).
/// Empty texts are left out; properties come in the schemas' order, so the same data always gives the same bytes.</summary>
public sealed partial class HsdsJson(HsdsDirectory directory, string? language)
{
    public const string Version = "3.0";

    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public string? Language => language;

    private readonly Dictionary<Guid, HsdsLocation> locations = directory.Locations.ToDictionary(l => l.Id);
    private readonly Dictionary<Guid, HsdsOrganisation> organisations = directory.Organisations.ToDictionary(o => o.Id);
    private readonly Dictionary<Guid, HsdsTopic> topics = directory.Topics.ToDictionary(t => t.Id);

    public static string Status(ServiceStatus status) => status switch
    {
        ServiceStatus.Inactive => "inactive",
        ServiceStatus.Defunct => "defunct",
        ServiceStatus.TemporarilyClosed => "temporarily closed",
        _ => "active",
    };

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Time(TimeOnly time) => time.ToString(time.Second == 0 ? "HH':'mm" : "HH':'mm':'ss", CultureInfo.InvariantCulture);

    public static string Moment(DateTimeOffset moment) => moment.ToUniversalTime().ToString("yyyy-MM-dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    public static string Day(DayOfWeek day) => day switch
    {
        DayOfWeek.Monday => "MO",
        DayOfWeek.Tuesday => "TU",
        DayOfWeek.Wednesday => "WE",
        DayOfWeek.Thursday => "TH",
        DayOfWeek.Friday => "FR",
        DayOfWeek.Saturday => "SA",
        _ => "SU",
    };

    /// <summary>An address the schemas' <c>email</c> format takes; anything else is left out rather than published invalid.</summary>
    public static bool IsEmail(string text) => text.Length <= 254 && EmailPattern().IsMatch(text);

    /// <summary>An absolute http(s) address, as the schemas' <c>uri</c> format wants; anything else is left out.</summary>
    public static bool IsWebAddress(string text) =>
        text.Length > 0 && !text.Any(char.IsWhiteSpace) && Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && Uri.IsWellFormedUriString(text, UriKind.Absolute);

    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")]
    private static partial Regex EmailPattern();

    /// <summary>A decimal as a JSON number without trailing zeros (the databases keep different scales).</summary>
    public static JsonNode Number(decimal value) => JsonNode.Parse(value.ToString("0.##########", CultureInfo.InvariantCulture))!;

    private static void Put(JsonObject o, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value)) o[key] = value;
    }

    private static string Id(Guid id) => HsdsIds.Text(id);

    /// <summary>Texts of one object: the chosen language's, and which language each is in (API), or the German source and its
    /// translations (exchange).</summary>
    private sealed class Texts(HsdsJson owner, List<HsdsTranslation> translations)
    {
        public JsonObject Languages { get; } = [];

        public string Of(string field, string source)
        {
            if (owner.Language is not { } lang || source.Length == 0) return source;
            if (lang != ContentLanguages.Source && translations.FirstOrDefault(t => t.Language == lang && t.Field == field) is { } t)
            {
                Languages[field] = lang;
                return t.Text;
            }
            Languages[field] = ContentLanguages.Source;
            return source;
        }

        public void AddTo(JsonObject o)
        {
            if (owner.Language is null)
            {
                if (translations.Count == 0) return;
                var list = new JsonArray();
                foreach (var t in translations)
                {
                    list.Add(new JsonObject
                    {
                        ["language"] = t.Language, ["field"] = t.Field, ["text"] = t.Text, ["outdated"] = t.Outdated, ["translated_at"] = Moment(t.TranslatedAt),
                    });
                }
                o["translations"] = list;
            }
            else if (Languages.Count > 0)
            {
                o["text_languages"] = Languages;
            }
        }
    }

    public JsonObject Organisation(HsdsOrganisation org, IEnumerable<JsonObject>? services, bool withLocations)
    {
        var o = new JsonObject { ["id"] = Id(org.Id), ["name"] = org.Name, ["description"] = org.Description };
        if (IsEmail(org.Email)) o["email"] = org.Email;
        if (IsWebAddress(org.Website)) o["website"] = org.Website;
        if (org.ContactPerson.Length > 0)
        {
            o["contacts"] = new JsonArray(new JsonObject
            {
                ["id"] = Id(HsdsIds.Derive(org.Id, "contact")), ["organization_id"] = Id(org.Id), ["name"] = org.ContactPerson,
            });
        }
        if (org.Phone.Length > 0)
        {
            o["phones"] = new JsonArray(new JsonObject
            {
                ["id"] = Id(HsdsIds.Derive(org.Id, "phone")), ["organization_id"] = Id(org.Id), ["number"] = org.Phone,
            });
        }
        if (withLocations)
        {
            var list = new JsonArray();
            foreach (var l in directory.Locations.Where(l => l.OrganisationId == org.Id)) list.Add(Location(l));
            if (list.Count > 0) o["locations"] = list;
        }
        if (services is not null)
        {
            var list = new JsonArray();
            foreach (var s in services) list.Add(s);
            o["services"] = list;
        }
        Put(o, "address", org.Address);
        return o;
    }

    public JsonObject Location(HsdsLocation l)
    {
        var texts = new Texts(this, l.Translations);
        var o = new JsonObject { ["id"] = Id(l.Id), ["location_type"] = "physical", ["organization_id"] = Id(l.OrganisationId), ["name"] = texts.Of("name", l.Name) };
        Put(o, "transportation", texts.Of("transportation", l.TransportNotes));
        if (l.Latitude is { } lat) o["latitude"] = Number(lat);
        if (l.Longitude is { } lon) o["longitude"] = Number(lon);
        if (l.Street.Length > 0 || l.PostalCode.Length > 0 || l.City.Length > 0)
        {
            o["addresses"] = new JsonArray(new JsonObject
            {
                ["id"] = Id(HsdsIds.Derive(l.Id, "address")), ["location_id"] = Id(l.Id), ["address_1"] = l.Street, ["city"] = l.City,
                ["state_province"] = "", ["postal_code"] = l.PostalCode, ["country"] = "DE", ["address_type"] = "physical",
            });
        }
        var accessibility = texts.Of("accessibility", l.Accessibility);
        if (accessibility.Length > 0)
        {
            o["accessibility"] = new JsonArray(new JsonObject
            {
                ["id"] = Id(HsdsIds.Derive(l.Id, "accessibility")), ["location_id"] = Id(l.Id), ["description"] = accessibility,
            });
        }
        Put(o, "district", l.District);
        o["wheelchair_accessible"] = l.IsWheelchairAccessible;
        texts.AddTo(o);
        return o;
    }

    /// <summary>A service: its one-to-one fields only (lists), or fully nested.</summary>
    public JsonObject Service(HsdsService s, bool full)
    {
        var texts = new Texts(this, s.Translations);
        var o = new JsonObject { ["id"] = Id(s.Id), ["organization_id"] = Id(s.OrganisationId), ["name"] = texts.Of("name", s.Name) };
        Put(o, "description", texts.Of("description", s.Description));
        if (IsWebAddress(s.Url)) o["url"] = s.Url;
        if (IsEmail(s.Email)) o["email"] = s.Email;
        o["status"] = Status(s.Status);
        Put(o, "application_process", texts.Of("application_process", s.HowToApply));
        Put(o, "fees_description", texts.Of("fees_description", s.Costs));
        Put(o, "eligibility_description", texts.Of("eligibility_description", s.Eligibility));
        if (s.MinimumAge is { } min) o["minimum_age"] = min;
        if (s.MaximumAge is { } max) o["maximum_age"] = max;
        o["assured_date"] = Date(s.LastCheckedOn);
        o["last_modified"] = Moment(s.ModifiedAt);
        var documents = texts.Of("required_documents", s.DocumentsToBring);
        if (full)
        {
            if (organisations.TryGetValue(s.OrganisationId, out var org) && Language is not null) o["organization"] = Organisation(org, null, false);
            if (s.Contacts.Count > 0)
            {
                var list = new JsonArray();
                foreach (var c in s.Contacts) list.Add(Contact(s, c));
                o["contacts"] = list;
            }
            var atLocation = s.Locations.Select(a => a.LocationId).ToHashSet();
            var own = Schedules(s, h => h is null || !atLocation.Contains(h.Value), null);
            if (own.Count > 0) o["schedules"] = own;
            if (s.Locations.Count > 0)
            {
                var list = new JsonArray();
                foreach (var a in s.Locations) list.Add(ServiceAtLocation(s, a, full: false));
                o["service_at_locations"] = list;
            }
            if (s.Languages.Count > 0)
            {
                var list = new JsonArray();
                foreach (var code in s.Languages)
                    list.Add(new JsonObject { ["id"] = Id(HsdsIds.Derive(s.Id, "language/" + code)), ["service_id"] = Id(s.Id), ["name"] = LanguageCodes.Find(code)?.EnglishName ?? code, ["code"] = code });
                o["languages"] = list;
            }
            if (s.IsFree)
            {
                o["cost_options"] = new JsonArray(new JsonObject
                {
                    ["id"] = Id(HsdsIds.Derive(s.Id, "cost/free")), ["service_id"] = Id(s.Id), ["option"] = "free", ["currency"] = "EUR", ["amount"] = 0,
                });
            }
            var lines = DocumentLines(documents);
            if (lines.Count > 0)
            {
                var list = new JsonArray();
                for (var i = 0; i < lines.Count; i++)
                    list.Add(new JsonObject { ["id"] = Id(HsdsIds.Derive(s.Id, "document/" + i.ToString(CultureInfo.InvariantCulture))), ["service_id"] = Id(s.Id), ["document"] = lines[i] });
                o["required_documents"] = list;
            }
            var attributes = Attributes(s);
            if (attributes.Count > 0) o["attributes"] = attributes;
        }
        Put(o, "accessibility_description", texts.Of("accessibility_description", s.Accessibility));
        o["remote_only"] = s.IsRemoteOnly;
        if (s.IsExample) o["example"] = true;
        texts.AddTo(o);
        return o;
    }

    /// <summary>Documents to bring, one a line; blank lines are not documents.</summary>
    public static List<string> DocumentLines(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    private JsonObject Contact(HsdsService s, HsdsContact c)
    {
        var o = new JsonObject { ["id"] = Id(c.Id), ["service_id"] = Id(s.Id) };
        Put(o, "name", c.Name);
        Put(o, "title", c.Title);
        if (IsEmail(c.Email)) o["email"] = c.Email;
        if (c.Phone.Length > 0)
        {
            var phoneId = HsdsIds.Derive(c.Id, "phone");
            var phone = new JsonObject { ["id"] = Id(phoneId), ["contact_id"] = Id(c.Id), ["number"] = c.Phone };
            if (c.PhoneLanguages.Count > 0)
            {
                var list = new JsonArray();
                foreach (var code in c.PhoneLanguages)
                    list.Add(new JsonObject { ["id"] = Id(HsdsIds.Derive(phoneId, "language/" + code)), ["phone_id"] = Id(phoneId), ["name"] = LanguageCodes.Find(code)?.EnglishName ?? code, ["code"] = code });
                phone["languages"] = list;
            }
            o["phones"] = new JsonArray(phone);
        }
        return o;
    }

    /// <summary>Weekly hours (<c>freq</c> WEEKLY, one weekday each) and special hours (no <c>freq</c>: the dates from
    /// <c>valid_from</c> to <c>valid_to</c>, closed when there is no <c>opens_at</c>; Planwerk profile).</summary>
    private JsonArray Schedules(HsdsService s, Func<Guid?, bool> which, HsdsServiceAtLocation? at)
    {
        var list = new JsonArray();
        foreach (var h in s.Schedules.Where(h => which(h.LocationId)))
        {
            var o = new JsonObject { ["id"] = Id(h.Id) };
            if (at is null) o["service_id"] = Id(s.Id);
            if (at is null && h.LocationId is { } loc) o["location_id"] = Id(loc);
            if (at is not null) o["service_at_location_id"] = Id(at.Id);
            if (h.ValidFrom is { } from) o["valid_from"] = Date(from);
            if (h.ValidTo is { } to) o["valid_to"] = Date(to);
            o["wkst"] = "MO";
            o["freq"] = "WEEKLY";
            o["byday"] = Day(h.Weekday);
            o["opens_at"] = Time(h.Opens);
            o["closes_at"] = Time(h.Closes);
            Put(o, "notes", h.Note);
            list.Add(o);
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var h in s.SpecialHours)
        {
            var key = string.Join('/', Date(h.From), Date(h.To), h.LocationId?.ToString() ?? "", h.Opens is { } a ? Time(a) : "", h.Closes is { } b ? Time(b) : "");
            var n = seen[key] = seen.GetValueOrDefault(key) + 1;
            if (!which(h.LocationId)) continue;
            var o = new JsonObject { ["id"] = Id(HsdsIds.Derive(s.Id, "special/" + key + "/" + n.ToString(CultureInfo.InvariantCulture))) };
            if (at is null) o["service_id"] = Id(s.Id);
            if (at is null && h.LocationId is { } loc) o["location_id"] = Id(loc);
            if (at is not null) o["service_at_location_id"] = Id(at.Id);
            o["valid_from"] = Date(h.From);
            o["valid_to"] = Date(h.To);
            if (h.Opens is { } opens) o["opens_at"] = Time(opens);
            if (h.Closes is { } closes) o["closes_at"] = Time(closes);
            Put(o, "notes", h.Note);
            list.Add(o);
        }
        return list;
    }

    private JsonArray Attributes(HsdsService s)
    {
        var list = new JsonArray();
        void Add(Guid term, JsonObject? detail)
        {
            var o = new JsonObject
            {
                ["id"] = Id(HsdsIds.Derive(s.Id, "attribute/" + Id(term))), ["link_id"] = Id(s.Id), ["taxonomy_term_id"] = Id(term), ["link_entity"] = "service",
            };
            if (detail is not null && Language is not null) o["taxonomy_term"] = detail;
            list.Add(o);
        }
        foreach (var t in directory.Topics.Where(t => s.TopicIds.Contains(t.Id))) Add(t.Id, Term(t));
        foreach (var t in ResidenceTerms.All.Where(t => s.Audience.HasFlag(t.Flag))) Add(t.Id, ResidenceTerm(t));
        return list;
    }

    public JsonObject ServiceAtLocation(HsdsService s, HsdsServiceAtLocation a, bool full)
    {
        var o = new JsonObject { ["id"] = Id(a.Id), ["service_id"] = Id(s.Id), ["location_id"] = Id(a.LocationId) };
        var schedules = Schedules(s, h => h == a.LocationId, a);
        if (schedules.Count > 0) o["schedules"] = schedules;
        if (Language is not null && locations.TryGetValue(a.LocationId, out var location)) o["location"] = Location(location);
        if (full) o["service"] = Service(s, full: true);
        return o;
    }

    public static JsonObject TopicTaxonomy() => new()
    {
        ["id"] = Id(HsdsIds.TopicTaxonomy), ["name"] = "Planwerk topics",
        ["description"] = "The topic list the municipality keeps for its help services (Planwerk). Services name their topics as attributes.",
    };

    public static JsonObject ResidenceTaxonomy() => new()
    {
        ["id"] = Id(HsdsIds.ResidenceTaxonomy), ["name"] = "Planwerk residence situations",
        ["description"] = "Who may use a service by residence situation (Planwerk HSDS profile). A service's attributes name each situation it admits.",
        ["version"] = "1",
    };

    public JsonObject Term(HsdsTopic t)
    {
        var texts = new Texts(this, t.Translations);
        var o = new JsonObject
        {
            ["id"] = Id(t.Id), ["code"] = t.Code, ["name"] = texts.Of("name", t.Name), ["description"] = texts.Of("description", t.Description),
        };
        if (t.ParentId is { } parent) o["parent_id"] = Id(parent);
        o["taxonomy_id"] = Id(HsdsIds.TopicTaxonomy);
        if (Language is not null) o["language"] = TermLanguage(texts);
        texts.AddTo(o);
        return o;
    }

    private static string TermLanguage(Texts texts) => texts.Languages["name"]?.GetValue<string>() ?? ContentLanguages.Source;

    public JsonObject ResidenceTerm(ResidenceTerms.Term t)
    {
        var english = Language == "en";
        var o = new JsonObject
        {
            ["id"] = Id(t.Id), ["code"] = t.Code, ["name"] = english ? t.English : t.German, ["description"] = "",
            ["taxonomy_id"] = Id(HsdsIds.ResidenceTaxonomy),
        };
        if (Language is not null)
        {
            o["language"] = english ? "en" : ContentLanguages.Source;
            o["text_languages"] = new JsonObject { ["name"] = english ? "en" : ContentLanguages.Source };
        }
        return o;
    }

    /// <summary>The whole directory as one document (exchange format): organisations with their locations, services fully
    /// nested, the two taxonomies and the topic terms.</summary>
    public JsonObject Document(string profile)
    {
        var doc = new JsonObject { ["version"] = Version, ["profile"] = profile };
        var orgs = new JsonArray();
        foreach (var org in directory.Organisations) orgs.Add(Organisation(org, null, withLocations: true));
        doc["organizations"] = orgs;
        var services = new JsonArray();
        foreach (var s in directory.Services.OrderBy(s => s.Name, StringComparer.Ordinal).ThenBy(s => s.Id)) services.Add(Service(s, full: true));
        doc["services"] = services;
        doc["taxonomies"] = new JsonArray(TopicTaxonomy(), ResidenceTaxonomy());
        var terms = new JsonArray();
        foreach (var t in directory.Topics) terms.Add(Term(t));
        foreach (var t in ResidenceTerms.All) terms.Add(ResidenceTerm(t));
        doc["taxonomy_terms"] = terms;
        return doc;
    }
}
