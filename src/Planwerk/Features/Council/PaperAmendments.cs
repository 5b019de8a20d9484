using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Council;

/// <summary>One read of a paper's amendments (papers whose <see cref="Paper.AmendsPaperId"/> names it), for the clerk's
/// page, the public page and the timeline: each with who brought it in, its text, its result and the plan changes it
/// made. An amendment's result is the result of its own consultation: the last one on its path that has a result, with
/// the votes, the body and the meeting. Two commands whatever the number of amendments.</summary>
public static class PaperAmendments
{
    public sealed record Row(int Id, string Reference, string Name, string Text, string? Originator, IReadOnlyList<long> ChangeIds)
    {
        public ConsultationResult? Result { get; init; }
        public string? CustomResult { get; init; }
        public int? VotesFor { get; init; }
        public int? VotesAgainst { get; init; }
        public int? VotesAbstaining { get; init; }
        public string? Body { get; init; }
        public int? MeetingId { get; init; }
        public string? Meeting { get; init; }
        public DateTimeOffset? MeetingStart { get; init; }
        public bool MeetingTimeUnknown { get; init; }

        public bool HasResult => Result is not null || CustomResult is not null;
    }

    public static async Task<IReadOnlyList<Row>> OfAsync(PlanwerkDbContext db, int paperId, CancellationToken ct)
    {
        var papers = await db.Papers.AsNoTracking().Where(p => p.AmendsPaperId == paperId).OrderBy(p => p.Id)
            .Select(p => new Row(p.Id, p.Reference, p.Name, p.ResolutionText, p.OriginatorBody != null ? p.OriginatorBody.Name : null,
                p.ChangeLinks.OrderBy(l => l.ChangeRecordId).Select(l => l.ChangeRecordId).ToList()))
            .ToListAsync(ct);
        var ids = papers.Select(p => p.Id).ToList();
        var results = (await db.PaperConsultations.AsNoTracking()
                .Where(c => ids.Contains(c.PaperId) && (c.Result != null || c.CustomResultId != null))
                .OrderBy(c => c.Position).ThenBy(c => c.Id)
                .Select(c => new
                {
                    c.PaperId, c.Result, Custom = c.CustomResult != null ? c.CustomResult.Name : null, c.VotesFor, c.VotesAgainst, c.VotesAbstaining,
                    Body = c.Body!.Name, c.MeetingId, Meeting = c.Meeting != null ? c.Meeting.Name : null,
                    Start = c.Meeting != null ? (DateTimeOffset?)c.Meeting.Start : null, TimeUnknown = c.Meeting != null && c.Meeting.StartTimeUnknown,
                }).ToListAsync(ct))
            .GroupBy(c => c.PaperId).ToDictionary(g => g.Key, g => g.Last());
        return papers.Select(p => results.TryGetValue(p.Id, out var r)
            ? p with
            {
                Result = r.Result, CustomResult = r.Custom, VotesFor = r.VotesFor, VotesAgainst = r.VotesAgainst, VotesAbstaining = r.VotesAbstaining,
                Body = r.Body, MeetingId = r.MeetingId, Meeting = r.Meeting, MeetingStart = r.Start, MeetingTimeUnknown = r.TimeUnknown,
            }
            : p).ToList();
    }
}
