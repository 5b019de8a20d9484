using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.History;
using Planwerk.Features.Plans.Sections;
using Planwerk.Features.Plans.Versions;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Plans.Manage;
using Planwerk.Tests.Infrastructure;
using static Planwerk.Tests.Features.Plans.Manage.ManageTestData;

namespace Planwerk.Tests.Features.Plans.History;

public abstract class HistoryTests(PlanwerkApp app)
{
    private static Dictionary<string, string?> MeasureForm(int fieldId, string number, string title, int progress = 0) => new()
    {
        ["Input.FieldOfActionId"] = Id(fieldId),
        ["Input.Number"] = number,
        ["Input.Title"] = title,
        ["Input.Priority"] = nameof(MeasurePriority.Medium),
        ["Input.Status"] = nameof(MeasureStatus.NotStarted),
        ["Input.Progress"] = Id(progress),
    };

    /// <summary>The records of changes made by people (the test data's own creation is recorded without a person).</summary>
    private static Task<List<ChangeRecord>> RecordsAsync(TestMunicipality m, int planId) =>
        m.WithDbAsync(db => db.ChangeRecords.AsNoTracking().Include(r => r.Fields).Where(r => r.PlanId == planId && r.UserId != null).OrderBy(r => r.Id).ToListAsync());

    private static ChangeRecordField FieldOf(ChangeRecord record, string field) => record.Fields.Single(f => f.Field == field);

    private async Task<(PlanwerkUser User, HttpClient Client)> EditorAsync(TestMunicipality m)
    {
        var user = await m.AddMemberAsync(MunicipalityRole.PlanEditor);
        return (user, await app.SignInAsync(user.Email!));
    }

    [Fact]
    public async Task Editing_a_measure_records_old_and_new_values_the_author_and_the_reason()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 2, fields: 1, measuresPerField: 1);
        var altstadt = await m.DistrictAsync("Altstadt");
        var (user, client) = await EditorAsync(m);
        var measureId = plan.Field(1).MeasureIds[0];
        var url = $"/{m.Slug}/manage/plans/{plan.Id}/measures/{measureId}";

        var form = MeasureForm(plan.Field(1).Id, "1.1", HostileText.Script, progress: 0);
        form["Input.Status"] = nameof(MeasureStatus.InProgress);
        form["Input.EstimatedCost"] = "1.250,50";
        form["Input.StartDate"] = "2020-03-01";
        form["Input.PrincipleIds"] = Id(plan.PrincipleIds[1]);
        form["Input.DistrictIds"] = Id(altstadt);
        form["Input.Reason"] = "Beschluss des Ausschusses " + HostileText.Markup;
        var response = await client.SubmitFormAsync(url, form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var record = Assert.Single(await RecordsAsync(m, plan.Id), r => r.EntityId == measureId);
        Assert.Equal((ChangeEntityTypes.Measure, ChangeAction.Updated), (record.EntityType, record.Action));
        Assert.Equal((user.Id, user.DisplayName), (record.UserId, record.UserName));
        Assert.Equal("Beschluss des Ausschusses " + HostileText.Markup, record.Reason);
        Assert.Equal("1.1 " + HostileText.Script, record.EntityLabel);
        Assert.Equal(("Maßnahme 1.1", HostileText.Script), (FieldOf(record, "Title").OldValue, FieldOf(record, "Title").NewValue));
        Assert.Equal(("NotStarted", "InProgress"), (FieldOf(record, "Status").OldValue, FieldOf(record, "Status").NewValue));
        Assert.Equal((null, "1250.50"), (FieldOf(record, "EstimatedCost").OldValue, FieldOf(record, "EstimatedCost").NewValue));
        Assert.Equal((null, "2020-03-01"), (FieldOf(record, "StartDate").OldValue, FieldOf(record, "StartDate").NewValue));
        Assert.Equal((null, "Leitlinie 2"), (FieldOf(record, "Principles").OldValue, FieldOf(record, "Principles").NewValue));
        Assert.Equal((null, "Altstadt"), (FieldOf(record, "Districts").OldValue, FieldOf(record, "Districts").NewValue));
        Assert.DoesNotContain(record.Fields, f => f.Field is "Version" or "UpdatedAt" or "Goal");

        // Second change: the links change again, old and new lists are recorded.
        form["Input.PrincipleIds"] = HtmlForms.Many(Id(plan.PrincipleIds[0]), Id(plan.PrincipleIds[1]));
        form["Input.DistrictIds"] = null;
        form["Input.Reason"] = "";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(url, form)).StatusCode);
        var second = (await RecordsAsync(m, plan.Id)).Last();
        Assert.Equal(("Leitlinie 2", "Leitlinie 1; Leitlinie 2"), (FieldOf(second, "Principles").OldValue, FieldOf(second, "Principles").NewValue));
        Assert.Equal(("Altstadt", null), (FieldOf(second, "Districts").OldValue, FieldOf(second, "Districts").NewValue));
        Assert.Equal(2, second.Fields.Count);
        Assert.Equal("", second.Reason);

        // The measure's history page shows both, newest first, escaped.
        var page = await client.GetDocumentAsync($"{url}/history");
        var entries = page.QuerySelectorAll("li.change");
        Assert.Equal(3, entries.Length); // with the creation of the test data
        Assert.Contains("System", entries[2].TextContent, StringComparison.Ordinal);
        Assert.Contains("Leitlinie 1; Leitlinie 2", entries[0].TextContent, StringComparison.Ordinal);
        Assert.Contains(user.DisplayName, entries[1].TextContent, StringComparison.Ordinal);
        Assert.Contains(HostileText.Markup, entries[1].QuerySelector(".change-reason")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(HostileText.Script, entries[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("In Umsetzung", entries[1].TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("main script, main img"));
    }

    [Fact]
    public async Task Creating_editing_and_deleting_principles_fields_and_measures_is_recorded_with_reasons()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 1, fields: 1, measuresPerField: 1);
        var (user, client) = await EditorAsync(m);
        var p = $"/{m.Slug}/manage/plans/{plan.Id}";

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"{p}/principles/new",
            new Dictionary<string, string?> { ["Input.Title"] = "Teilhabe", ["Input.Position"] = "2", ["Input.Reason"] = "Neu aufgenommen" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"{p}/fields/new",
            new Dictionary<string, string?> { ["Input.Number"] = "2", ["Input.Title"] = "Wohnen", ["Input.Reason"] = "Feld ergänzt" })).StatusCode);
        var fieldId = await m.WithDbAsync(db => db.FieldsOfAction.Where(f => f.PlanId == plan.Id && f.Number == 2).Select(f => f.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"{p}/measures/new?fieldId={fieldId}",
            MeasureForm(fieldId, "2.1", "Wohnberatung"))).StatusCode);
        var measureId = await m.WithDbAsync(db => db.Measures.Where(x => x.Number == "2.1" && x.PlanId == plan.Id).Select(x => x.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"{p}/fields/{fieldId}",
            new Dictionary<string, string?> { ["Input.Number"] = "2", ["Input.Title"] = "Wohnen und Leben" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"{p}/measures/{measureId}/delete",
            new Dictionary<string, string?> { ["Reason"] = "Doppelt erfasst" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"{p}/principles/{plan.PrincipleIds[0]}/delete",
            new Dictionary<string, string?> { ["Reason"] = "Überholt" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"{p}/state",
            new Dictionary<string, string?> { ["Input.NewState"] = nameof(PlanState.InConsultation), ["Input.Reason"] = "Beteiligung beginnt" }, "#state-form")).StatusCode);

        var records = await RecordsAsync(m, plan.Id);
        Assert.All(records, r => Assert.Equal((user.Id, user.DisplayName, m.Id), (r.UserId, r.UserName, r.MunicipalityId)));
        var principle = records.Single(r => r.EntityType == ChangeEntityTypes.Principle && r.Action == ChangeAction.Created);
        Assert.Equal(("Teilhabe", "Neu aufgenommen"), (FieldOf(principle, "Title").NewValue, principle.Reason));
        Assert.Null(FieldOf(principle, "Title").OldValue);
        var field = records.Single(r => r.EntityType == ChangeEntityTypes.FieldOfAction && r.Action == ChangeAction.Created);
        Assert.Equal(("2", "Feld ergänzt", fieldId), (FieldOf(field, "Number").NewValue, field.Reason, field.EntityId));
        var fieldEdit = records.Single(r => r.EntityType == ChangeEntityTypes.FieldOfAction && r.Action == ChangeAction.Updated);
        Assert.Equal(("Wohnen", "Wohnen und Leben"), (FieldOf(fieldEdit, "Title").OldValue, FieldOf(fieldEdit, "Title").NewValue));
        var created = records.Single(r => r.EntityType == ChangeEntityTypes.Measure && r.Action == ChangeAction.Created);
        Assert.Equal((measureId, "2.1 Wohnberatung"), (created.EntityId, created.EntityLabel));
        var deleted = records.Single(r => r.EntityType == ChangeEntityTypes.Measure && r.Action == ChangeAction.Deleted);
        Assert.Equal((measureId, "Doppelt erfasst"), (deleted.EntityId, deleted.Reason));
        Assert.Equal(("Wohnberatung", null), (FieldOf(deleted, "Title").OldValue, FieldOf(deleted, "Title").NewValue));
        var principleDeleted = records.Single(r => r.EntityType == ChangeEntityTypes.Principle && r.Action == ChangeAction.Deleted);
        Assert.Equal(("Leitlinie 1", "Überholt"), (FieldOf(principleDeleted, "Title").OldValue, principleDeleted.Reason));
        var planEdit = records.Single(r => r.EntityType == ChangeEntityTypes.Plan);
        Assert.Equal(("Draft", "InConsultation"), (FieldOf(planEdit, "State").OldValue, FieldOf(planEdit, "State").NewValue));
        Assert.Equal("Beteiligung beginnt", planEdit.Reason);

        // A deleted measure keeps its history page.
        var history = await client.GetDocumentAsync($"{p}/measures/{measureId}/history");
        Assert.Equal(2, history.QuerySelectorAll("li.change").Length);
        Assert.Contains("Doppelt erfasst", history.QuerySelector("li.change")!.TextContent, StringComparison.Ordinal);
        var planHistory = await client.GetDocumentAsync($"{p}/history");
        var all = await m.WithDbAsync(db => db.ChangeRecords.CountAsync(r => r.PlanId == plan.Id));
        Assert.Equal(all, planHistory.QuerySelectorAll("li.change").Length);
        Assert.True(all > records.Count);
        Assert.NotNull(planHistory.QuerySelector($"a[href='{p}/measures/{measureId}/history']"));
    }

    [Fact]
    public async Task Deleting_a_plan_writes_one_record_with_reason_and_contents_that_the_municipality_history_keeps()
    {
        var m = await app.CreateMunicipalityAsync();
        var title = "Alter Plan " + HostileText.Script;
        var plan = await m.PlanAsync(title: title, principles: 2, fields: 2, measuresPerField: 3);
        await m.WithDbAsync(async db =>
        {
            db.PlanSections.Add(new PlanSection { PlanId = plan.Id, Title = "Vorwort", Position = 1 });
            db.PlanVersions.Add(new PlanVersion { PlanId = plan.Id, Name = "Erster Entwurf", Document = "{}", CreatedAt = DateTimeOffset.UtcNow });
            return await db.SaveChangesAsync();
        });
        var (user, client) = await EditorAsync(m);
        var before = await m.WithDbAsync(db => db.ChangeRecords.CountAsync(r => r.PlanId == plan.Id));
        var p = $"/{m.Slug}/manage/plans/{plan.Id}";

        var response = await client.SubmitFormAsync($"{p}/delete", new Dictionary<string, string?> { ["Reason"] = "Durch Neufassung ersetzt " + HostileText.Markup });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(0, await m.WithDbAsync(db => db.Plans.CountAsync(x => x.Id == plan.Id)));
        Assert.Equal((0, 0), await m.WithDbAsync(async db => (await db.PlanSections.CountAsync(x => x.PlanId == plan.Id), await db.PlanVersions.CountAsync(x => x.PlanId == plan.Id))));
        // One plan-level record, not one per deleted row; the earlier records stay.
        Assert.Equal(before + 1, await m.WithDbAsync(db => db.ChangeRecords.CountAsync(r => r.PlanId == plan.Id)));
        var record = Assert.Single(await RecordsAsync(m, plan.Id));
        Assert.Equal((ChangeEntityTypes.Plan, ChangeAction.Deleted, plan.Id, title), (record.EntityType, record.Action, record.EntityId, record.EntityLabel));
        Assert.Equal((user.Id, user.DisplayName, m.Id), (record.UserId, record.UserName, record.MunicipalityId));
        Assert.Equal("Durch Neufassung ersetzt " + HostileText.Markup, record.Reason);
        Assert.Equal((title, "2", "2", "6", "1", "1"), (FieldOf(record, "Title").OldValue, FieldOf(record, PlanDeletion.PrincipleCount).OldValue,
            FieldOf(record, PlanDeletion.FieldCount).OldValue, FieldOf(record, PlanDeletion.MeasureCount).OldValue,
            FieldOf(record, PlanDeletion.SectionCount).OldValue, FieldOf(record, PlanDeletion.VersionCount).OldValue));
        Assert.All(record.Fields, f => Assert.Null(f.NewValue));

        // The municipality's list of deleted plans shows it, escaped, and leads to the plan's whole history.
        var dashboard = await client.GetDocumentAsync($"/{m.Slug}/manage");
        Assert.NotNull(dashboard.QuerySelector($"main a[href='/{m.Slug}/manage/history']"));
        var list = await client.GetDocumentAsync($"/{m.Slug}/manage/history");
        var entry = Assert.Single(list.QuerySelectorAll("li.change"));
        Assert.Contains(user.DisplayName, entry.TextContent, StringComparison.Ordinal);
        Assert.Contains("gelöscht", entry.TextContent, StringComparison.Ordinal);
        Assert.Contains("Durch Neufassung ersetzt " + HostileText.Markup, entry.QuerySelector(".change-reason")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(entry.QuerySelectorAll("tr"), tr => tr.TextContent.Contains("Anzahl der Maßnahmen", StringComparison.Ordinal) && tr.TextContent.Contains('6', StringComparison.Ordinal));
        Assert.Empty(list.QuerySelectorAll("main script, main img"));
        var link = entry.QuerySelector($"a[href='{p}/history']");
        Assert.NotNull(link);
        Assert.Contains(title, link!.TextContent, StringComparison.Ordinal);
        var history = await client.GetDocumentAsync($"{p}/history");
        Assert.Contains("Dieser Fachplan wurde gelöscht.", history.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(title, history.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before + 1, history.QuerySelectorAll("li.change").Length);
        var measure = await client.GetDocumentAsync($"{p}/measures/{plan.Field(1).MeasureIds[0]}/history");
        Assert.StartsWith("Maßnahme „1.1 ", measure.QuerySelector("main > p")!.TextContent, StringComparison.Ordinal);

        // Another municipality sees nothing of it.
        var other = await app.CreateMunicipalityAsync();
        var (_, otherClient) = await EditorAsync(other);
        Assert.Empty((await otherClient.GetDocumentAsync($"/{other.Slug}/manage/history")).QuerySelectorAll("li.change"));
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/{other.Slug}/manage/plans/{plan.Id}/history")).StatusCode);
    }

    [Fact]
    public async Task A_too_long_reason_for_deleting_a_plan_is_refused_and_nothing_is_deleted()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 0, fields: 1, measuresPerField: 1);
        var (_, client) = await EditorAsync(m);

        var response = await client.SubmitFormAsync($"/{m.Slug}/manage/plans/{plan.Id}/delete", new Dictionary<string, string?> { ["Reason"] = HostileText.VeryLong });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        (await HtmlForms.ParseAsync(response)).AssertFieldError("Reason", "Der Grund der Änderung darf höchstens 1000 Zeichen lang sein.");
        Assert.Equal(1, await m.WithDbAsync(db => db.Plans.CountAsync(x => x.Id == plan.Id)));
        Assert.Empty(await RecordsAsync(m, plan.Id));
    }

    [Fact]
    public async Task Renumbering_records_one_change_per_part_from_its_old_to_its_final_number()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 0, fields: 2, measuresPerField: 2);
        var (f1, f2) = (plan.Field(1), plan.Field(2));
        // Field 2 first, and in field 1 its second measure first: every number changes.
        await m.WithDbAsync(async db =>
        {
            await db.FieldsOfAction.Where(f => f.Id == f2.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Position, 0));
            return await db.Measures.Where(x => x.Id == f1.MeasureIds[1]).ExecuteUpdateAsync(s => s.SetProperty(x => x.Position, 0));
        });
        var (_, client) = await EditorAsync(m);
        var p = $"/{m.Slug}/manage/plans/{plan.Id}";

        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(p, new Dictionary<string, string?>(), "#renumber")).StatusCode);

        var records = await RecordsAsync(m, plan.Id);
        (string?, string?) NumberChange(string type, int id)
        {
            var change = FieldOf(Assert.Single(records, r => r.EntityType == type && r.EntityId == id), "Number");
            return (change.OldValue, change.NewValue);
        }
        Assert.Equal(6, records.Count);
        Assert.Equal(("2", "1"), NumberChange(ChangeEntityTypes.FieldOfAction, f2.Id));
        Assert.Equal(("1", "2"), NumberChange(ChangeEntityTypes.FieldOfAction, f1.Id));
        Assert.Equal(("2.1", "1.1"), NumberChange(ChangeEntityTypes.Measure, f2.MeasureIds[0]));
        Assert.Equal(("2.2", "1.2"), NumberChange(ChangeEntityTypes.Measure, f2.MeasureIds[1]));
        Assert.Equal(("1.2", "2.1"), NumberChange(ChangeEntityTypes.Measure, f1.MeasureIds[1]));
        Assert.Equal(("1.1", "2.2"), NumberChange(ChangeEntityTypes.Measure, f1.MeasureIds[0]));

        // A field's new number carried over to its measures: again one record each, with the form's reason.
        var form = new Dictionary<string, string?> { ["Input.Number"] = "7", ["Input.Title"] = "Wohnen", ["Input.Reason"] = "Neue Gliederung" };
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync($"{p}/fields/{f2.Id}", form)).StatusCode);
        records = (await RecordsAsync(m, plan.Id)).Skip(6).ToList();
        Assert.Equal(3, records.Count);
        Assert.All(records, r => Assert.Equal("Neue Gliederung", r.Reason));
        Assert.Equal(("1", "7"), NumberChange(ChangeEntityTypes.FieldOfAction, f2.Id));
        var fieldRecord = records.Single(r => r.EntityType == ChangeEntityTypes.FieldOfAction);
        Assert.Equal(("Teilbereich 2", "Wohnen"), (FieldOf(fieldRecord, "Title").OldValue, FieldOf(fieldRecord, "Title").NewValue));
        Assert.Equal(("1.1", "7.1"), NumberChange(ChangeEntityTypes.Measure, f2.MeasureIds[0]));
        Assert.Equal(("1.2", "7.2"), NumberChange(ChangeEntityTypes.Measure, f2.MeasureIds[1]));

        // No placeholder number ever shows in the history, and every part got one new version per save.
        var all = await m.WithDbAsync(db => db.ChangeRecordFields.Where(f => f.Field == "Number").Select(f => new { f.OldValue, f.NewValue }).ToListAsync());
        Assert.DoesNotContain(all, f => (f.OldValue ?? "").StartsWith('~') || (f.NewValue ?? "").StartsWith('~') || (f.OldValue ?? "").StartsWith('-') || (f.NewValue ?? "").StartsWith('-'));
        Assert.Equal(2, (await m.MeasureAsync(f2.MeasureIds[0])).Version);
        Assert.Equal(["7.1", "7.2"], await m.WithDbAsync(db => db.Measures.Where(x => x.FieldOfActionId == f2.Id).OrderBy(x => x.Position).Select(x => x.Number).ToListAsync()));
    }

    [Fact]
    public async Task A_refused_stale_save_writes_no_record()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 1, fields: 1, measuresPerField: 1);
        var (_, client) = await EditorAsync(m);
        var measureId = plan.Field(1).MeasureIds[0];
        var url = $"/{m.Slug}/manage/plans/{plan.Id}/measures/{measureId}";
        var stale = await client.GetDocumentAsync(url);
        await m.WithDbAsync(async db =>
        {
            (await db.Measures.SingleAsync(x => x.Id == measureId)).Title = "Von jemand anderem";
            return await db.SaveChangesAsync();
        });
        var before = (await RecordsAsync(m, plan.Id)).Count;

        var form = MeasureForm(plan.Field(1).Id, "1.1", "Meine Fassung");
        form["Input.Reason"] = "Sollte nicht erscheinen";
        var response = await client.SubmitFormAsync(stale, url, form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var records = await RecordsAsync(m, plan.Id);
        Assert.Equal(before, records.Count);
        Assert.DoesNotContain(records, r => r.Reason == "Sollte nicht erscheinen");
    }

    [Fact]
    public async Task A_save_that_the_database_refuses_writes_no_record()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 0, fields: 1, measuresPerField: 2);
        var before = await m.WithDbAsync(db => db.ChangeRecords.CountAsync(r => r.PlanId == plan.Id));
        Assert.True(before > 0, "creating the test plan is recorded");
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => m.WithDbAsync(async db =>
        {
            // The number 1.2 is taken: the unique index refuses the save.
            (await db.Measures.SingleAsync(x => x.Id == plan.Field(1).MeasureIds[0])).Number = "1.2";
            return await db.SaveChangesAsync();
        }));
        Assert.Equal(before, await m.WithDbAsync(db => db.ChangeRecords.CountAsync(r => r.PlanId == plan.Id)));
    }

    [Fact]
    public async Task The_plan_history_filters_by_person_and_by_Berlin_dates_and_pages()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 0, fields: 0);
        var (anna, client) = await EditorAsync(m);
        var bernd = await m.AddMemberAsync(MunicipalityRole.PlanEditor);
        ChangeRecord Record(string user, string name, DateTimeOffset at, string label) => new()
        {
            PlanId = plan.Id, EntityType = ChangeEntityTypes.Measure, EntityId = 999, EntityLabel = label, Action = ChangeAction.Updated,
            At = at, UserId = user, UserName = name,
        };
        await m.WithDbAsync(async db =>
        {
            // 22:30 UTC on 1 June is 00:30 on 2 June in Berlin (summer time).
            db.ChangeRecords.Add(Record(anna.Id, anna.DisplayName, new DateTimeOffset(2026, 6, 1, 22, 30, 0, TimeSpan.Zero), "Anna am 2. Juni"));
            db.ChangeRecords.Add(Record(bernd.Id, bernd.DisplayName, new DateTimeOffset(2026, 6, 1, 21, 30, 0, TimeSpan.Zero), "Bernd am 1. Juni"));
            db.ChangeRecords.Add(Record(anna.Id, anna.DisplayName, new DateTimeOffset(2026, 6, 3, 10, 0, 0, TimeSpan.Zero), "Anna am 3. Juni"));
            for (var i = 0; i < 60; i++)
                db.ChangeRecords.Add(Record(bernd.Id, bernd.DisplayName, new DateTimeOffset(2026, 7, 1, 8, i, 0, TimeSpan.Zero), $"Bernd Juli {i}"));
            return await db.SaveChangesAsync();
        });
        var url = $"/{m.Slug}/manage/plans/{plan.Id}/history";
        static string[] Labels(IDocument d) => d.QuerySelectorAll("li.change").Select(li => li.TextContent).ToArray();

        var byAnna = await client.GetDocumentAsync($"{url}?person={anna.Id}");
        Assert.Equal(2, Labels(byAnna).Length);
        Assert.Contains("Anna am 3. Juni", Labels(byAnna)[0], StringComparison.Ordinal);
        Assert.Equal(2, byAnna.QuerySelectorAll("#person option").Length - 1);

        var secondJune = Labels(await client.GetDocumentAsync($"{url}?from=2026-06-02&to=2026-06-02"));
        Assert.Contains("Anna am 2. Juni", Assert.Single(secondJune), StringComparison.Ordinal);
        var firstJune = Labels(await client.GetDocumentAsync($"{url}?from=2026-06-01&to=2026-06-01"));
        Assert.Contains("Bernd am 1. Juni", Assert.Single(firstJune), StringComparison.Ordinal);
        var bothFilters = Labels(await client.GetDocumentAsync($"{url}?person={bernd.Id}&from=2026-06-01&to=2026-06-30"));
        Assert.Single(bothFilters);

        var first = await client.GetDocumentAsync(url);
        Assert.Equal(ChangeHistory.PageSize, Labels(first).Length);
        // The newest entry is the creation of the test plan itself.
        Assert.Contains("Bernd Juli 59", Labels(first)[1], StringComparison.Ordinal);
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        var second = Labels(await client.GetDocumentAsync(next));
        Assert.Equal(64 - ChangeHistory.PageSize, second.Length);
        Assert.Contains("Anna am 2. Juni", second[^2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_record_of_another_municipality_is_visible()
    {
        var a = await app.CreateMunicipalityAsync();
        var b = await app.CreateMunicipalityAsync();
        var planA = await a.PlanAsync(principles: 0, fields: 1, measuresPerField: 1);
        var planB = await b.PlanAsync(principles: 0, fields: 1, measuresPerField: 1, title: "Geheim B");
        var (_, clientB) = await EditorAsync(b);
        Assert.Equal(HttpStatusCode.Redirect, (await clientB.SubmitFormAsync($"/{b.Slug}/manage/plans/{planB.Id}/measures/{planB.Field(1).MeasureIds[0]}",
            MeasureForm(planB.Field(1).Id, "1.1", "Nur in B"))).StatusCode);
        var (_, clientA) = await EditorAsync(a);

        Assert.Equal(HttpStatusCode.NotFound, (await clientA.GetAsync($"/{a.Slug}/manage/plans/{planB.Id}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clientA.GetAsync($"/{a.Slug}/manage/plans/{planB.Id}/measures/{planB.Field(1).MeasureIds[0]}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clientA.GetAsync($"/{a.Slug}/manage/plans/{planA.Id}/measures/{planB.Field(1).MeasureIds[0]}/history")).StatusCode);
        Assert.Equal(0, await a.WithDbAsync(db => db.ChangeRecords.CountAsync(r => r.PlanId == planB.Id)));
        Assert.Equal(0, await a.WithDbAsync(db => db.ChangeRecordFields.CountAsync(f => f.NewValue == "Nur in B")));
        Assert.Equal(1, await b.WithDbAsync(db => db.ChangeRecordFields.CountAsync(f => f.NewValue == "Nur in B")));
        var page = await clientA.GetDocumentAsync($"/{a.Slug}/manage/plans/{planA.Id}/history");
        Assert.DoesNotContain("Nur in B", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Visitor.Anonymous)]
    [InlineData(Visitor.Resident)]
    [InlineData(Visitor.OtherPlanEditor)]
    [InlineData(Visitor.PlanEditor)]
    [InlineData(Visitor.Administrator)]
    public async Task Only_the_municipalitys_editors_and_administrators_open_the_history_pages(Visitor visitor)
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 0, fields: 1, measuresPerField: 1);
        var client = await PermissionMatrix.ClientAsync(app, m, visitor);
        await PermissionMatrix.AssertAsync(client, visitor,
        [
            PermissionCheck.Get($"/{m.Slug}/manage/plans/{plan.Id}/history", Access.PlanEditor),
            PermissionCheck.Get($"/{m.Slug}/manage/plans/{plan.Id}/measures/{plan.Field(1).MeasureIds[0]}/history", Access.PlanEditor),
            PermissionCheck.Get($"/{m.Slug}/manage/history", Access.PlanEditor),
        ]);
        if (visitor is Visitor.Resident or Visitor.OtherPlanEditor) Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/account/access-denied")).StatusCode);
    }

    [Fact]
    public async Task A_named_version_cannot_be_changed_or_deleted_on_its_own()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 0, fields: 0);
        var versionId = await m.WithDbAsync(async db =>
        {
            var v = new PlanVersion { PlanId = plan.Id, Name = "Erster Entwurf", Document = "{}", CreatedAt = DateTimeOffset.UtcNow };
            db.PlanVersions.Add(v);
            await db.SaveChangesAsync();
            return v.Id;
        });
        await Assert.ThrowsAsync<InvalidOperationException>(() => m.WithDbAsync(async db =>
        {
            (await db.PlanVersions.SingleAsync(v => v.Id == versionId)).Name = "Umbenannt";
            return await db.SaveChangesAsync();
        }));
        await Assert.ThrowsAsync<InvalidOperationException>(() => m.WithDbAsync(async db =>
        {
            db.PlanVersions.Remove(await db.PlanVersions.SingleAsync(v => v.Id == versionId));
            return await db.SaveChangesAsync();
        }));
        Assert.Equal("Erster Entwurf", await m.WithDbAsync(db => db.PlanVersions.Where(v => v.Id == versionId).Select(v => v.Name).SingleAsync()));

        // Together with its plan it goes.
        await m.WithDbAsync(async db =>
        {
            var p = await db.Plans.SingleAsync(x => x.Id == plan.Id);
            await db.PlanVersions.Where(v => v.PlanId == plan.Id).LoadAsync();
            db.Plans.Remove(p);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(0, await m.WithDbAsync(db => db.PlanVersions.CountAsync(v => v.Id == versionId)));
    }
}

public sealed class HistorySqliteTests(SqliteApp app) : HistoryTests(app), IClassFixture<SqliteApp>;

public sealed class HistoryPostgresTests(PostgresApp app) : HistoryTests(app), IClassFixture<PostgresApp>;
