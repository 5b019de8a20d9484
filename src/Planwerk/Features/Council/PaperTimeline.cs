using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Council;

/// <summary>A paper's path told in order, for the public paper page: the paper's date, each consultation (body, meeting
/// day, role, result, votes, and whether it is the deciding one), the amendments voted on in a meeting before the paper's
/// own consultation there, and the resolution. Read in at most four commands whatever the path's length; only what the public
/// page may show is read (a plan is named only when it is public; agenda items are not named at all).</summary>
public sealed record PaperTimeline(IReadOnlyList<PaperTimeline.Entry> Entries)
{
    public enum Kind
    {
        Submitted,
        Consultation,
        Amendment,
        Resolution,
    }

    /// <summary>One step. <see cref="Day"/> is the German calendar day (null when the consultation has no meeting yet);
    /// the other fields belong to the step's kind.</summary>
    public sealed record Entry(Kind Kind, DateOnly? Day)
    {
        public string? Body { get; init; }
        public int? MeetingId { get; init; }
        public string? Meeting { get; init; }
        public ConsultationRole Role { get; init; }
        /// <summary>The built-in result, or the municipality's own by <see cref="CustomResult"/>; named through <see cref="CouncilText.ResultText"/>.</summary>
        public ConsultationResult? Result { get; init; }
        public string? CustomResult { get; init; }
        public int? VotesFor { get; init; }
        public int? VotesAgainst { get; init; }
        public int? VotesAbstaining { get; init; }
        public bool IsDeciding { get; init; }
        public string? Number { get; init; }
        public string? Title { get; init; }
        /// <summary>For an amendment: its own paper, to link to.</summary>
        public int? AmendmentId { get; init; }
        public int? PlanId { get; init; }
        public string? PlanTitle { get; init; }
        public int? AdoptedVersionId { get; init; }
    }

    public static async Task<PaperTimeline> LoadAsync(PlanwerkDbContext db, Paper paper, CancellationToken ct)
    {
        var steps = await db.PaperConsultations.AsNoTracking().Where(c => c.PaperId == paper.Id).OrderBy(c => c.Position).ThenBy(c => c.Id)
            .Select(c => new
            {
                c.Id, Body = c.Body!.Name, c.MeetingId, Meeting = c.Meeting != null ? c.Meeting.Name : null, Start = c.Meeting != null ? (DateTimeOffset?)c.Meeting.Start : null,
                c.Role, c.Result, Custom = c.CustomResult != null ? c.CustomResult.Name : null, CustomDeciding = c.CustomResult != null ? (bool?)c.CustomResult.IsDeciding : null,
                c.VotesFor, c.VotesAgainst, c.VotesAbstaining,
            }).ToListAsync(ct);
        var amendments = await PaperAmendments.OfAsync(db, paper.Id, ct);
        var plan = paper.PlanId is int planId
            ? await db.Plans.AsNoTracking().Where(p => p.Id == planId && p.IsPublic).Select(p => new { p.Id, p.Title, p.AdoptedVersionId }).FirstOrDefaultAsync(ct)
            : null;

        var entries = new List<Entry> { new(Kind.Submitted, paper.Date) };
        var placed = new HashSet<int>();
        var resolved = false;
        foreach (var s in steps)
        {
            DateOnly? day = s.Start is { } start ? BerlinTime.Day(start) : null;
            // Amendments are voted on in the meeting before the paper itself.
            foreach (var a in amendments.Where(a => s.MeetingId is not null && a.MeetingId == s.MeetingId && placed.Add(a.Id)))
                entries.Add(Amendment(a, day));
            entries.Add(new Entry(Kind.Consultation, day)
            {
                Body = s.Body, MeetingId = s.MeetingId, Meeting = s.Meeting, Role = s.Role, Result = s.Result, CustomResult = s.Custom,
                VotesFor = s.VotesFor, VotesAgainst = s.VotesAgainst, VotesAbstaining = s.VotesAbstaining,
                IsDeciding = ConsultationResults.IsAuthoritative(s.Role, s.Result, s.CustomDeciding),
            });
            // The resolution rule's decisive result; once (a second would be refused when recorded).
            if (!resolved && CouncilResolution.IsDecisive(s.Role, s.Result))
            {
                resolved = true;
                entries.Add(new Entry(Kind.Resolution, day)
                {
                    Body = s.Body, Result = s.Result,
                    PlanId = plan?.Id, PlanTitle = plan?.Title, AdoptedVersionId = plan?.AdoptedVersionId,
                });
            }
        }
        // Amendments decided elsewhere, or not yet, close the list, with their own meeting's day where they have one.
        foreach (var a in amendments.Where(a => !placed.Contains(a.Id)))
            entries.Add(Amendment(a, a.MeetingStart is { } start ? BerlinTime.Day(start) : null));
        return new PaperTimeline(entries);
    }

    private static Entry Amendment(PaperAmendments.Row a, DateOnly? day) => new(Kind.Amendment, day)
    {
        AmendmentId = a.Id, Number = a.Reference, Title = a.Name, Body = a.Body, Result = a.Result, CustomResult = a.CustomResult,
        VotesFor = a.VotesFor, VotesAgainst = a.VotesAgainst, VotesAbstaining = a.VotesAbstaining,
    };
}
