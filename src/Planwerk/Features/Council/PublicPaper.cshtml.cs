using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Plans.History;
using Planwerk.Data;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Tenancy;

namespace Planwerk.Features.Council;

/// <summary>A council paper as the public sees it: reference, title, type, date, the plan version it submits,
/// who brought it in, its files, its path through the bodies with results and votes, and its amendments (papers of
/// their own) with their results and the plan changes they made; an amendment names the paper it amends. Non-public agenda items are not named, nor is a plan that is not public, nor its changed parts.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class PublicPaperModel(PlanwerkDbContext db) : PageModel
{
    public sealed record FileRow(int Id, string Name, string FileName, string MimeType, long Size, DateOnly DocumentDate = default);

    public sealed record PathStep(int Position, int BodyId, string Body, int? MeetingId, string? Meeting, DateTimeOffset? Start, string? AgendaItem,
        ConsultationRole Role, ConsultationResult? Result, int? VotesFor, int? VotesAgainst, int? VotesAbstaining, string? CustomResult = null, int Id = 0, bool StartTimeUnknown = false);

    public sealed record GroupVoteRow(string GroupName, int VotesFor, int VotesAgainst, int VotesAbstaining);

    /// <summary>The votes per group (Fraktion), by consultation.</summary>
    public ILookup<int, GroupVoteRow> GroupVotes { get; private set; } = Array.Empty<(int, GroupVoteRow)>().ToLookup(g => g.Item1, g => g.Item2);

    public sealed record AmendmentRow(PaperAmendments.Row Amendment, IReadOnlyList<LinkedChange> Changes);

    public Paper Paper { get; private set; } = null!;

    public string? PlanTitle { get; private set; }

    public string? VersionName { get; private set; }

    public bool PlanIsPublic { get; private set; }

    public IReadOnlyList<FileRow> Files { get; private set; } = [];

    public sealed record RelatedPaper(int Id, string Reference, string Name);

    /// <summary>The paper this one is a revised version of (Neufassung von).</summary>
    public RelatedPaper? Replaces { get; private set; }

    /// <summary>The papers that replace this one (ersetzt durch).</summary>
    public IReadOnlyList<RelatedPaper> ReplacedBy { get; private set; } = [];

    public IReadOnlyList<PathStep> Steps { get; private set; } = [];

    public IReadOnlyList<AmendmentRow> Amendments { get; private set; } = [];

    /// <summary>For an amendment: the paper it amends.</summary>
    public RelatedPaper? Amends { get; private set; }

    /// <summary>Who brought the paper in: a body's or group's name; null for the administration.</summary>
    public string? Originator { get; private set; }

    /// <summary>The paper's path told in order (<see cref="PaperTimeline"/>).</summary>
    public PaperTimeline Timeline { get; private set; } = new([]);

    public string Slug => HttpContext.RequiredMunicipality().Slug;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var paper = await db.Papers.AsNoTracking().Include(p => p.OriginatorBody).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (paper is null) return NotFound();
        Paper = paper;
        // A plan that is not public stays unnamed here: its title, version, link and changed parts are read
        // only when the plan is public, so nothing of it can reach the page.
        if (paper.PlanId is int planId)
        {
            PlanTitle = await db.Plans.AsNoTracking().Where(p => p.Id == planId && p.IsPublic).Select(p => p.Title).FirstOrDefaultAsync(ct);
            PlanIsPublic = PlanTitle is not null;
            VersionName = PlanIsPublic && paper.PlanVersionId is int v
                ? await db.PlanVersions.AsNoTracking().Where(x => x.Id == v).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        }
        Files = await db.PaperFiles.AsNoTracking().Where(f => f.PaperId == id).OrderBy(f => f.Position).ThenBy(f => f.Id)
            .Select(f => new FileRow(f.Id, f.Name, f.FileName, f.MimeType, f.Size, f.DocumentDate)).ToListAsync(ct);
        // One command for both directions of the revision (Neufassung), and the paper an amendment amends.
        var related = await db.Papers.AsNoTracking().Where(r => r.Id == paper.ReplacesPaperId || r.ReplacesPaperId == id || r.Id == paper.AmendsPaperId).OrderBy(r => r.Reference)
            .Select(r => new { r.Id, r.Reference, r.Name, r.ReplacesPaperId }).ToListAsync(ct);
        Replaces = related.Where(r => r.Id == paper.ReplacesPaperId).Select(r => new RelatedPaper(r.Id, r.Reference, r.Name)).FirstOrDefault();
        Amends = related.Where(r => r.Id == paper.AmendsPaperId).Select(r => new RelatedPaper(r.Id, r.Reference, r.Name)).FirstOrDefault();
        Originator = paper.OriginatorBody?.Name;
        ReplacedBy = related.Where(r => r.ReplacesPaperId == id).Select(r => new RelatedPaper(r.Id, r.Reference, r.Name)).ToList();
        Steps = await db.PaperConsultations.AsNoTracking().Where(c => c.PaperId == id).OrderBy(c => c.Position).ThenBy(c => c.Id)
            .Select(c => new PathStep(c.Position, c.BodyId, c.Body!.Name, c.MeetingId, c.Meeting != null ? c.Meeting.Name : null, c.Meeting != null ? c.Meeting.Start : null,
                c.AgendaItem != null && c.AgendaItem.IsPublic ? (c.AgendaItem.Number + " " + c.AgendaItem.Name).Trim() : null,
                c.Role, c.Result, c.VotesFor, c.VotesAgainst, c.VotesAbstaining, c.CustomResult != null ? c.CustomResult.Name : null, c.Id, c.Meeting != null && c.Meeting.StartTimeUnknown))
            .ToListAsync(ct);
        GroupVotes = (await db.ConsultationGroupVotes.AsNoTracking().Where(g => g.Consultation!.PaperId == id).OrderBy(g => g.ConsultationId).ThenBy(g => g.Position)
                .Select(g => new { g.ConsultationId, Row = new GroupVoteRow(g.GroupName, g.VotesFor, g.VotesAgainst, g.VotesAbstaining) }).ToListAsync(ct))
            .ToLookup(g => g.ConsultationId, g => g.Row);
        var amendments = await PaperAmendments.OfAsync(db, id, ct);
        var changeIds = PlanIsPublic ? amendments.SelectMany(a => a.ChangeIds).Distinct().ToList() : [];
        var changes = await db.ChangeRecords.AsNoTracking().Where(r => changeIds.Contains(r.Id))
            .Select(r => new LinkedChange(r.Id, r.At, r.UserName, r.EntityType, r.EntityLabel, r.Action, r.Reason)).ToListAsync(ct);
        var fields = await LinkedChange.FieldsAsync(db, changeIds, ct);
        var byId = changes.ToDictionary(c => c.Id, c => c with { Fields = fields[c.Id].ToList() });
        Amendments = amendments.Select(a => new AmendmentRow(a,
            a.ChangeIds.Where(byId.ContainsKey).Select(c => byId[c]).OrderBy(c => c.At).ToList())).ToList();
        Timeline = await PaperTimeline.LoadAsync(db, paper, ct);
        return Page();
    }
}
