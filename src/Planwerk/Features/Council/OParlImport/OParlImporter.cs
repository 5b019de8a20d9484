using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Infrastructure.Time;

namespace Planwerk.Features.Council.OParlImport;

/// <summary>Takes a paper from an OParl source and keeps it in step. Everything is read first (<see cref="OParlReader"/>),
/// then written in one transaction: the organizations, meetings, agenda items, the paper, its files and consultations,
/// the links to their source (<see cref="ImportedCouncilObject"/>), and the results, recorded through
/// <see cref="CouncilResolution"/> exactly as the clerk's form records them — so a deciding approval in the role
/// decision adopts the paper's plan. Any failure leaves nothing written and throws <see cref="OParlSourceException"/>.</summary>
public sealed class OParlImporter(PlanwerkDbContext db, OParlReader reader, TimeProvider clock)
{
    public const string RecorderName = "OParl-Import";

    /// <summary>Imports the paper and starts following it. The plan and version, when given, are the clerk's link of
    /// the paper to a plan (the import never sets it by itself).</summary>
    public async Task<FollowedPaper> FollowAsync(string endpoint, string paper, int? planId, int? planVersionId, CancellationToken ct)
    {
        var paperUrl = await reader.ResolvePaperAsync(endpoint, paper, ct);
        if (await db.FollowedPapers.AnyAsync(f => f.PaperUrl == paperUrl, ct))
            throw new OParlSourceException(paperUrl, "Dieser Vorlage wird hier schon gefolgt.");
        var snapshot = await reader.ReadAsync(paperUrl, [], ct) ?? throw new OParlSourceException(paperUrl, "Die Vorlage gibt es dort nicht (mehr).");
        var followed = new FollowedPaper { PaperUrl = paperUrl, EndpointUrl = endpoint.Trim() };
        await ApplyAsync(followed, snapshot, planId, planVersionId, setPlan: true, ct);
        return followed;
    }

    /// <summary>Brings a followed paper up to date. A failure is kept on <paramref name="followed"/> (and thrown).</summary>
    public async Task SyncAsync(FollowedPaper followed, CancellationToken ct)
    {
        try
        {
            var known = await KnownChildrenAsync(followed.PaperId, ct);
            var snapshot = await reader.ReadAsync(followed.PaperUrl, known, ct);
            if (snapshot is null)
            {
                followed.DeletedAtSource = true;
                followed.LastSyncedAt = clock.GetUtcNow();
                followed.LastError = "";
                await db.SaveChangesAsync(ct);
                return;
            }
            await ApplyAsync(followed, snapshot, null, null, setPlan: false, ct);
        }
        catch (OParlSourceException e)
        {
            db.ChangeTracker.Clear();
            var stored = await db.FollowedPapers.SingleAsync(f => f.Id == followed.Id, ct);
            stored.LastError = Clip(e.Message, FollowedPaper.MaxMessageLength);
            stored.LastSyncedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            throw;
        }
    }

    /// <summary>Sets the plan and version of a followed paper (the clerk's link). When the paper already carries a
    /// decisive result, recording it again adopts the plan, as if the clerk recorded it now.</summary>
    public async Task<IReadOnlyList<CouncilResolution.Problem>> LinkPlanAsync(FollowedPaper followed, int? planId, int? planVersionId, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var paper = await db.Papers.SingleAsync(p => p.Id == followed.PaperId, ct);
            if (paper.PlanId is not null && paper.PlanId != planId
                && await db.PaperConsultations.AnyAsync(c => c.PaperId == paper.Id && c.Role == ConsultationRole.Decision
                    && (c.Result == ConsultationResult.Approved || c.Result == ConsultationResult.ApprovedWithChanges), ct))
                return [new CouncilResolution.Problem("PlanVersionId", "Plan: Über diese Vorlage wurde schon beschlossen; der Plan kann nicht mehr gewechselt werden.")];
            paper.PlanId = planId;
            paper.PlanVersionId = planId is null ? null : planVersionId;
            await db.SaveChangesAsync(ct);
            var decisive = await db.PaperConsultations.Where(c => c.PaperId == paper.Id).OrderBy(c => c.Position).ToListAsync(ct);
            foreach (var c in decisive.Where(c => CouncilResolution.IsDecisive(c.Role, c.Result)))
            {
                var result = c.Result;
                c.Result = null;
                var problems = await CouncilResolution.RecordAsync(db, c, CouncilResolution.Entry(result, c.VotesFor, c.VotesAgainst, c.VotesAbstaining), clock.GetUtcNow(), null, RecorderName, ct);
                if (problems.Count > 0)
                {
                    await transaction.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                    return problems;
                }
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return (IReadOnlyList<CouncilResolution.Problem>)[];
        });
    }

    /// <summary>The OParl ids of the paper's imported agenda items, as "AgendaItem url", to learn whether they are gone.</summary>
    /// <summary>What came from the source for this paper and may be gone there since: its agenda items, and the meetings
    /// and bodies its consultations and agenda items name.</summary>
    private async Task<List<string>> KnownChildrenAsync(int paperId, CancellationToken ct)
    {
        var itemIds = await db.AgendaItems.Where(a => a.PaperId == paperId).Select(a => a.Id).ToListAsync(ct);
        var meetingIds = await db.PaperConsultations.Where(c => c.PaperId == paperId && c.MeetingId != null).Select(c => c.MeetingId!.Value)
            .Concat(db.AgendaItems.Where(a => a.PaperId == paperId).Select(a => a.MeetingId)).Distinct().ToListAsync(ct);
        var bodyIds = await db.PaperConsultations.Where(c => c.PaperId == paperId).Select(c => c.BodyId)
            .Concat(db.Meetings.Where(m => meetingIds.Contains(m.Id)).Select(m => m.BodyId)).Distinct().ToListAsync(ct);
        return (await db.ImportedCouncilObjects
                .Where(o => (o.Kind == ImportedKind.AgendaItem && itemIds.Contains(o.LocalId)) || (o.Kind == ImportedKind.Meeting && meetingIds.Contains(o.LocalId))
                    || (o.Kind == ImportedKind.Organization && bodyIds.Contains(o.LocalId)))
                .Select(o => new { o.Kind, o.OParlId }).ToListAsync(ct))
            .Select(o => o.Kind + " " + o.OParlId).ToList();
    }

    private async Task ApplyAsync(FollowedPaper followed, OParlSnapshot snapshot, int? planId, int? planVersionId, bool setPlan, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                await WriteAsync(followed, snapshot, planId, planVersionId, setPlan, ct);
                await transaction.CommitAsync(ct);
            }
            catch
            {
                await transaction.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                throw;
            }
        });
    }

    private async Task WriteAsync(FollowedPaper followed, OParlSnapshot s, int? planId, int? planVersionId, bool setPlan, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var links = await db.ImportedCouncilObjects.ToListAsync(ct);
        ImportedCouncilObject? Link(ImportedKind kind, string id) => links.FirstOrDefault(l => l.Kind == kind && l.OParlId == id);
        var pending = new List<(ImportedKind Kind, string Id, DateTimeOffset? Modified, Func<int> LocalId)>();

        // Organizations: by link, else the local body of the same name (names are unique), else a new body.
        var bodies = new Dictionary<string, CouncilBody>(StringComparer.Ordinal);
        foreach (var (url, o) in s.Organizations)
        {
            var name = Text(o.Name, CouncilBody.MaxNameLength, url, "name", required: true);
            var body = Link(ImportedKind.Organization, o.Id) is { } link ? await db.CouncilBodies.FirstOrDefaultAsync(b => b.Id == link.LocalId, ct) : null;
            // Two addresses may name the same body: the one already taken stands.
            body ??= bodies.Values.FirstOrDefault(b => b.Name == name) ?? await db.CouncilBodies.FirstOrDefaultAsync(b => b.Name == name, ct);
            if (body is null) db.CouncilBodies.Add(body = new CouncilBody { Name = name });
            body.Name = name;
            body.ShortName = Text(o.ShortName, 50, url, "shortName");
            body.Classification = OParlMapping.Classification(o.Classification, o.Name);
            body.StartDate = o.StartDate;
            body.EndDate = o.EndDate;
            body.Website = OParlSource.ParseUrl(o.Website) is { } w && w.ToString().Length <= 500 ? w.ToString() : "";
            bodies[url] = body;
            var b = body;
            pending.Add((ImportedKind.Organization, o.Id, o.Modified, () => b.Id));
        }

        // Meetings need a start and a body (their own organization, else the consultation's).
        var meetings = new Dictionary<string, Meeting>(StringComparer.Ordinal);
        foreach (var (url, m) in s.Meetings)
        {
            var organization = m.Organization is { } mo && bodies.ContainsKey(mo) ? mo
                : s.Paper.Consultations.FirstOrDefault(c => c.Meeting == url && c.Organization is { } co && bodies.ContainsKey(co))?.Organization;
            if (organization is null || m.Start is not { } start) continue;
            var meeting = Link(ImportedKind.Meeting, m.Id) is { } link ? await db.Meetings.FirstOrDefaultAsync(x => x.Id == link.LocalId, ct) : null;
            if (meeting is null) db.Meetings.Add(meeting = new Meeting { Name = "" });
            meeting.Body = bodies[organization];
            meeting.Name = Text(m.Name.Length > 0 ? m.Name : bodies[organization].Name, Meeting.MaxNameLength, url, "name", required: true);
            meeting.Start = start;
            meeting.End = m.End is { } end && end >= start ? end : null;
            meeting.Location = Text(m.Location, 500, url, "location");
            meeting.State = OParlMapping.State(m.State, m.Cancelled, start, now);
            meetings[url] = meeting;
            var x2 = meeting;
            pending.Add((ImportedKind.Meeting, m.Id, m.Modified, () => x2.Id));
        }

        // The paper.
        var p = s.Paper;
        var reference = Text(p.Reference, 60, p.Id, "reference", required: true);
        var paper = Link(ImportedKind.Paper, p.Id) is { } paperLink ? await db.Papers.FirstOrDefaultAsync(x => x.Id == paperLink.LocalId, ct) : null;
        if (await db.Papers.AnyAsync(x => x.Reference == reference && (paper == null || x.Id != paper.Id), ct))
            throw new OParlSourceException(p.Id, $"Eine Vorlage mit dem Aktenzeichen „{reference}“ gibt es hier schon; sie wurde nicht übernommen.");
        if (paper is null) db.Papers.Add(paper = new Paper { Reference = reference, Name = "" });
        paper.Reference = reference;
        paper.ReferenceIsExample = false;
        paper.Name = Text(p.Name.Length > 0 ? p.Name : reference, Paper.MaxNameLength, p.Id, "name", required: true);
        paper.PaperType = Text(p.PaperType, 100, p.Id, "paperType");
        paper.Date = p.Date ?? BerlinTime.Day(now);
        if (setPlan)
        {
            paper.PlanId = planId;
            paper.PlanVersionId = planId is null ? null : planVersionId;
        }
        pending.Add((ImportedKind.Paper, p.Id, p.Modified, () => paper.Id));

        // Agenda items named by the paper's consultations, in meetings taken over.
        var items = new Dictionary<string, AgendaItem>(StringComparer.Ordinal);
        foreach (var c in p.Consultations)
        {
            if (c.AgendaItem is not { } url || !s.AgendaItems.TryGetValue(url, out var a) || c.Meeting is not { } mu || !meetings.TryGetValue(mu, out var meeting) || items.ContainsKey(url)) continue;
            var item = Link(ImportedKind.AgendaItem, a.Id) is { } link ? await db.AgendaItems.FirstOrDefaultAsync(x => x.Id == link.LocalId, ct) : null;
            if (item is null)
            {
                var next = meeting.Id == 0 ? 1 : (await db.AgendaItems.Where(x => x.MeetingId == meeting.Id).MaxAsync(x => (int?)x.Order, ct) ?? 0) + 1;
                db.AgendaItems.Add(item = new AgendaItem { Name = "", Order = next });
            }
            item.Meeting = meeting;
            item.Number = Text(a.Number, 40, url, "number");
            if (a.Order is int order) item.Order = order;
            item.Name = Text(a.Name.Length > 0 ? a.Name : paper.Name, Paper.MaxNameLength, url, "name", required: true);
            item.IsPublic = a.Public;
            item.Paper = paper;
            item.Result = Text(a.Result, 1000, url, "result");
            items[url] = item;
            var i2 = item;
            pending.Add((ImportedKind.AgendaItem, a.Id, a.Modified, () => i2.Id));
        }

        // Files.
        var files = new List<PaperFile>();
        foreach (var f in p.Files)
        {
            var file = Link(ImportedKind.File, f.Id) is { } link ? await db.PaperFiles.FirstOrDefaultAsync(x => x.Id == link.LocalId, ct) : null;
            if (file is null) db.PaperFiles.Add(file = new PaperFile { Name = "", FileName = "", MimeType = "", Content = [] });
            file.Paper = paper;
            file.Name = Text(f.Name, 300, f.Id, "name", required: true);
            file.FileName = f.FileName;
            file.MimeType = f.MimeType;
            var sha = PaperFileTypes.Sha256(f.Content);
            if (file.Sha256 != sha)
            {
                file.Content = f.Content;
                file.Size = f.Content.Length;
                file.Sha256 = sha;
            }
            files.Add(file);
            var f2 = file;
            pending.Add((ImportedKind.File, f.Id, f.Modified, () => f2.Id));
        }

        // Consultations in the source's order; one whose organization is not there cannot be taken over.
        var consultations = new List<(PaperConsultation Local, SourceConsultation Source)>();
        var position = 0;
        foreach (var c in p.Consultations)
        {
            if (c.Organization is not { } org || !bodies.TryGetValue(org, out var body)) continue;
            var local = Link(ImportedKind.Consultation, c.Id) is { } link ? await db.PaperConsultations.FirstOrDefaultAsync(x => x.Id == link.LocalId, ct) : null;
            if (local is null) db.PaperConsultations.Add(local = new PaperConsultation());
            local.Paper = paper;
            local.Position = ++position;
            local.Body = body;
            local.Meeting = c.Meeting is { } mu && meetings.TryGetValue(mu, out var meeting) ? meeting : null;
            if (local.Meeting is null) local.MeetingId = null;
            local.AgendaItem = c.AgendaItem is { } au && items.TryGetValue(au, out var item) ? item : null;
            if (local.AgendaItem is null) local.AgendaItemId = null;
            local.Role = OParlMapping.Role(c.Role, c.Authoritative);
            consultations.Add((local, c));
            var c2 = local;
            pending.Add((ImportedKind.Consultation, c.Id, c.Modified, () => c2.Id));
        }
        await db.SaveChangesAsync(ct);

        // What the source no longer has: consultations and files of this paper that came from there and are not in
        // the paper any more, and its agenda items the source says are gone.
        var keptConsultations = consultations.Select(c => c.Local.Id).ToHashSet();
        var keptFiles = files.Select(f => f.Id).ToHashSet();
        var ownLinks = links.Where(l => l.Kind is ImportedKind.Consultation or ImportedKind.File or ImportedKind.AgendaItem).ToList();
        foreach (var old in await db.PaperConsultations.Where(c => c.PaperId == paper.Id).ToListAsync(ct))
        {
            if (keptConsultations.Contains(old.Id) || !ownLinks.Any(l => l.Kind == ImportedKind.Consultation && l.LocalId == old.Id)) continue;
            if (CouncilResolution.IsDecisive(old.Role, old.Result) && paper.PlanId is int pid && await db.Plans.AnyAsync(x => x.Id == pid && x.AdoptedVersionId != null, ct))
                throw new OParlSourceException(s.Paper.Id, "Die Beratung, mit der der Plan beschlossen wurde, fehlt dort jetzt. Der Beschluss steht; die Vorlage wurde nicht abgeglichen.");
            db.PaperConsultations.Remove(old);
            links.RemoveAll(l => RemoveLink(l, ImportedKind.Consultation, old.Id));
        }
        foreach (var old in await db.PaperFiles.Where(f => f.PaperId == paper.Id).ToListAsync(ct))
        {
            if (keptFiles.Contains(old.Id) || !ownLinks.Any(l => l.Kind == ImportedKind.File && l.LocalId == old.Id)) continue;
            db.PaperFiles.Remove(old);
            links.RemoveAll(l => RemoveLink(l, ImportedKind.File, old.Id));
        }
        foreach (var link in ownLinks.Where(l => l.Kind == ImportedKind.AgendaItem && s.Gone.Contains(l.OParlId)).ToList())
        {
            if (await db.AgendaItems.FirstOrDefaultAsync(a => a.Id == link.LocalId && a.PaperId == paper.Id, ct) is not { } gone) continue;
            foreach (var c in consultations.Where(c => c.Local.AgendaItemId == gone.Id)) c.Local.AgendaItemId = null;
            db.AgendaItems.Remove(gone);
            links.RemoveAll(l => RemoveLink(l, ImportedKind.AgendaItem, gone.Id));
        }
        await db.SaveChangesAsync(ct);

        // Meetings and bodies the source says are gone go here too, once nothing recorded here names them any more
        // (another followed paper, or the clerk's own entries, keep them).
        foreach (var link in links.Where(l => l.Kind == ImportedKind.Meeting && s.Gone.Contains(l.OParlId)).ToList())
        {
            var meetingId = link.LocalId;
            if (await db.PaperConsultations.AnyAsync(c => c.MeetingId == meetingId, ct) || await db.AgendaItems.AnyAsync(a => a.MeetingId == meetingId, ct)) continue;
            if (await db.Meetings.FirstOrDefaultAsync(x => x.Id == meetingId, ct) is { } meeting) db.Meetings.Remove(meeting);
            links.RemoveAll(l => RemoveLink(l, ImportedKind.Meeting, meetingId));
        }
        await db.SaveChangesAsync(ct);
        foreach (var link in links.Where(l => l.Kind == ImportedKind.Organization && s.Gone.Contains(l.OParlId)).ToList())
        {
            var bodyId = link.LocalId;
            if (await CouncilBodyUses.AnyAsync(db, bodyId, ct)) continue;
            if (await db.CouncilBodies.FirstOrDefaultAsync(x => x.Id == bodyId, ct) is { } body) db.CouncilBodies.Remove(body);
            links.RemoveAll(l => RemoveLink(l, ImportedKind.Organization, bodyId));
        }
        await db.SaveChangesAsync(ct);

        // Results, recorded as the clerk records them (a decisive approval adopts the paper's plan).
        var own = await db.ConsultationResultKinds.AsNoTracking().ToListAsync(ct);
        foreach (var (local, source) in consultations)
        {
            var words = source.Keywords.Concat(source.AgendaItem is { } au && s.AgendaItems.TryGetValue(au, out var a) ? [a.Result] : []);
            var (builtIn, customId) = OParlMapping.Result(words, own);
            if (local.Result == builtIn && local.CustomResultId == customId) continue;
            var problems = await CouncilResolution.RecordAsync(db, local, new CouncilResolution.ResultEntry(builtIn, customId, null, null, null), now, null, RecorderName, ct);
            if (problems.Count > 0)
                throw new OParlSourceException(source.Id, string.Format(CultureInfo.InvariantCulture, problems[0].Message, problems[0].Arguments));
        }

        // The links, now that every new object has its id.
        foreach (var (kind, id, modified, localId) in pending)
        {
            var link = links.FirstOrDefault(l => l.Kind == kind && l.OParlId == id);
            if (link is null)
            {
                var other = links.FirstOrDefault(l => l.Kind == kind && l.LocalId == localId());
                if (other is not null) db.ImportedCouncilObjects.Remove(other);
                db.ImportedCouncilObjects.Add(link = new ImportedCouncilObject { Kind = kind, OParlId = id, LocalId = localId() });
                links.Add(link);
            }
            link.LocalId = localId();
            link.SourceModified = modified;
        }
        await db.SaveChangesAsync(ct);

        followed.Paper = paper;
        followed.LastSyncedAt = now;
        followed.LastError = "";
        followed.DeletedAtSource = false;
        if (db.Entry(followed).State == EntityState.Detached) db.FollowedPapers.Add(followed);
        await db.SaveChangesAsync(ct);
    }

    private bool RemoveLink(ImportedCouncilObject link, ImportedKind kind, int localId)
    {
        if (link.Kind != kind || link.LocalId != localId) return false;
        db.ImportedCouncilObjects.Remove(link);
        return true;
    }

    /// <summary>An imported text, trimmed, refused (naming the object and field) when longer than the model allows.</summary>
    private static string Text(string? value, int max, string url, string field, bool required = false)
    {
        var text = value?.Trim() ?? "";
        if (required && text.Length == 0) throw new OParlSourceException(url, $"Das Feld „{field}“ fehlt oder ist leer.");
        if (text.Length > max) throw new OParlSourceException(url, string.Create(CultureInfo.InvariantCulture, $"Das Feld „{field}“ ist länger als {max} Zeichen (hier erlaubt)."));
        return text;
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
