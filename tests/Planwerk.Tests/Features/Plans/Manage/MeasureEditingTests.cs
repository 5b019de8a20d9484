using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Plans;
using Planwerk.Tests.Infrastructure;
using static Planwerk.Tests.Features.Plans.Manage.ManageTestData;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Tests.Features.Participation;

namespace Planwerk.Tests.Features.Plans.Manage;

public abstract class MeasureEditingTests(PlanwerkApp app)
{
    [Fact]
    public async Task Editor_creates_a_measure_and_every_value_is_stored_exactly_and_shown_escaped()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(principles: 2, fields: 2, measuresPerField: 1);
        var altstadt = await m.DistrictAsync("Altstadt");
        var cossebaude = await m.DistrictAsync("Cossebaude", DistrictKind.Locality);
        await m.DistrictAsync("Prohlis");
        var office = await m.AddStakeholderAsync("Sozialamt " + HostileText.RightToLeft, kind: StakeholderKind.PublicAuthority);
        var partner = await m.AddStakeholderAsync("Freie Träger & " + HostileText.Script);
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"/{m.Slug}/manage/plans/{plan.Id}/measures/new?fieldId={plan.Field(2).Id}";

        var form = await client.GetDocumentAsync(url);
        Assert.Equal("2.2", form.QuerySelector<IHtmlInputElement>("#Input_Number")!.Value);
        var response = await client.SubmitFormAsync(form, url, new Dictionary<string, string?>
        {
            ["Input.Title"] = HostileText.Script,
            ["Input.Goal"] = HostileText.RightToLeft,
            ["Input.Description"] = HostileText.VeryLong + HostileText.Script,
            ["Input.TargetGroups"] = HostileText.Markup,
            ["Input.LeadId"] = Id(office),
            ["Input.PartnerIds"] = Id(partner),
            ["Input.DistrictIds"] = HtmlForms.Many(Id(altstadt), Id(cossebaude)),
            ["Input.StartDate"] = "2019-07-01",
            ["Input.EndDate"] = "2022-12-31",
            ["Input.EstimatedCost"] = "1.250.000,50",
            ["Input.Funding"] = "Landesförderung " + HostileText.Markup,
            ["Input.Priority"] = nameof(MeasurePriority.High),
            ["Input.PrincipleIds"] = Id(plan.PrincipleIds[1]),
            ["Input.Status"] = nameof(MeasureStatus.InProgress),
            ["Input.Progress"] = "60",
            ["Input.IsExample"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await m.WithDbAsync(db => db.Measures.Where(x => x.Number == "2.2").Select(x => x.Id).SingleAsync());
        var stored = await m.MeasureAsync(id);
        Assert.Equal(plan.Field(2).Id, stored.FieldOfActionId);
        Assert.Equal(HostileText.Script, stored.Title);
        Assert.Equal(HostileText.RightToLeft, stored.Goal);
        Assert.Equal(HostileText.VeryLong + HostileText.Script, stored.Description);
        Assert.Equal(HostileText.Markup, stored.TargetGroups);
        Assert.Equal("Sozialamt " + HostileText.RightToLeft, stored.Carriers().Lead);
        Assert.Equal(["Freie Träger & " + HostileText.Script], stored.Carriers().Partners);
        Assert.Equal([altstadt, cossebaude], stored.Districts.Select(d => d.Id).Order());
        Assert.Equal((new DateOnly(2019, 7, 1), new DateOnly(2022, 12, 31)), (stored.StartDate!.Value, stored.EndDate!.Value));
        Assert.Equal(1_250_000.50m, stored.EstimatedCost);
        Assert.Equal("Landesförderung " + HostileText.Markup, stored.Funding);
        Assert.Equal((MeasurePriority.High, MeasureStatus.InProgress, 60, true), (stored.Priority, stored.Status, stored.Progress, stored.IsExample));
        Assert.Equal([plan.PrincipleIds[1]], stored.Principles.Select(p => p.Id));
        Assert.Equal(2, stored.Position);

        // The plan page and the edit form show the text as text: no element comes out of it.
        var planPage = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Maßnahme 2.2 wurde angelegt.", planPage.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(HostileText.Script, planPage.GetElementById($"measure-{id}")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(planPage.QuerySelectorAll("main script, main img"));
        var edit = await client.GetDocumentAsync($"/{m.Slug}/manage/plans/{plan.Id}/measures/{id}");
        Assert.Empty(edit.QuerySelectorAll("main script, main img"));
        Assert.Equal(HostileText.Script, edit.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value);
        Assert.Equal(HostileText.Markup, edit.QuerySelector<IHtmlInputElement>("#Input_TargetGroups")!.Value);
        Assert.Equal(HostileText.VeryLong + HostileText.Script, edit.QuerySelector<IHtmlTextAreaElement>("#Input_Description")!.Value);
        Assert.Equal("1.250.000,50", edit.QuerySelector<IHtmlInputElement>("#Input_EstimatedCost")!.Value);
        Assert.Equal("2019-07-01", edit.QuerySelector<IHtmlInputElement>("#Input_StartDate")!.Value);
        Assert.True(edit.QuerySelector<IHtmlInputElement>($"#district-{cossebaude}")!.IsChecked);
        Assert.False(edit.QuerySelector<IHtmlInputElement>($"#principle-{plan.PrincipleIds[0]}")!.IsChecked);
    }

    [Fact]
    public async Task Saving_an_unchanged_measure_form_keeps_every_value()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync();
        var district = await m.DistrictAsync("Pieschen");
        var id = plan.Field(1).MeasureIds[0];
        await m.WithDbAsync(async db =>
        {
            var measure = await db.Measures.Include(x => x.Districts).Include(x => x.Principles).SingleAsync(x => x.Id == id);
            measure.EstimatedCost = 2_400_000m;
            measure.Description = "Zeile 1\n\nZeile 2 " + HostileText.RightToLeft;
            measure.Districts.Add(await db.Districts.SingleAsync(d => d.Id == district));
            measure.Principles.Add(await db.Principles.SingleAsync(p => p.Id == plan.PrincipleIds[0]));
            return 0;
        });
        var before = await m.MeasureAsync(id);
        var client = await m.SignedInClientAsync(MunicipalityRole.Administrator);

        var response = await client.SubmitFormAsync($"/{m.Slug}/manage/plans/{plan.Id}/measures/{id}", new Dictionary<string, string?>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await m.MeasureAsync(id);
        Assert.Equal(before.EstimatedCost, after.EstimatedCost);
        Assert.Equal(before.Description.ReplaceLineEndings("\n"), after.Description.ReplaceLineEndings("\n"));
        Assert.Equal([district], after.Districts.Select(d => d.Id));
        Assert.Equal([plan.PrincipleIds[0]], after.Principles.Select(p => p.Id));
        Assert.Equal((before.Number, before.Title, before.Position), (after.Number, after.Title, after.Position));
    }

    [Theory]
    [InlineData("1.250.000,50", "1250000.50")]
    [InlineData("1250000", "1250000")]
    [InlineData("1250000,5", "1250000.5")]
    [InlineData("12.500", "12500")]
    [InlineData("3 000 €", "3000")]
    [InlineData("", null)]
    public async Task Estimated_cost_is_read_the_German_way(string typed, string? expected)
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(fields: 1, measuresPerField: 1);
        var id = plan.Field(1).MeasureIds[0];
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);

        var response = await client.SubmitFormAsync($"/{m.Slug}/manage/plans/{plan.Id}/measures/{id}",
            new Dictionary<string, string?> { ["Input.EstimatedCost"] = typed });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var stored = await m.MeasureAsync(id);
        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), stored.EstimatedCost);
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "Input.Title=", "Input_Title", "Titel" },
        { "Input.Title={long}", "Input_Title", "Der Titel darf höchstens 500 Zeichen lang sein." },
        { "Input.Number=", "Input_Number", "Nummer" },
        { "Input.Number=4", "Input_Number", "Die Nummer muss die Form „4.3“ haben: Handlungsfeld-Nummer, Punkt, laufende Nummer." },
        { "Input.Number=<script>", "Input_Number", "Die Nummer muss die Form „4.3“ haben" },
        { "Input.Number=2.7", "Input_Number", "Die Nummer muss mit der Handlungsfeld-Nummer beginnen: 1." },
        { "Input.Number=1.2", "Input_Number", "Die Nummer 1.2 ist in diesem Plan schon vergeben: Maßnahme „Maßnahme 1.2“." },
        { "Input.FieldOfActionId={foreignField}", "Input_FieldOfActionId", "Handlungsfeld: Bitte wählen Sie einen Eintrag aus der Liste." },
        { "Input.FieldOfActionId=", "Input_FieldOfActionId", "Handlungsfeld: Bitte wählen Sie einen Eintrag aus der Liste." },
        { "Input.TargetGroups={long}", "Input_TargetGroups", "Zielgruppen" },
        { "Input.LeadId={foreignOrganisation}", "Input_LeadId", "Bitte wählen Sie die Federführung aus dem Verzeichnis der Organisationen." },
        { "Input.PartnerIds={foreignOrganisation}", "Input_PartnerIds", "Bitte wählen Sie nur Partner aus dem Verzeichnis der Organisationen." },
        { "Input.LeadId={organisation}&Input.PartnerIds={organisation}", "Input_PartnerIds", "Die federführende Organisation kann nicht zugleich Partner sein." },
        { "Input.Funding={long}", "Input_Funding", "Finanzierung" },
        { "Input.StartDate=2024-05-02&Input.EndDate=2024-05-01", "Input_EndDate", "Das Ende der Maßnahme darf nicht vor ihrem Beginn liegen." },
        { "Input.EndDate=kein Datum", "Input_EndDate", "Ende" },
        { "Input.EstimatedCost=1250.50", "Input_EstimatedCost", "Die geschätzten Kosten sind kein gültiger Betrag." },
        { "Input.EstimatedCost=-5", "Input_EstimatedCost", "Die geschätzten Kosten dürfen nicht negativ sein." },
        { "Input.EstimatedCost=1,505", "Input_EstimatedCost", "höchstens zwei Nachkommastellen" },
        { "Input.EstimatedCost=zehn Euro", "Input_EstimatedCost", "geschätzten Kosten" },
        { "Input.Progress=101", "Input_Progress", "Der Fortschritt muss zwischen 0 und 100 Prozent liegen." },
        { "Input.Progress=-1", "Input_Progress", "Der Fortschritt muss zwischen 0 und 100 Prozent liegen." },
        { "Input.Progress=viel", "Input_Progress", "Fortschritt" },
        { "Input.Progress=", "Input_Progress", "Fortschritt" },
        { "Input.Status=Completed&Input.Progress=50", "Input_Progress", "Der Status ist „Abgeschlossen“, der Fortschritt aber unter 100 Prozent." },
        { "Input.Status=Finished", "Input_Status", "Bitte wählen Sie den Status aus der Liste." },
        { "Input.Priority=42", "Input_Priority", "Bitte wählen Sie die Priorität aus der Liste." },
        { "Input.DistrictIds={foreignDistrict}", "Input_DistrictIds", "Bitte wählen Sie nur Stadtbezirke und Ortschaften aus der Liste." },
        { "Input.PrincipleIds={foreignPrinciple}", "Input_PrincipleIds", "Leitlinien: Bitte wählen Sie nur Einträge dieses Plans aus der Liste." },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_measure_input_is_refused_with_a_message_at_the_field_and_changes_nothing(string fields, string fieldId, string expected)
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync();
        var otherPlan = await m.PlanAsync(title: "Anderer Plan");
        var other = await app.CreateMunicipalityAsync();
        var foreignDistrict = await other.DistrictAsync("Fremder Bezirk");
        await m.DistrictAsync("Eigener Bezirk");
        var foreignOrganisation = await other.AddStakeholderAsync("Fremde Organisation");
        var organisation = await m.AddStakeholderAsync("Eigene Organisation");
        var id = plan.Field(1).MeasureIds[0];
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"/{m.Slug}/manage/plans/{plan.Id}/measures/{id}";
        var values = fields.Split('&').Select(pair => pair.Split('=', 2)).ToDictionary(p => p[0], p => (string?)p[1]
            .Replace("{long}", HostileText.VeryLong, StringComparison.Ordinal)
            .Replace("{foreignField}", Id(otherPlan.Field(1).Id), StringComparison.Ordinal)
            .Replace("{foreignDistrict}", Id(foreignDistrict), StringComparison.Ordinal)
            .Replace("{foreignPrinciple}", Id(otherPlan.PrincipleIds[0]), StringComparison.Ordinal)
            .Replace("{foreignOrganisation}", Id(foreignOrganisation), StringComparison.Ordinal)
            .Replace("{organisation}", Id(organisation), StringComparison.Ordinal));
        var before = await m.SnapshotAsync();

        var response = await client.SubmitFormAsync(url, values);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        page.AssertFieldError(fieldId, expected);
        Assert.Equal(before, await m.SnapshotAsync());
        // What was typed is still in the form.
        foreach (var (name, value) in values.Where(v => v.Key is "Input.Title" or "Input.Number" or "Input.EstimatedCost" or "Input.Progress"))
            Assert.Equal(value, page.QuerySelector<IHtmlInputElement>($"[name='{name}']")!.Value);
    }

    [Fact]
    public async Task Measure_moved_to_another_field_with_its_number_untouched_gets_the_next_free_number_there()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(fields: 2, measuresPerField: 2);
        var id = plan.Field(1).MeasureIds[0];
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);

        var response = await client.SubmitFormAsync($"/{m.Slug}/manage/plans/{plan.Id}/measures/{id}",
            new Dictionary<string, string?> { ["Input.FieldOfActionId"] = Id(plan.Field(2).Id) });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var moved = await m.MeasureAsync(id);
        Assert.Equal((plan.Field(2).Id, "2.3", 3), (moved.FieldOfActionId, moved.Number, moved.Position));
        var page = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("Maßnahme 2.3 wurde gespeichert; neu in Handlungsfeld 2.", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["2.1", "2.2", "2.3"], page.QuerySelectorAll($"#field-{plan.Field(2).Id} li .structure-title").Select(e => e.TextContent.Split(' ')[0]));
    }

    [Fact]
    public async Task Measure_moved_to_another_field_takes_the_number_the_editor_gives()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(fields: 2, measuresPerField: 2);
        var id = plan.Field(1).MeasureIds[1];
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);

        var response = await client.SubmitFormAsync($"/{m.Slug}/manage/plans/{plan.Id}/measures/{id}", new Dictionary<string, string?>
        {
            ["Input.FieldOfActionId"] = Id(plan.Field(2).Id),
            ["Input.Number"] = "2.7",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var moved = await m.MeasureAsync(id);
        Assert.Equal((plan.Field(2).Id, "2.7"), (moved.FieldOfActionId, moved.Number));
    }

    [Fact]
    public async Task A_stale_measure_form_does_not_overwrite_and_shows_both_versions()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(fields: 1, measuresPerField: 1);
        var id = plan.Field(1).MeasureIds[0];
        var url = $"/{m.Slug}/manage/plans/{plan.Id}/measures/{id}";
        var first = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var second = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var firstForm = await first.GetDocumentAsync(url);
        var secondForm = await second.GetDocumentAsync(url);

        var saved = await first.SubmitFormAsync(firstForm, url, new Dictionary<string, string?>
        {
            ["Input.Title"] = "Fassung der ersten Redakteurin",
            ["Input.Progress"] = "40",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var refused = await second.SubmitFormAsync(secondForm, url, new Dictionary<string, string?>
        {
            ["Input.Title"] = "Fassung des zweiten Redakteurs",
            ["Input.Goal"] = HostileText.Script,
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await HtmlForms.ParseAsync(refused);
        Assert.Contains(page.Errors(), e => e.Contains("inzwischen von jemand anderem geändert", StringComparison.Ordinal));
        Assert.Equal("Fassung des zweiten Redakteurs", page.QuerySelector<IHtmlInputElement>("#Input_Title")!.Value);
        Assert.Equal(HostileText.Script, page.QuerySelector<IHtmlTextAreaElement>("#Input_Goal")!.Value);
        var rows = page.QuerySelectorAll(".conflict-table tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent, r => (Yours: r.QuerySelector(".conflict-yours")!.TextContent, Stored: r.QuerySelector(".conflict-stored")!.TextContent));
        Assert.Equal(("Fassung des zweiten Redakteurs", "Fassung der ersten Redakteurin"), rows["Titel"]);
        Assert.Equal(("0", "40"), rows["Fortschritt in Prozent"]);
        Assert.Equal((HostileText.Script, ""), rows["Ziel"]);
        Assert.Empty(page.QuerySelectorAll("main script"));
        var stored = await m.MeasureAsync(id);
        Assert.Equal(("Fassung der ersten Redakteurin", 40, ""), (stored.Title, stored.Progress, stored.Goal));

        // Having seen both, the second editor may deliberately save theirs.
        var overwritten = await second.SubmitFormAsync(page, url, new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.Redirect, overwritten.StatusCode);
        Assert.Equal("Fassung des zweiten Redakteurs", (await m.MeasureAsync(id)).Title);
    }

    [Fact]
    public async Task New_measure_without_any_field_of_action_points_to_creating_one_first()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(fields: 0);
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);

        var page = await client.GetDocumentAsync($"/{m.Slug}/manage/plans/{plan.Id}/measures/new");

        Assert.Null(page.QuerySelector("#measure-form"));
        Assert.NotNull(page.QuerySelector($"a[href='/{m.Slug}/manage/plans/{plan.Id}/fields/new']"));
    }
}

public sealed class MeasureEditingSqliteTests(SqliteApp app) : MeasureEditingTests(app), IClassFixture<SqliteApp>;

public sealed class MeasureEditingPostgresTests(PostgresApp app) : MeasureEditingTests(app), IClassFixture<PostgresApp>;
