using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Infrastructure.Time;
using Planwerk.Data;
using Planwerk.Features.Participation.Consultations;
using Planwerk.Features.Plans.History;
using Planwerk.Features.Plans.Versions;

namespace Planwerk.Features.Participation.Weighing;

/// <summary>The round a weighing belongs to, with the consulted version's document (its parts give the
/// table its order and labels).</summary>
public sealed record WeighingRound(
    int Id, int PlanId, string Title, string PlanTitle, string VersionName, string VersionDocument,
    DateTimeOffset OpensAt, DateTimeOffset ClosesAt, DateTimeOffset? WeighingPublishedAt, int Version)
{
    public RoundState StateAt(DateTimeOffset now) =>
        now < OpensAt ? RoundState.Planned : now < ClosesAt ? RoundState.Open : RoundState.Closed;
}

/// <summary>A part of the consulted plan a statement can be about; <see cref="Level"/> 1 for a measure
/// (shown under its field).</summary>
public sealed record PlanPart(StatementTarget Target, int? Ref, string Label, int Level)
{
    public string Anchor => Target switch
    {
        StatementTarget.WholePlan => "part-plan",
        _ => "part-" + Target.ToString().ToLowerInvariant() + "-" + (Ref ?? 0).ToString(CultureInfo.InvariantCulture),
    };
}

/// <summary>One statement as the weighing shows it. <see cref="AuthorName"/> is a person's name: never
/// shown in the public table.</summary>
public sealed record WeighingStatement(
    int Id, string ReceiptNumber, StatementTarget Target, int? TargetRef, string TargetLabel, string Quote, string Text,
    string AuthorName, string? Organisation, bool ConsentToPublish, DateTimeOffset SubmittedAt,
    WeighingOutcome? Outcome, string Reasons, string WeighedByName, DateTimeOffset? WeighedAt)
{
    public IReadOnlyList<LinkedChange> Changes { get; init; } = [];

    public bool IsWeighed => Outcome is not null;
}

public sealed record WeighingPart(PlanPart Part, IReadOnlyList<WeighingStatement> Statements)
{
    public int Weighed => Statements.Count(s => s.IsWeighed);

    public int Open => Statements.Count - Weighed;

    public int With(WeighingOutcome outcome) => Statements.Count(s => s.Outcome == outcome);
}

/// <summary>A round's statements grouped by plan part in plan order. <see cref="Withheld"/> counts the
/// statements left out because their submitters did not consent to publication (public table only).</summary>
public sealed record WeighingTable(WeighingRound Round, IReadOnlyList<WeighingPart> Parts, int Withheld)
{
    public IEnumerable<WeighingStatement> Statements => Parts.SelectMany(p => p.Statements);

    public int Count => Parts.Sum(p => p.Statements.Count);

    public int Weighed => Parts.Sum(p => p.Weighed);
}

/// <summary>Reads a round's weighing in a fixed number of SQL commands whatever the number of statements:
/// the round, the statements, (public: the count of withheld ones,) the linked changes and their fields.</summary>
public static class WeighingReads
{
    public static Task<WeighingRound?> RoundAsync(PlanwerkDbContext db, int roundId, CancellationToken ct) =>
        db.ConsultationRounds.AsNoTracking().Where(r => r.Id == roundId)
            .Select(r => new WeighingRound(r.Id, r.PlanId, r.Title, r.Plan!.Title, r.PlanVersion!.Name, r.PlanVersion.Document,
                r.OpensAt, r.ClosesAt, r.WeighingPublishedAt, r.Version))
            .FirstOrDefaultAsync(ct);

    /// <summary>The table of a round, or null when there is no such round. <paramref name="publicOnly"/>
    /// keeps only the statements whose submitters consented to publication.</summary>
    public static async Task<WeighingTable?> TableAsync(PlanwerkDbContext db, int roundId, bool publicOnly, IStringLocalizer l, CancellationToken ct) =>
        await RoundAsync(db, roundId, ct) is { } round ? await TableAsync(db, round, publicOnly, l, ct) : null;

    /// <summary>The public table of a round whose weighing is published; null when there is no such round or
    /// it is not published yet (then nothing more is read).</summary>
    public static async Task<WeighingTable?> PublishedTableAsync(PlanwerkDbContext db, int roundId, IStringLocalizer l, CancellationToken ct) =>
        await RoundAsync(db, roundId, ct) is { WeighingPublishedAt: not null } round ? await TableAsync(db, round, publicOnly: true, l, ct) : null;

    public static async Task<WeighingTable> TableAsync(PlanwerkDbContext db, WeighingRound round, bool publicOnly, IStringLocalizer l, CancellationToken ct)
    {
        var roundId = round.Id;
        var statements = db.Statements.AsNoTracking().Where(s => s.RoundId == roundId);
        if (publicOnly) statements = statements.Where(s => s.ConsentToPublish);
        var rows = await statements.OrderBy(s => s.SubmittedAt).ThenBy(s => s.Id)
            .Select(s => new WeighingStatement(s.Id, s.ReceiptNumber, s.Target, s.TargetRef, s.TargetLabel, s.Quote, s.Text,
                s.AuthorName, s.Stakeholder == null ? null : s.Stakeholder.Name, s.ConsentToPublish, s.SubmittedAt,
                s.Outcome, s.Reasons, s.WeighedByName, s.WeighedAt))
            .ToListAsync(ct);
        var withheld = publicOnly ? await db.Statements.CountAsync(s => s.RoundId == roundId && !s.ConsentToPublish, ct) : 0;

        var links = await (from link in db.StatementChangeLinks.AsNoTracking()
                           where link.Statement!.RoundId == roundId && (!publicOnly || link.Statement.ConsentToPublish)
                           join record in db.ChangeRecords.AsNoTracking() on link.ChangeRecordId equals record.Id
                           where record.PlanId == round.PlanId
                           orderby record.At, record.Id
                           select new { link.StatementId, Change = new LinkedChange(record.Id, record.At, record.UserName, record.EntityType, record.EntityLabel, record.Action, record.Reason) })
            .ToListAsync(ct);
        var fields = await LinkedChange.FieldsAsync(db, links.Select(x => x.Change.Id).Distinct().ToList(), ct);
        var byStatement = links.ToLookup(x => x.StatementId, x => x.Change with { Fields = fields[x.Change.Id].ToList() });
        var full = rows.Select(s => s with { Changes = byStatement[s.Id].ToList() }).ToList();
        return new WeighingTable(round, Group(round, full, l), withheld);
    }

    /// <summary>The parts of the consulted version in plan order: the whole plan, its sections, each field
    /// followed by its measures.</summary>
    public static List<PlanPart> PartsOf(string versionDocument, IStringLocalizer l)
    {
        var parts = new List<PlanPart> { new(StatementTarget.WholePlan, null, l["Gesamter Plan"], 0) };
        VersionDocument document;
        try
        {
            document = VersionDocument.Read(versionDocument);
        }
        catch (System.Text.Json.JsonException)
        {
            return parts;
        }
        for (var i = 0; i < document.Sections.Count; i++)
            parts.Add(new(StatementTarget.Section, i + 1, l["Abschnitt: {0}", document.Sections[i].Title], 0));
        // In the plan's own words for its levels (a version stored before plans had them: the default words).
        var levels = document.Plan.LevelNames;
        foreach (var field in document.Plan.Fields)
        {
            parts.Add(new(StatementTarget.FieldOfAction, field.Number, l["{0} {1}: {2}", levels.Field.One, field.Number, field.Title], 0));
            foreach (var measure in field.Measures)
                if (measure.Key is int key)
                    parts.Add(new(StatementTarget.Measure, key, l["{0} {1} {2}", levels.Measure.One, measure.Number, measure.Title], 1));
        }
        return parts;
    }

    /// <summary>Groups statements by part in plan order. Parts without statements are left out; a
    /// statement whose part is not in the version (should not happen) goes under its own label at the end.</summary>
    public static List<WeighingPart> Group(WeighingRound round, IReadOnlyList<WeighingStatement> statements, IStringLocalizer l)
    {
        var parts = PartsOf(round.VersionDocument, l);
        var known = parts.Select(p => (p.Target, p.Ref)).ToHashSet();
        var byPart = statements.ToLookup(s => (s.Target, s.Target == StatementTarget.WholePlan ? null : s.TargetRef));
        var result = parts.Where(p => byPart[(p.Target, p.Ref)].Any())
            .Select(p => new WeighingPart(p, byPart[(p.Target, p.Ref)].ToList()))
            .ToList();
        foreach (var orphan in statements.Where(s => !known.Contains((s.Target, s.Target == StatementTarget.WholePlan ? null : s.TargetRef)))
                     .GroupBy(s => (s.Target, s.TargetRef)))
            result.Add(new WeighingPart(new PlanPart(orphan.Key.Target, orphan.Key.TargetRef, orphan.First().TargetLabel, 0), orphan.ToList()));
        return result;
    }

    /// <summary>"3 weitere Stellungnahmen ohne Zustimmung zur Veröffentlichung".</summary>
    public static string Withheld(int count, IStringLocalizer l) => count == 1
        ? l["1 weitere Stellungnahme ohne Zustimmung zur Veröffentlichung"]
        : l["{0} weitere Stellungnahmen ohne Zustimmung zur Veröffentlichung", count];

    /// <summary>"B3-0017 · Beispielverein" for the public (organisation or "Privatperson"); with the person's
    /// name for the plan team.</summary>
    public static string Submitter(WeighingStatement s, bool withNames, IStringLocalizer l)
    {
        if (!withNames) return s.Organisation ?? l["Privatperson"];
        return s.Organisation is null ? l["{0} (Privatperson)", s.AuthorName] : l["{0} (für {1})", s.AuthorName, s.Organisation];
    }
}

/// <summary>German interface words of the weighing; keys of the shared resource.</summary>
public static class WeighingText
{
    public static string Outcome(WeighingOutcome outcome) => outcome switch
    {
        WeighingOutcome.Accepted => "übernommen",
        WeighingOutcome.PartlyAccepted => "teilweise übernommen",
        WeighingOutcome.NotAccepted => "nicht übernommen",
        _ => "zur Kenntnis genommen",
    };

    public static string Target(StatementTarget target) => RoundText.Target(target);

    public static string State(RoundState state) => RoundText.State(state);

    public static string Time(DateTimeOffset at) => BerlinTime.DateAndTime(at);

    public static string Date(DateTimeOffset at) => BerlinTime.Date(at);

    public static string RoundUrl(string slug, int roundId, string path = "") =>
        string.Create(CultureInfo.InvariantCulture, $"/{slug}/manage/consultations/{roundId}/weighing{path}");

    public static string PublicUrl(string slug, int roundId, string path = "") =>
        string.Create(CultureInfo.InvariantCulture, $"/{slug}/consultations/{roundId}/weighing{path}");

    public static string WeighUrl(string slug, int statementId) =>
        string.Create(CultureInfo.InvariantCulture, $"/{slug}/manage/statements/{statementId}/weigh");
}

/// <summary>What the table partial needs: the table, whether names are shown, and for the plan team the
/// address of each statement's weighing form.</summary>
public sealed record WeighingTableView(WeighingTable Table, bool WithNames, string Slug, Func<int, string>? WeighUrl, bool CanEdit = false);
