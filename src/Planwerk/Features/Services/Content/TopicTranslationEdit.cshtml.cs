using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Infrastructure.Editing;
using Planwerk.Infrastructure.Localization;
using Planwerk.Infrastructure.Security;

namespace Planwerk.Features.Services.Content;

/// <summary>A topic's name and description in one content language, beside the German source (plan team).</summary>
[Authorize(Policy = Policies.PlanEditor)]
public sealed class TopicTranslationEditModel(PlanwerkDbContext db, IOutputCacheStore cache, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : TranslationPageModel(db, cache, clock, l)
{
    public int TopicId { get; private set; }

    public string TopicName { get; private set; } = "";

    public override string LanguageUrl(string code) => ContentUrls.TopicTranslation(Municipality.Slug, TopicId, code);

    public async Task<IActionResult> OnGetAsync(int id, string lang, CancellationToken ct)
    {
        TopicId = id;
        if (!await LoadAsync(lang, ct)) return NotFound();
        FillFromStored();
        return Page();
    }

    public Task<IActionResult> OnPostAsync(int id, string lang, CancellationToken ct)
    {
        TopicId = id;
        return SaveAsync(lang, Text["Die Übersetzung wurde gespeichert."], ContentUrls.TopicTranslation(Municipality.Slug, id, lang.Trim().ToLowerInvariant()), ct);
    }

    protected override async Task<IReadOnlyList<SourceText>?> LoadSourcesAsync(CancellationToken ct)
    {
        var topic = await Db.ServiceTopics.AsNoTracking().Where(t => t.Id == TopicId)
            .Select(t => new TranslatableTexts.TopicRow(t.Id, t.Name, t.Description)).FirstOrDefaultAsync(ct);
        if (topic is null) return null;
        TopicName = topic.Name;
        return [.. TranslatableTexts.Of(topic, Text)];
    }

    protected override async Task<bool> LockAsync(CancellationToken ct) =>
        await Db.ServiceTopics.Where(t => t.Id == TopicId).ExecuteUpdateAsync(u => u.SetProperty(t => t.Version, t => t.Version), ct) == 1;

    public Crumb[] Crumbs() =>
    [
        new(Text["Verwaltung"], ManageUrl()), new(Text["Hilfeangebote"], ContentUrls.Services(Municipality.Slug)),
        new(Text["Themen"], ContentUrls.Topics(Municipality.Slug)), new(TopicName, ContentUrls.Topic(Municipality.Slug, TopicId)), new(Language.Name),
    ];
}
