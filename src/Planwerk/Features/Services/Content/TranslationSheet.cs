using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;

namespace Planwerk.Features.Services.Content;

/// <summary>One translatable text: the row and field it belongs to, its label, the German source and the length a
/// translation may have (the source field's).</summary>
public sealed record SourceText(string Kind, int EntityId, string Field, string Label, string Source, int MaxLength, bool IsLong)
{
    /// <summary>The form field's key, e.g. <c>Service-12-Description</c>.</summary>
    public string Key => Kind + "-" + EntityId.ToString(CultureInfo.InvariantCulture) + "-" + Field;

    public bool HasSource => Source.Trim().Length > 0;
}

public sealed record StoredTranslation(string Text, string Fingerprint);

/// <summary>The texts of one page (a service with its locations, or a topic) in one target language: each German source
/// beside its stored translation, which is missing, current or outdated (its source changed since).</summary>
public sealed class TranslationSheet(string language, IReadOnlyList<SourceText> sources, IReadOnlyDictionary<(string Kind, int EntityId, string Field), StoredTranslation> stored)
{
    public string Language => language;

    public IReadOnlyList<SourceText> Sources => sources;

    public StoredTranslation? Stored(SourceText s) => stored.GetValueOrDefault((s.Kind, s.EntityId, s.Field));

    /// <summary>The fields a translator sees: those with a German text, and those whose German text is gone while a
    /// translation is left (so it can be removed).</summary>
    public IEnumerable<SourceText> Shown => sources.Where(s => s.HasSource || Stored(s) is not null);

    public bool IsMissing(SourceText s) => s.HasSource && Stored(s) is null;

    public bool IsOutdated(SourceText s) => s.HasSource && Stored(s) is { } t && t.Fingerprint != ServiceTexts.Fingerprint(s.Source);

    public int Missing => sources.Count(IsMissing);

    public int Outdated => sources.Count(IsOutdated);

    public bool IsComplete => Missing == 0 && Outdated == 0;

    /// <summary>Changes when any source or translation of the page changes: the form carries it, and a save with an older
    /// one is refused as a conflict (someone else translated, or the German text changed, meanwhile).</summary>
    public string Token
    {
        get
        {
            var text = new StringBuilder();
            foreach (var s in sources)
            {
                var t = Stored(s);
                text.Append(s.Key).Append('\u001f').Append(ServiceTexts.Fingerprint(s.Source)).Append('\u001f')
                    .Append(t?.Text ?? "\u0000").Append('\u001f').Append(t?.Fingerprint ?? "").Append('\u001e');
            }
            return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
        }
    }
}

/// <summary>The translatable texts of services, their locations and topics, read with fixed queries.</summary>
public static class TranslatableTexts
{
    public sealed record ServiceRow(int Id, string Name, string Description, string Eligibility, string Costs, string HowToApply, string DocumentsToBring, string Accessibility);

    public sealed record LocationRow(int ServiceId, int Id, string Name, string TransportNotes, string Accessibility);

    public sealed record TopicRow(int Id, string Name, string Description);

    /// <summary>The texts of the given services (filter before projecting: the projection cannot be filtered).</summary>
    public static IQueryable<ServiceRow> ServiceRows(IQueryable<HelpService> services) => services.AsNoTracking()
        .Select(s => new ServiceRow(s.Id, s.Name, s.Description, s.Eligibility, s.Costs, s.HowToApply, s.DocumentsToBring, s.Accessibility));

    /// <summary>The texts of the locations of the given links, by location name.</summary>
    public static IQueryable<LocationRow> LocationRows(IQueryable<ServiceAtLocation> links) => links.AsNoTracking()
        .OrderBy(a => a.Location!.Name).ThenBy(a => a.LocationId)
        .Select(a => new LocationRow(a.ServiceId, a.LocationId, a.Location!.Name, a.Location.TransportNotes, a.Location.Accessibility));

    public static IEnumerable<SourceText> Of(ServiceRow s, IStringLocalizer l)
    {
        const string k = ContentKinds.Service;
        const int text = HelpService.MaxTextLength;
        yield return new(k, s.Id, nameof(HelpService.Name), l["Name"], s.Name, HelpService.MaxNameLength, false);
        yield return new(k, s.Id, nameof(HelpService.Description), l["Beschreibung"], s.Description, text, true);
        yield return new(k, s.Id, nameof(HelpService.Eligibility), l["Wer es nutzen kann"], s.Eligibility, text, true);
        yield return new(k, s.Id, nameof(HelpService.Costs), l["Kosten"], s.Costs, text, true);
        yield return new(k, s.Id, nameof(HelpService.HowToApply), l["So kommen Sie hin und melden sich an"], s.HowToApply, text, true);
        yield return new(k, s.Id, nameof(HelpService.DocumentsToBring), l["Mitzubringende Unterlagen"], s.DocumentsToBring, text, true);
        yield return new(k, s.Id, nameof(HelpService.Accessibility), l["Barrierefreiheit des Angebots"], s.Accessibility, text, true);
    }

    public static IEnumerable<SourceText> Of(LocationRow o, IStringLocalizer l)
    {
        const string k = ContentKinds.Location;
        yield return new(k, o.Id, nameof(ServiceLocation.Name), l["Ort „{0}“: Name", o.Name], o.Name, ServiceLocation.MaxNameLength, false);
        yield return new(k, o.Id, nameof(ServiceLocation.TransportNotes), l["Ort „{0}“: Anfahrt", o.Name], o.TransportNotes, HelpService.MaxTextLength, true);
        yield return new(k, o.Id, nameof(ServiceLocation.Accessibility), l["Ort „{0}“: Barrierefreiheit", o.Name], o.Accessibility, HelpService.MaxTextLength, true);
    }

    public static IEnumerable<SourceText> Of(TopicRow t, IStringLocalizer l)
    {
        yield return new(ContentKinds.Topic, t.Id, nameof(ServiceTopic.Name), l["Name"], t.Name, ServiceTopic.MaxNameLength, false);
        yield return new(ContentKinds.Topic, t.Id, nameof(ServiceTopic.Description), l["Beschreibung"], t.Description, HelpService.MaxTextLength, true);
    }

    /// <summary>The stored translations of the given rows into one language (or every language, for null), in one query.
    /// Null ids mean every row of that kind; without <paramref name="withText"/> only the fingerprints are read (for counts).</summary>
    public static async Task<Dictionary<string, Dictionary<(string Kind, int EntityId, string Field), StoredTranslation>>> StoredAsync(
        PlanwerkDbContext db, string? language, IReadOnlyCollection<int>? serviceIds, IReadOnlyCollection<int>? locationIds, IReadOnlyCollection<int>? topicIds,
        CancellationToken ct, bool withText = true)
    {
        var (allServices, allLocations, allTopics) = (serviceIds is null, locationIds is null, topicIds is null);
        var (services, locations, topics) = (serviceIds ?? [], locationIds ?? [], topicIds ?? []);
        var query = db.ContentTranslations.AsNoTracking().Where(t =>
            (t.Kind == ContentKinds.Service && (allServices || services.Contains(t.EntityId)))
            || (t.Kind == ContentKinds.Location && (allLocations || locations.Contains(t.EntityId)))
            || (t.Kind == ContentKinds.Topic && (allTopics || topics.Contains(t.EntityId))));
        if (language is not null) query = query.Where(t => t.Language == language);
        var rows = await query.Select(t => new { t.Language, t.Kind, t.EntityId, t.Field, Text = withText ? t.Text : "", t.SourceFingerprint }).ToListAsync(ct);
        return rows.GroupBy(r => r.Language).ToDictionary(g => g.Key,
            g => g.ToDictionary(r => (r.Kind, r.EntityId, r.Field), r => new StoredTranslation(r.Text, r.SourceFingerprint)));
    }

    public static readonly IReadOnlyDictionary<(string Kind, int EntityId, string Field), StoredTranslation> None =
        new Dictionary<(string Kind, int EntityId, string Field), StoredTranslation>();
}
