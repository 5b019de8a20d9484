using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Infrastructure.Time;
using Planwerk.Infrastructure.Localization;
using Planwerk.Data;
using Planwerk.Features.Council;

namespace Planwerk.Features.Plans.Timeline;

/// <summary>What a timeline entry points to, with its public address.</summary>
public sealed record TimelineLink(string Text, string Href);

/// <summary>One line of the shown timeline: an entry of the plan team or one that a round, a workshop,
/// a consultation of a council paper, the adoption or a published yearly report adds by itself.</summary>
public sealed record TimelineItem(
    CoarseDate Start, CoarseDate? End, TimelineEntryKind Kind, string Title, IReadOnlyList<string> Activities,
    IReadOnlyList<TimelineLink> Links, bool IsManual, int Order)
{
    public int Year => Start.Start.Year;
}

/// <summary>Reads a plan's whole timeline in a fixed number of commands (entries, rounds, workshops,
/// consultations, published yearly reports), whatever its length, and merges it: an automatic entry is left out when an entry
/// of the plan team points to the same round, workshop or meeting (the team's entry wins), and the
/// adoption when the team has an entry for that day.</summary>
public static class PlanTimeline
{
    private static DateOnly Day(DateTimeOffset at) => BerlinTime.Day(at);

    public static async Task<IReadOnlyList<TimelineItem>> ReadAsync(PlanwerkDbContext db, string slug, int planId, DateOnly? adoptedOn,
        IStringLocalizer localizer, CancellationToken ct)
    {
        var entries = await db.TimelineEntries.AsNoTracking().Where(e => e.PlanId == planId)
            .Select(e => new
            {
                e.Id, e.Kind, e.StartDate, e.StartPrecision, e.EndDate, e.EndPrecision, e.Title, e.Activities,
                e.RoundId, Round = e.Round != null ? e.Round.Title : null,
                e.WorkshopId, Workshop = e.Workshop != null ? e.Workshop.Title : null,
                e.PaperId, Paper = e.Paper != null ? e.Paper.Reference + " " + e.Paper.Name : null,
                e.MeetingId, Meeting = e.Meeting != null ? e.Meeting.Name : null,
            })
            .ToListAsync(ct);
        var rounds = await db.ConsultationRounds.AsNoTracking().Where(r => r.PlanId == planId)
            .Select(r => new { r.Id, r.Title, r.OpensAt, r.ClosesAt }).ToListAsync(ct);
        var workshops = await db.Workshops.AsNoTracking().Where(w => w.PlanId == planId && w.CancelledAt == null)
            .Select(w => new { w.Id, w.Title, w.StartsAt }).ToListAsync(ct);
        var consultations = await db.PaperConsultations.AsNoTracking()
            .Where(c => c.Paper!.PlanId == planId && c.MeetingId != null)
            .Select(c => new
            {
                c.Id, c.PaperId, c.Paper!.Reference, PaperName = c.Paper.Name, Body = c.Body!.Name, c.MeetingId, MeetingName = c.Meeting!.Name,
                MeetingStart = c.Meeting.Start, MeetingState = c.Meeting.State, c.Role, c.Result, CustomResult = c.CustomResult != null ? c.CustomResult.Name : null, c.VotesFor, c.VotesAgainst, c.VotesAbstaining,
            })
            .ToListAsync(ct);
        var yearlyReports = await db.YearlyReports.AsNoTracking().Where(r => r.PlanId == planId && r.PublishedOn != null)
            .Select(r => new { r.Id, r.Year, r.PublishedOn }).ToListAsync(ct);

        var items = new List<TimelineItem>();
        foreach (var e in entries)
        {
            var links = new List<TimelineLink>();
            if (e.RoundId is int r) links.Add(new(localizer["Beteiligungsrunde: {0}", e.Round!], $"/{slug}/consultations/{r}"));
            if (e.WorkshopId is int w) links.Add(new(localizer["Workshop: {0}", e.Workshop!], $"/{slug}/workshops/{w}"));
            if (e.PaperId is int p) links.Add(new(localizer["Vorlage {0}", e.Paper!], $"/{slug}/council/papers/{p}"));
            if (e.MeetingId is int mt) links.Add(new(MeetingLink(localizer, e.Meeting!), $"/{slug}/council/meetings/{mt}"));
            items.Add(new TimelineItem(new CoarseDate(e.StartDate, e.StartPrecision),
                e.EndDate is DateOnly end ? new CoarseDate(end, e.EndPrecision ?? DatePrecision.Day) : null,
                e.Kind, e.Title, Lines(e.Activities), links, true, e.Id));
        }
        var linkedRounds = entries.Where(e => e.RoundId != null).Select(e => e.RoundId!.Value).ToHashSet();
        var linkedWorkshops = entries.Where(e => e.WorkshopId != null).Select(e => e.WorkshopId!.Value).ToHashSet();
        var linkedMeetings = entries.Where(e => e.MeetingId != null).Select(e => e.MeetingId!.Value).ToHashSet();

        foreach (var r in rounds.Where(r => !linkedRounds.Contains(r.Id)))
        {
            // ClosesAt is exclusive: the last day of the round is the day before a midnight close.
            var last = Day(r.ClosesAt.AddTicks(-1));
            var first = Day(r.OpensAt);
            items.Add(new TimelineItem(CoarseDate.Day(first), last > first ? CoarseDate.Day(last) : null, TimelineEntryKind.Phase,
                localizer["Beteiligungsrunde „{0}“", r.Title], [],
                [new(localizer["Beteiligungsrunde: {0}", r.Title], $"/{slug}/consultations/{r.Id}")], false, r.Id));
        }
        foreach (var w in workshops.Where(w => !linkedWorkshops.Contains(w.Id)))
            items.Add(new TimelineItem(CoarseDate.Day(Day(w.StartsAt)), null, TimelineEntryKind.Event, localizer["Workshop „{0}“", w.Title], [],
                [new(localizer["Workshop: {0}", w.Title], $"/{slug}/workshops/{w.Id}")], false, w.Id));
        // The adopting resolution is a consultation of the council; when it is shown, the adoption is said there, not in a line of its own.
        var adoptionShown = false;
        foreach (var c in consultations.Where(c => !linkedMeetings.Contains(c.MeetingId!.Value)).Where(c => c.MeetingState != MeetingState.Cancelled))
        {
            var activities = new List<string> { localizer["Vorlage {0}: {1}", c.Reference, c.PaperName] };
            if (c.Result is not null || c.CustomResult is not null)
            {
                var result = c.Result;
                var votes = CouncilText.VotesText(localizer, c.VotesFor, c.VotesAgainst, c.VotesAbstaining) is { } v ? " (" + v + ")" : "";
                activities.Add(localizer["Ergebnis: {0}", CouncilText.ResultText(localizer, result, c.CustomResult)!] + votes);
                if (adoptedOn is DateOnly day && day == Day(c.MeetingStart) && CouncilResolution.IsDecisive(c.Role, result))
                {
                    activities.Add(localizer["Der Fachplan ist beschlossen."]);
                    adoptionShown = true;
                }
            }
            items.Add(new TimelineItem(CoarseDate.Day(Day(c.MeetingStart)), null, TimelineEntryKind.Event,
                localizer["{0}: {1}", c.Body, localizer[RoleText(c.Role)]], activities,
                [new(localizer["Vorlage {0}", c.Reference], $"/{slug}/council/papers/{c.PaperId}"),
                 new(MeetingLink(localizer, c.MeetingName), $"/{slug}/council/meetings/{c.MeetingId}")], false, c.Id));
        }
        // A published yearly report is an event on its day of publication; taking the publication back removes it.
        foreach (var r in yearlyReports)
        {
            var year = r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
            items.Add(new TimelineItem(CoarseDate.Day(r.PublishedOn!.Value), null, TimelineEntryKind.Event, localizer["Jahresbericht {0} veröffentlicht", year], [],
                [new(localizer["Jahresbericht {0}", year], Implementation.YearlyReports.YearlyReportUrls.View(slug, planId, r.Year))], false, r.Id));
        }
        if (adoptedOn is DateOnly adopted && !adoptionShown && !entries.Any(e => e.StartPrecision == DatePrecision.Day && e.StartDate == adopted))
            items.Add(new TimelineItem(CoarseDate.Day(adopted), null, TimelineEntryKind.Event, localizer["Der Fachplan ist beschlossen."], [], [], false, 0));

        return items
            .OrderBy(i => i.Start.Start)
            .ThenBy(i => i.Start.Precision == DatePrecision.Day ? 1 : 0)
            .ThenBy(i => i.IsManual ? 0 : 1)
            .ThenBy(i => i.Order)
            .ToList();
    }

    public static IReadOnlyList<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    /// <summary>A meeting's name usually says "Sitzung" already ("Sitzung des Stadtrates"); the link then
    /// needs no second one in front.</summary>
    private static string MeetingLink(IStringLocalizer localizer, string name) =>
        name.Contains("Sitzung", StringComparison.OrdinalIgnoreCase) ? name : localizer["Sitzung: {0}", name];

    public static string RoleText(ConsultationRole role) => role switch
    {
        ConsultationRole.PreliminaryConsultation => "Vorberatung",
        ConsultationRole.Decision => "Entscheidung",
        _ => "Kenntnisnahme",
    };
}
