using System.Text;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;
using Planwerk.Features.Council;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.History;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Features.Plans.Versions;

namespace Planwerk.Features.Demo;

/// <summary>The demo plan's path through Dresden's council, after the model plan's real process: the 2017
/// mandate A0282/17, the plan completed on 20.03.2019, deliberation in the district advisory councils, local
/// councils, committees, council of elders and foreigners' advisory council in Q2 2019, approval by the
/// committee for social affairs and housing on 18.06.2019 (the culture committee before) and adoption by
/// the city council on 05.07.2019. The 2019 paper's number, the dates not in the sources, the votes and the
/// amendment are invented and marked as example content.</summary>
public static class DemoCouncil
{
    public const string MandateReference = "A0282/17";
    public const string PaperReference = "V2950/19";
    public const string AmendmentReference = PaperReference + "-ÄA1";
    public const string VersionName = "Ratsfassung März 2019";
    public const string Example = "Beispielinhalt";

    private static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0) => DemoConsultation.At(year, month, day, hour, minute);

    /// <summary>Adds bodies, meetings, papers, consultations and the amendment, and adopts the demo plan on
    /// 05.07.2019; afterwards the plan is in implementation, as the real one is. Does nothing when the
    /// mandate paper is already there.</summary>
    public static async Task AddAsync(PlanwerkDbContext db, Plan plan, CancellationToken ct)
    {
        if (await db.Papers.AnyAsync(p => p.Reference == MandateReference, ct)) return;
        var clerk = await db.Users.Where(u => u.Email == DemoContent.DemoEmail).Select(u => new { u.Id, u.DisplayName }).SingleAsync(ct);
        var editor = await db.Users.Where(u => u.Email == DemoContent.EditorEmail).Select(u => new { u.Id, u.DisplayName }).SingleAsync(ct);
        var created = At(2019, 3, 20, 12, 0);

        CouncilBody Body(string name, string shortName, BodyClassification kind) =>
            new() { Name = name, ShortName = shortName, Classification = kind, CreatedAt = created, ModifiedAt = created };
        var council = Body("Stadtrat", "SR", BodyClassification.CityCouncil);
        var social = Body("Ausschuss für Soziales und Wohnen", "SWA", BodyClassification.Committee);
        var culture = Body("Ausschuss für Kultur und Tourismus", "KTA", BodyClassification.Committee);
        var elders = Body("Ältestenrat", "ÄR", BodyClassification.CouncilOfElders);
        var foreigners = Body("Ausländerbeirat", "AB", BodyClassification.AdvisoryCouncil);
        var altstadt = Body("Stadtbezirksbeirat Altstadt", "SBR AL", BodyClassification.DistrictAdvisoryCouncil);
        var neustadt = Body("Stadtbezirksbeirat Neustadt", "SBR NE", BodyClassification.DistrictAdvisoryCouncil);
        var prohlis = Body("Stadtbezirksbeirat Prohlis", "SBR PR", BodyClassification.DistrictAdvisoryCouncil);
        var cossebaude = Body("Ortschaftsrat Cossebaude", "OR CO", BodyClassification.LocalCouncil);
        db.CouncilBodies.AddRange(council, social, culture, elders, foreigners, altstadt, neustadt, prohlis, cossebaude);

        // The 2017 mandate: the year is known, the day is not.
        var mandateMeeting = Meeting(council, "Sitzung des Stadtrates (Termin: " + Example + ")", At(2017, 6, 22, 16, 0), "Plenarsaal, Neues Rathaus");
        var mandate = new Paper
        {
            Reference = MandateReference,
            Name = "Grundlegende Überarbeitung des Fachplans Asyl 2014–2016",
            PaperType = "Antrag (Datum: " + Example + ")",
            Date = new DateOnly(2017, 6, 1),
            PlanId = plan.Id,
            CreatedAt = At(2017, 6, 1), ModifiedAt = At(2017, 6, 22),
        };
        db.Papers.Add(mandate);
        var mandateItem = Item(mandateMeeting, "Ö 7", 7, "Grundlegende Überarbeitung des Fachplans Asyl 2014–2016", mandate, "beschlossen");
        db.PaperConsultations.Add(new PaperConsultation
        {
            Paper = mandate, Position = 1, Body = council, Meeting = mandateMeeting, AgendaItem = mandateItem, Role = ConsultationRole.Decision,
            Result = ConsultationResult.Approved, ResultRecordedAt = At(2017, 6, 22, 20, 0), ResultRecordedByUserId = clerk.Id,
            CreatedAt = At(2017, 6, 1), ModifiedAt = At(2017, 6, 22, 20, 0),
        });
        await db.SaveChangesAsync(ct);

        // The version the council deliberated: the plan as completed on 20.03.2019.
        var document = await PlanDocument.LoadAsync(db, plan.Id, ct) ?? throw new InvalidOperationException("The demo plan is missing.");
        var version = new PlanVersion
        {
            PlanId = plan.Id, Name = VersionName, CreatedAt = created, CreatedByUserId = editor.Id, CreatedByName = editor.DisplayName,
            Note = "Die dem Stadtrat vorgelegte Fassung, fertiggestellt am 20.03.2019.",
            Document = Encoding.UTF8.GetString(document.ToJson()),
        };
        db.PlanVersions.Add(version);
        var paper = new Paper
        {
            Reference = PaperReference,
            ReferenceIsExample = true,
            Name = "Fachplan Asyl und Integration 2022",
            PaperType = "Beschlussvorlage (Datum: " + Example + ")",
            Date = new DateOnly(2019, 4, 9),
            PlanId = plan.Id,
            PlanVersion = version,
            CreatedAt = At(2019, 4, 9), ModifiedAt = At(2019, 4, 9),
        };
        db.Papers.Add(paper);

        // Q2 2019: the real dates are 18.06. and 05.07.; the others are examples in the quarter.
        (CouncilBody Body, DateTimeOffset Start, bool Real, ConsultationRole Role, ConsultationResult Result, (int, int, int)? Votes)[] path =
        [
            (foreigners, At(2019, 4, 24, 17, 0), false, ConsultationRole.PreliminaryConsultation, ConsultationResult.Approved, (9, 0, 1)),
            (altstadt, At(2019, 5, 6, 17, 30), false, ConsultationRole.PreliminaryConsultation, ConsultationResult.Approved, (11, 2, 1)),
            (neustadt, At(2019, 5, 13, 17, 30), false, ConsultationRole.PreliminaryConsultation, ConsultationResult.Approved, (12, 1, 2)),
            (prohlis, At(2019, 5, 14, 17, 30), false, ConsultationRole.PreliminaryConsultation, ConsultationResult.Approved, (10, 3, 2)),
            (cossebaude, At(2019, 5, 16, 19, 0), false, ConsultationRole.PreliminaryConsultation, ConsultationResult.Noted, null),
            // A postponement and its follow-up, as councils record them: the committee postpones, then agrees.
            (culture, At(2019, 5, 20, 16, 0), false, ConsultationRole.PreliminaryConsultation, ConsultationResult.Postponed, null),
            (culture, At(2019, 6, 3, 16, 0), false, ConsultationRole.PreliminaryConsultation, ConsultationResult.Approved, (8, 2, 1)),
            (elders, At(2019, 6, 11, 15, 0), false, ConsultationRole.ForInformation, ConsultationResult.Noted, null),
            (social, At(2019, 6, 18, 16, 0), true, ConsultationRole.PreliminaryConsultation, ConsultationResult.Approved, (10, 3, 0)),
            (council, At(2019, 7, 5, 14, 0), true, ConsultationRole.Decision, ConsultationResult.ApprovedWithChanges, (40, 22, 5)),
        ];
        var consultations = new List<PaperConsultation>();
        for (var i = 0; i < path.Length; i++)
        {
            var step = path[i];
            // What is invented is said in the meeting's name, which the paper's page shows beside the votes.
            var invented = (step.Real ? "" : "Termin") + (step.Votes is null ? "" : (step.Real ? "" : " und ") + "Stimmenzahlen");
            var name = "Sitzung: " + step.Body.Name + (invented.Length == 0 ? "" : " (" + invented + ": " + Example + ")");
            var meeting = Meeting(step.Body, name, step.Start, step.Body == council ? "Plenarsaal, Neues Rathaus" : "Neues Rathaus, Dr.-Külz-Ring 19");
            var item = Item(meeting, "Ö " + (i % 3 + 4), 4 + i % 3, "Fachplan Asyl und Integration 2022", paper,
                step.Body == council ? "mit Änderungen beschlossen" : "");
            // The council's decisive result is recorded below, through the resolution rule.
            var decisive = step.Role == ConsultationRole.Decision;
            var consultation = new PaperConsultation
            {
                Paper = paper, Position = i + 1, Body = step.Body, Meeting = meeting, AgendaItem = item, Role = step.Role,
                Result = decisive ? null : step.Result,
                VotesFor = decisive ? null : step.Votes?.Item1, VotesAgainst = decisive ? null : step.Votes?.Item2, VotesAbstaining = decisive ? null : step.Votes?.Item3,
                ResultRecordedAt = decisive ? null : step.Start.AddHours(3), ResultRecordedByUserId = decisive ? null : clerk.Id,
                CreatedAt = At(2019, 4, 9), ModifiedAt = decisive ? At(2019, 4, 9) : step.Start.AddHours(3),
            };
            consultations.Add(consultation);
            db.PaperConsultations.Add(consultation);
        }
        // A non-public item in the council's meeting, so the public page has something to leave out.
        Item(consultations[^1].Meeting!, "N 2", 20, "Personalangelegenheit (nichtöffentlich, " + Example + ")", null, "", isPublic: false);
        await db.SaveChangesAsync(ct);

        // The amendment adopted on 05.07.2019, and the change of the plan it made, recorded in the history.
        var measure = await db.Measures.SingleAsync(m => m.PlanId == plan.Id && m.Number == "2.1", ct);
        measure.Description += "\nÜber den Stand der Umsetzung wird jährlich im Ausländerbeirat berichtet.";
        var author = db.Author;
        db.Author = new ChangeAuthor { UserId = editor.Id, UserName = editor.DisplayName, Reason = "Änderungsantrag " + AmendmentReference + " zur Vorlage " + PaperReference + " (" + Example + ")" };
        await db.SaveChangesAsync(ct);
        db.Author = author;
        var change = await db.ChangeRecords.Where(r => r.EntityType == ChangeEntityTypes.Measure && r.EntityId == measure.Id && r.Action == ChangeAction.Updated)
            .OrderByDescending(r => r.Id).Select(r => r.Id).FirstAsync(ct);
        await db.ChangeRecords.Where(r => r.Id == change).ExecuteUpdateAsync(s => s.SetProperty(r => r.At, At(2019, 7, 5, 17, 0)), ct);
        var decision = consultations[^1];
        // The amendment is a paper of its own, brought in by the foreigners' advisory council and adopted in the same meeting.
        var amendment = new Paper
        {
            Reference = AmendmentReference, ReferenceIsExample = true, AmendsPaper = paper, OriginatorBody = foreigners,
            Name = "Jährlicher Bericht über die Umsetzung", PaperType = "Änderungsantrag", Date = new DateOnly(2019, 7, 1),
            ResolutionText = "Die Verwaltung berichtet dem Ausländerbeirat jährlich über den Stand der Umsetzung der Maßnahmen.\n\n_" + Example + ": ein erfundener Änderungsantrag für die Demo._",
            CreatedAt = At(2019, 7, 1), ModifiedAt = At(2019, 7, 5, 17, 0),
            ChangeLinks = [new AmendmentChangeLink { ChangeRecordId = change }],
        };
        db.Papers.Add(amendment);
        db.PaperConsultations.Add(new PaperConsultation
        {
            Paper = amendment, Position = 1, Body = council, Meeting = decision.Meeting, Role = ConsultationRole.Decision, Result = ConsultationResult.Approved,
            ResultRecordedAt = At(2019, 7, 5, 17, 0), ResultRecordedByUserId = clerk.Id, CreatedAt = At(2019, 7, 1), ModifiedAt = At(2019, 7, 5, 17, 0),
        });

        // The plan goes into deliberation, the council's result adopts it, and it is then implemented.
        plan.State = PlanState.InDeliberation;
        await db.SaveChangesAsync(ct);
        var (votesFor, against, abstaining) = path[^1].Votes!.Value;
        var problems = await CouncilResolution.RecordAsync(db, decision, CouncilResolution.Entry(ConsultationResult.ApprovedWithChanges, votesFor, against, abstaining),
            At(2019, 7, 5, 18, 0), clerk.Id, clerk.DisplayName, ct);
        if (problems.Count > 0) throw new InvalidOperationException("The demo adoption was refused: " + problems[0].Message);
        await db.SaveChangesAsync(ct);
        plan.State = PlanState.InImplementation;
        await db.SaveChangesAsync(ct);

        Meeting Meeting(CouncilBody body, string name, DateTimeOffset start, string location)
        {
            var meeting = new Meeting
            {
                Body = body, Name = name, Start = start, End = start.AddHours(3), Location = location, State = MeetingState.Held,
                CreatedAt = start.AddDays(-14), ModifiedAt = start.AddHours(3),
            };
            db.Meetings.Add(meeting);
            return meeting;
        }

        AgendaItem Item(Meeting meeting, string number, int order, string name, Paper? paper, string result, bool isPublic = true)
        {
            var item = new AgendaItem
            {
                Meeting = meeting, Number = number, Order = order, Name = name, Paper = paper, Result = result, IsPublic = isPublic,
                CreatedAt = meeting.CreatedAt, ModifiedAt = meeting.ModifiedAt,
            };
            db.AgendaItems.Add(item);
            return item;
        }
    }
}
