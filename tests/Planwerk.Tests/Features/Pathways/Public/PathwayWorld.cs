using Planwerk.Features.Pathways;
using Planwerk.Features.Plans;
using Planwerk.Features.Services;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Features.Plans.PublicSite;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Pathways.PublicPages;

/// <summary>A municipality with published pathways for the public pages' tests, written as rows and published as the plan
/// team would: "ankommen" for asylum seekers (registering, a Kita place for parents, school for under-18s) and "arbeit"
/// for recognised refugees and people under temporary protection from 18 (the job centre, and registering shared), a
/// draft that is never public, services in two districts with different audiences and languages, one no longer listed,
/// and a measure of a public plan on the shared step. Arabic and easy German translations for some texts only.</summary>
public sealed record PathwayWorld(TestMunicipality M, int Prohlis, int Gorbitz, int AsylProhlis, int AsylGorbitz, int Jobs, int Kita, int Gone, int Youth,
    int MeasureId, int PlanId, Guid Register, Guid KitaStep, Guid School, Guid JobCentre)
{
    public const string ArrivalTitle = "Ankommen mit Asylantrag";
    public const string ArrivalArabic = "الوصول مع طلب اللجوء";
    public const string ArrivalEasy = "Neu in der Stadt mit Asyl-Antrag";
    public const string RegisterTitle = "Anmelden bei der Meldebehörde";
    public const string RegisterArabic = "التسجيل في مكتب تسجيل السكان";
    public const string RegisterEasy = "Sie melden sich an";

    public static async Task<PathwayWorld> CreateAsync(PlanwerkApp app, int extraPathways = 0)
    {
        var m = await app.CreateMunicipalityAsync();
        var organisation = await m.AddStakeholderAsync("Beratungsstelle " + HostileText.Script);
        var plan = await m.AddPlanAsync(fields: 1, measuresPerField: 2, measure: x => { x.Status = MeasureStatus.InProgress; x.Progress = 40; });
        return await m.WithDbAsync(async db =>
        {
            await ContentLanguages.EnsureDefaultsAsync(db);
            db.ContentLanguages.Add(new ContentLanguage { Code = PathwayTexts.EasyGerman, Name = "Leichte Sprache", Position = 10 });
            var prohlis = new District { Name = "Prohlis" };
            var gorbitz = new District { Name = "Gorbitz" };
            var inProhlis = new ServiceLocation { OrganisationId = organisation, Name = "Haus Prohlis", Street = "Prohliser Allee 1", PostalCode = "01239", City = "Dresden", District = prohlis };
            var inGorbitz = new ServiceLocation { OrganisationId = organisation, Name = "Haus Gorbitz", Street = "Amalie-Dietrich-Platz 3", PostalCode = "01169", City = "Dresden", District = gorbitz };
            db.AddRange(prohlis, gorbitz, inProhlis, inGorbitz);
            HelpService Service(string name, ResidenceSituations audience, string[] languages, ServiceLocation place, int? min = null, int? max = null, ServiceStatus status = ServiceStatus.Active)
            {
                var s = new HelpService { OrganisationId = organisation, Name = name, Audience = audience, MinimumAge = min, MaximumAge = max, Status = status, LastCheckedOn = new DateOnly(2026, 1, 1) };
                s.Languages.AddRange(languages.Select(code => new ServiceLanguage { Code = code }));
                s.Locations.Add(new ServiceAtLocation { Location = place });
                s.Schedules.Add(new ServiceSchedule { Weekday = DayOfWeek.Monday, Opens = new TimeOnly(9, 0), Closes = new TimeOnly(12, 0), Location = place });
                db.HelpServices.Add(s);
                return s;
            }
            var asylProhlis = Service("Asylberatung Prohlis", ResidenceSituations.AsylumSeekers, ["ar"], inProhlis);
            var asylGorbitz = Service("Asylberatung Gorbitz", ResidenceSituations.AsylumSeekers, ["ar", "fa"], inGorbitz);
            var jobs = Service("Jobberatung", ResidenceSituations.RecognisedRefugees | ResidenceSituations.TemporaryProtection, ["uk"], inGorbitz, min: 18);
            var kita = Service("Kita-Beratung", ResidenceSituations.Everybody, ["de"], inProhlis);
            var gone = Service("Geschlossene Beratung", ResidenceSituations.Everybody, ["ar"], inProhlis, status: ServiceStatus.Defunct);
            var youth = Service("Jugendberatung", ResidenceSituations.Everybody, ["ar"], inGorbitz, max: 17);
            await db.SaveChangesAsync();
            db.ContentTranslations.Add(new ContentTranslation { Kind = ContentKinds.Service, EntityId = asylProhlis.Id, Language = "ar", Field = nameof(HelpService.Name), Text = "استشارة اللجوء بروليس", SourceFingerprint = ServiceTexts.Fingerprint(asylProhlis.Name) });

            PathwayStep Step(string title, int[] services, ChildrenCondition children = ChildrenCondition.Any, int? max = null, int[]? measures = null)
            {
                var step = new PathwayStep
                {
                    Title = title, WhatToDo = "Gehen Sie hin.\n\nNehmen Sie eine Nummer.", Why = "Weil es Pflicht ist.", DocumentsToBring = "Pass\nAnkunftsnachweis",
                    Deadlines = "Innerhalb von zwei Wochen.", WaitingTime = "Etwa eine Stunde.", Tips = HostileText.Script, Children = children, MaximumAge = max,
                };
                step.Services.AddRange(services.Select((id, i) => new PathwayStepService { ServiceId = id, Position = i }));
                step.Measures.AddRange((measures ?? []).Select(id => new PathwayStepMeasure { MeasureId = id }));
                db.PathwaySteps.Add(step);
                return step;
            }
            var register = Step(RegisterTitle, [asylProhlis.Id, asylGorbitz.Id, gone.Id, jobs.Id], measures: [plan.Measures[0].Id]);
            var kitaStep = Step("Einen Kita-Platz suchen", [kita.Id], children: ChildrenCondition.WithChildren);
            var school = Step("Zur Schule anmelden", [youth.Id], max: 17);
            var jobCentre = Step("Zum Jobcenter gehen", [jobs.Id]);
            Pathway Way(string code, string title, ResidenceSituations audience, int position, int? min, params (string Stage, PathwayStep[] Steps)[] stages)
            {
                var p = new Pathway { Code = code, Title = title, Summary = "Für wen dieser Weg ist.", Audience = audience, MinimumAge = min, Position = position };
                var s = 0;
                foreach (var (stage, steps) in stages)
                {
                    var st = new PathwayStage { Title = stage, Position = s++, Pathway = p };
                    st.Steps.AddRange(steps.Select((x, i) => new PathwayStageStep { Step = x, Position = i }));
                    p.Stages.Add(st);
                }
                db.Pathways.Add(p);
                return p;
            }
            var arrival = Way("ankommen", ArrivalTitle, ResidenceSituations.AsylumSeekers, 1, null, ("Die ersten Tage", [register, kitaStep]), ("Schule", [school]));
            var work = Way("arbeit", "Arbeit finden", ResidenceSituations.RecognisedRefugees | ResidenceSituations.TemporaryProtection, 2, 18, ("Arbeit", [jobCentre, register]));
            var draft = Way("entwurf", "Ein Entwurf", ResidenceSituations.Everybody, 3, null, ("Entwurf", [Step("Nur im Entwurf", [kita.Id])]));
            var extra = Enumerable.Range(0, extraPathways).Select(i => Way($"weg-{i}", $"Weiterer Weg {i}", ResidenceSituations.OtherMigrants, 10 + i, null,
                ("Stufe", [Step($"Schritt {i}", [kita.Id, jobs.Id], measures: [plan.Measures[1].Id])]))).ToList();
            await db.SaveChangesAsync();
            void Translate(string kind, int id, string field, string language, string text, string source) =>
                db.ContentTranslations.Add(new ContentTranslation { Kind = kind, EntityId = id, Language = language, Field = field, Text = text, SourceFingerprint = ServiceTexts.Fingerprint(source) });
            Translate(PathwayTexts.PathwayKind, arrival.Id, nameof(Pathway.Title), "ar", ArrivalArabic, arrival.Title);
            Translate(PathwayTexts.StepKind, register.Id, nameof(PathwayStep.Title), "ar", RegisterArabic, register.Title);
            Translate(PathwayTexts.StepKind, register.Id, nameof(PathwayStep.WhatToDo), "ar", "اذهب إلى هناك.", register.WhatToDo);
            Translate(PathwayTexts.PathwayKind, arrival.Id, nameof(Pathway.Title), PathwayTexts.EasyGerman, ArrivalEasy, arrival.Title);
            Translate(PathwayTexts.StepKind, register.Id, nameof(PathwayStep.Title), PathwayTexts.EasyGerman, RegisterEasy, register.Title);
            await db.SaveChangesAsync();
            foreach (var p in new[] { arrival, work }.Concat(extra)) await PathwayPublishing.PublishAsync(db, p, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            _ = draft;
            return new PathwayWorld(m, prohlis.Id, gorbitz.Id, asylProhlis.Id, asylGorbitz.Id, jobs.Id, kita.Id, gone.Id, youth.Id,
                plan.Measures[0].Id, plan.Id, register.Uid, kitaStep.Uid, school.Uid, jobCentre.Uid);
        });
    }
}
