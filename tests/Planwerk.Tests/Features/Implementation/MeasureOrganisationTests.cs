using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Features.Plans.Manage;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Implementation;

/// <summary>Who carries out a measure: the plan team chooses its lead and partners from the registry of organisations;
/// the public measure page, the print view, the API and the history name them (escaped); bad choices are refused at
/// their field; a stale form shows the conflict; an import names organisations and refuses or creates unknown ones.</summary>
public abstract class MeasureOrganisationTests(PlanwerkApp app)
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task Editor_chooses_lead_and_partners_that_the_public_page_print_view_api_and_history_name()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(fields: 1, measuresPerField: 1);
        await m.WithDbAsync(async db => (await db.Plans.SingleAsync(p => p.Id == plan.Id)).IsPublic = true);
        var lead = await m.AddStakeholderAsync("Amt für " + HostileText.Script, kind: StakeholderKind.PublicAuthority);
        var first = await m.AddStakeholderAsync(HostileText.RightToLeft);
        var second = await m.AddStakeholderAsync("Ärztekammer");
        var measureId = plan.Field(1).MeasureIds[0];
        var url = $"/{m.Slug}/manage/plans/{Id(plan.Id)}/measures/{Id(measureId)}";
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);

        var form = await editor.GetDocumentAsync(url);
        Assert.Equal($"/{m.Slug}/manage/stakeholders", form.QuerySelector("#registry-link")!.GetAttribute("href"));
        var response = await editor.SubmitFormAsync(form, url, new Dictionary<string, string?>
        {
            ["Input.LeadId"] = Id(lead), ["Input.PartnerIds"] = HtmlForms.Many(Id(second), Id(first)), ["Input.Reason"] = "Träger benannt",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var stored = await m.MeasureAsync(measureId);
        Assert.Equal("Amt für " + HostileText.Script, stored.Carriers().Lead);
        Assert.Equal(["Ärztekammer", HostileText.RightToLeft], stored.Carriers().Partners); // the registry's order, by name

        var anonymous = app.CreateClient();
        var publicUrl = $"/{m.Slug}/plans/{Id(plan.Id)}/measures/{Id(measureId)}";
        var html = await anonymous.GetStringAsync(publicUrl);
        Assert.DoesNotContain(HostileText.Script, html, StringComparison.Ordinal);
        var page = await anonymous.GetDocumentAsync(publicUrl);
        Assert.Equal("Amt für " + HostileText.Script, page.QuerySelector("#measure-lead")!.TextContent);
        Assert.Equal(["Ärztekammer", HostileText.RightToLeft], page.QuerySelectorAll("#measure-partners li").Select(li => li.TextContent));
        Assert.All(page.QuerySelectorAll("#measure-partners li"), li => Assert.Equal("auto", li.GetAttribute("dir")));

        var print = await anonymous.GetStringAsync($"/{m.Slug}/plans/{Id(plan.Id)}/document");
        Assert.Contains("Amt für &lt;script&gt;", print, StringComparison.Ordinal);
        Assert.Contains("Ärztekammer; " + HostileText.RightToLeft, System.Net.WebUtility.HtmlDecode(print), StringComparison.Ordinal);

        using var api = System.Text.Json.JsonDocument.Parse(await anonymous.GetStringAsync($"/api/v1/municipalities/{m.Slug}/plans/{Id(plan.Id)}/measures/{Id(measureId)}"));
        Assert.Equal(lead, api.RootElement.GetProperty("lead").GetProperty("id").GetInt32());
        Assert.Equal(["Ärztekammer", HostileText.RightToLeft], api.RootElement.GetProperty("partners").EnumerateArray().Select(p => p.GetProperty("name").GetString()));

        var history = await editor.GetDocumentAsync(url + "/history");
        var text = history.QuerySelector("main")!.TextContent;
        Assert.Contains("Federführung", text, StringComparison.Ordinal);
        Assert.Contains("Amt für " + HostileText.Script, text, StringComparison.Ordinal);
        Assert.Contains("Ärztekammer; " + HostileText.RightToLeft, text, StringComparison.Ordinal);

        // Lead and partner swap in one save; the search finds the measure by a partner's name.
        response = await editor.SubmitFormAsync(url, new Dictionary<string, string?> { ["Input.LeadId"] = Id(second), ["Input.PartnerIds"] = Id(lead) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        stored = await m.MeasureAsync(measureId);
        Assert.Equal(("Ärztekammer", new[] { "Amt für " + HostileText.Script }), (stored.Carriers().Lead, stored.Carriers().Partners.ToArray()), new CarriersComparer());
        var search = await anonymous.GetDocumentAsync($"/{m.Slug}/plans/{Id(plan.Id)}/search?q=aerztekammer");
        Assert.NotNull(search.QuerySelector($"a[href$='/measures/{Id(measureId)}']"));
    }

    private sealed class CarriersComparer : IEqualityComparer<(string?, string[])>
    {
        public bool Equals((string?, string[]) x, (string?, string[]) y) => x.Item1 == y.Item1 && x.Item2.SequenceEqual(y.Item2);
        public int GetHashCode((string?, string[]) obj) => 0;
    }

    [Fact]
    public async Task A_stale_form_shows_the_stored_partners_beside_the_editors_choice()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(fields: 1, measuresPerField: 1);
        var a = await m.AddStakeholderAsync("Träger Alpha");
        var b = await m.AddStakeholderAsync("Träger Beta");
        var measureId = plan.Field(1).MeasureIds[0];
        var url = $"/{m.Slug}/manage/plans/{Id(plan.Id)}/measures/{Id(measureId)}";
        var first = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var second = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var stale = await second.GetDocumentAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, (await first.SubmitFormAsync(url, new Dictionary<string, string?> { ["Input.PartnerIds"] = Id(a) })).StatusCode);
        var response = await second.SubmitFormAsync(stale, url, new Dictionary<string, string?> { ["Input.PartnerIds"] = Id(b) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var conflict = (await HtmlForms.ParseAsync(response)).QuerySelector("main")!.TextContent;
        Assert.Contains("inzwischen von jemand anderem geändert", conflict, StringComparison.Ordinal);
        Assert.Contains("Träger Alpha", conflict, StringComparison.Ordinal);
        Assert.Equal(["Träger Alpha"], (await m.MeasureAsync(measureId)).Carriers().Partners);
    }

    [Fact]
    public async Task Import_refuses_unknown_organisations_at_row_and_column_and_creates_them_when_asked()
    {
        var m = await app.CreateMunicipalityAsync();
        var plan = await m.PlanAsync(fields: 1, measuresPerField: 1);
        await m.AddStakeholderAsync("Sozialamt", kind: StakeholderKind.PublicAuthority);
        var csv = Encoding.UTF8.GetBytes(string.Join("\n",
            "Teilbereich-Nummer;Nummer;Titel;Verantwortliche Stelle;Partnerorganisationen",
            "1;1.5;Neue Maßnahme;sozialamt;\"Neuer Träger; " + HostileText.Script + "\"",
            "1;1.6;Zweite Maßnahme;Unbekanntes Amt;"));
        var before = await m.SnapshotAsync();

        var refused = await m.WithDbAsync(db => MeasureImport.ImportAsync(db, plan.Id, csv, DateTimeOffset.UtcNow));

        Assert.Equal(
            [(2, "Partnerorganisationen", "Neuer Träger"), (2, "Partnerorganisationen", HostileText.Script), (3, "Verantwortliche Stelle", "Unbekanntes Amt")],
            refused.Problems.Select(p => (p.Row ?? 0, p.Column ?? "", p.Arguments[0])));
        Assert.All(refused.Problems, p => Assert.Equal(ImportTexts.UnknownOrganisation, p.Message));
        Assert.Equal(before, await m.SnapshotAsync());

        var created = await m.WithDbAsync(db => MeasureImport.ImportAsync(db, plan.Id, csv, DateTimeOffset.UtcNow, createOrganisations: true));

        Assert.True(created.Succeeded);
        Assert.Equal((2, 3), (created.Created, created.OrganisationsCreated));
        var kinds = await m.WithDbAsync(db => db.Stakeholders.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Kind));
        Assert.Equal(StakeholderKind.Other, kinds[HostileText.Script]);
        Assert.Equal(4, kinds.Count); // "sozialamt" is the registry's Sozialamt
        var ids = await m.WithDbAsync(db => db.Measures.Where(x => x.Number == "1.5").Select(x => x.Id).SingleAsync());
        var measure = await m.MeasureAsync(ids);
        Assert.Equal("Sozialamt", measure.Carriers().Lead);
        Assert.Equal(["Neuer Träger", HostileText.Script], measure.Carriers().Partners);
    }
}

public sealed class MeasureOrganisationSqliteTests(SqliteApp app) : MeasureOrganisationTests(app), IClassFixture<SqliteApp>;

public sealed class MeasureOrganisationPostgresTests(PostgresApp app) : MeasureOrganisationTests(app), IClassFixture<PostgresApp>;
