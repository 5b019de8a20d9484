using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Services;

/// <summary>The topic list a municipality starts with: eleven topics, some with sub-topics, each with its
/// English name as a translation. The plan team changes and extends it.</summary>
public static class DefaultTopics
{
    public sealed record Topic(string Code, string German, string English, Topic[] Children);

    public static readonly IReadOnlyList<Topic> All =
    [
        new("asylum", "Asylverfahren und Aufenthalt", "Asylum procedure and residence", [
            new("asylum-counselling", "Asylverfahrensberatung", "Asylum procedure counselling", []),
            new("residence", "Aufenthalt und Duldung", "Residence and toleration", [])]),
        new("housing", "Wohnen", "Housing", []),
        new("health", "Gesundheit", "Health", [
            new("health-doctors", "Ärztliche Versorgung", "Medical care", [])]),
        new("language", "Sprache", "Language", [
            new("language-courses", "Sprach- und Integrationskurse", "Language and integration courses", [])]),
        new("school", "Schule und Kinderbetreuung", "School and childcare", []),
        new("work", "Arbeit und Ausbildung", "Work and training", [
            new("work-recognition", "Anerkennung von Abschlüssen", "Recognition of qualifications", [])]),
        new("counselling", "Beratung", "Counselling", []),
        new("family", "Familie", "Family", []),
        new("legal", "Rechtsberatung", "Legal advice", []),
        new("psychosocial", "Psychosoziale Hilfe", "Psychosocial help", []),
        new("meeting", "Begegnung", "Meeting people", []),
    ];

    /// <summary>Adds the default topics (and their English names) to a municipality that has no topics yet.</summary>
    public static async Task EnsureAsync(PlanwerkDbContext db, DateTimeOffset now, CancellationToken ct = default)
    {
        if (await db.ServiceTopics.AnyAsync(ct)) return;
        var added = new List<(ServiceTopic Row, Topic Topic)>();
        void Add(Topic topic, ServiceTopic? parent, int position)
        {
            var row = new ServiceTopic { Code = topic.Code, Name = topic.German, Parent = parent, Position = position };
            db.ServiceTopics.Add(row);
            added.Add((row, topic));
            for (var i = 0; i < topic.Children.Length; i++) Add(topic.Children[i], row, i);
        }
        for (var i = 0; i < All.Count; i++) Add(All[i], null, i);
        await db.SaveChangesAsync(ct);
        foreach (var (row, topic) in added)
        {
            db.ContentTranslations.Add(new ContentTranslation
            {
                Kind = ContentKinds.Topic, EntityId = row.Id, Language = "en", Field = nameof(ServiceTopic.Name), Text = topic.English,
                SourceFingerprint = ServiceTexts.Fingerprint(topic.German), TranslatedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
