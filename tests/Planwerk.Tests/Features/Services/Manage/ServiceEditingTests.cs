using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Services;
using Planwerk.Infrastructure.Time;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Features.Participation;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Services.Manage;

/// <summary>Editing a whole service entry: saved all at once with a history record and "last checked" today; problems
/// named at their field with nothing saved; a stale form shown as a conflict with nothing saved; new services; hostile
/// text kept as text; unchanged weekly hours keep their open-data ids.</summary>
public abstract class ServiceEditingTests(PlanwerkApp app)
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private sealed record Setup(TestMunicipality M, int OrganisationId, int ServiceId, int LocationId)
    {
        public string Edit => $"/{M.Slug}/manage/services/{Id(ServiceId)}";
        public string List => $"/{M.Slug}/manage/services";
        public string New => $"/{M.Slug}/manage/services/new";
    }

    private async Task<Setup> SetUpAsync()
    {
        var m = await app.CreateMunicipalityAsync();
        var organisation = await m.AddStakeholderAsync("Flüchtlingsrat " + HostileText.Script);
        var (service, location) = await m.AddServiceAsync(organisation, lastCheckedOn: new DateOnly(2025, 3, 1));
        return new Setup(m, organisation, service, location);
    }

    [Fact]
    public async Task A_saved_edit_changes_the_whole_entry_writes_its_history_and_marks_it_checked_today()
    {
        var s = await SetUpAsync();
        var mondayUid = await s.M.AddMondayHoursAsync(s.ServiceId, s.LocationId);
        var editor = await s.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var before = await s.M.ServiceAsync(s.ServiceId);
        var response = await editor.SubmitFormAsync(s.Edit, new Dictionary<string, string?>
        {
            ["Input.Name"] = "Asylberatung am Markt",
            ["Input.Status"] = nameof(ServiceStatus.TemporarilyClosed),
            ["Input.Languages"] = "de, AR, fa",
            ["Input.Locations[0].Latitude"] = "51,05",
            ["Input.Locations[0].Longitude"] = "13.74",
            ["Input.Locations[0].Hours.Weekly[1].Weekday"] = nameof(DayOfWeek.Thursday),
            ["Input.Locations[0].Hours.Weekly[1].Opens"] = "14:00",
            ["Input.Locations[0].Hours.Weekly[1].Closes"] = "17:30",
            ["Input.Locations[1].Name"] = "Außenstelle Prohlis",
            ["Input.Contacts[0].Name"] = "Frau Beispiel",
            ["Input.Contacts[0].Phone"] = "0351 123456",
            ["Input.Contacts[0].PhoneLanguages"] = "ar, uk",
        }, "#service-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(s.Edit, response.RedirectTarget());

        var after = await s.M.ServiceAsync(s.ServiceId);
        Assert.Equal(("Asylberatung am Markt", ServiceStatus.TemporarilyClosed), (after.Name, after.Status));
        Assert.Equal(["ar", "de", "fa"], after.Languages.Select(l => l.Code).Order(StringComparer.Ordinal));
        Assert.Equal(["Außenstelle Prohlis", "Beratungsstelle Mitte"], after.Locations.Select(a => a.Location!.Name).Order(StringComparer.Ordinal));
        Assert.Equal(51.05m, after.Locations.Single(a => a.LocationId == s.LocationId).Location!.Latitude);
        Assert.Equal(2, after.Schedules.Count);
        // The Monday hours were left as they were: same row, same open-data id.
        Assert.Equal(mondayUid, after.Schedules.Single(h => h.Weekday == DayOfWeek.Monday).Uid);
        Assert.Equal("ar,uk", Assert.Single(after.Contacts).PhoneLanguages);
        Assert.Equal(BerlinTime.Today(TimeProvider.System), after.LastCheckedOn);
        Assert.True(after.Version > before.Version);

        var record = await s.M.WithDbAsync(db => db.ChangeRecords.AsNoTracking().Include(r => r.Fields)
            .SingleAsync(r => r.EntityType == "Service" && r.EntityId == s.ServiceId));
        var fields = record.Fields.ToDictionary(f => f.Field);
        Assert.Equal("Asylverfahrensberatung", fields["Name"].OldValue);
        Assert.Equal("Asylberatung am Markt", fields["Name"].NewValue);
        Assert.Equal("vorübergehend geschlossen", fields["Status"].NewValue);
        Assert.Contains("Donnerstag 14:00–17:30", fields["Locations"].NewValue, StringComparison.Ordinal);
        Assert.Equal("2025-03-01", fields["LastCheckedOn"].OldValue);
        Assert.False(fields.ContainsKey("Description"));
        Assert.NotEqual("", record.UserName);

        // Saved again without a change: still no second record of parts, and the Monday row still has its id.
        var again = await editor.SubmitFormAsync(s.Edit, new Dictionary<string, string?>(), "#service-form");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(mondayUid, (await s.M.ServiceAsync(s.ServiceId)).Schedules.Single(h => h.Weekday == DayOfWeek.Monday).Uid);
        Assert.Equal(1, await s.M.HistoryCountAsync(s.ServiceId));
    }

    [Fact]
    public async Task Problems_are_named_at_their_fields_and_nothing_is_saved()
    {
        var s = await SetUpAsync();
        var member = await s.M.MemberClientAsync(s.OrganisationId);
        var before = await s.M.ServiceAsync(s.ServiceId);
        var response = await member.SubmitFormAsync(s.Edit, new Dictionary<string, string?>
        {
            ["Input.Name"] = "Neuer Name",
            ["Input.Languages"] = "de, xx",
            ["Input.Locations[0].Latitude"] = "95",
            ["Input.Locations[0].Longitude"] = "13.7",
            ["Input.Locations[0].Hours.Weekly[0].Opens"] = "14:00",
            ["Input.Locations[0].Hours.Weekly[0].Closes"] = "10:00",
        }, "#service-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        string Error(string id) => page.QuerySelector($"#{id}-error")!.TextContent.Trim();
        Assert.Contains("„xx“", Error("Input_Languages"), StringComparison.Ordinal);
        Assert.Contains("zwischen -90 und 90", Error("Input_Locations_0__Latitude"), StringComparison.Ordinal);
        Assert.Equal("Die Schließzeit (10:00) liegt nicht nach der Öffnungszeit (14:00).", Error("Input_Locations_0__Hours_Weekly_0__Closes"));
        Assert.Equal("true", page.QuerySelector("#Input_Locations_0__Hours_Weekly_0__Closes")!.GetAttribute("aria-invalid"));
        Assert.Equal(3, page.QuerySelectorAll(".error-summary li").Length);
        // What was typed stays in the form.
        Assert.Equal("Neuer Name", page.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.Equal("14:00", page.QuerySelector("#Input_Locations_0__Hours_Weekly_0__Opens")!.GetAttribute("value"));

        var after = await s.M.ServiceAsync(s.ServiceId);
        Assert.Equal((before.Name, before.Version, before.LastCheckedOn), (after.Name, after.Version, after.LastCheckedOn));
        Assert.Empty(after.Schedules);
        Assert.Equal(0, await s.M.HistoryCountAsync(s.ServiceId));
    }

    [Fact]
    public async Task A_stale_form_shows_what_changed_meanwhile_and_saves_nothing()
    {
        var s = await SetUpAsync();
        var editor = await s.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var member = await s.M.MemberClientAsync(s.OrganisationId);
        var stale = await member.GetDocumentAsync(s.Edit);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitFormAsync(s.Edit, new Dictionary<string, string?> { ["Input.Name"] = "Name des Planungsteams" }, "#service-form")).StatusCode);
        var stored = await s.M.ServiceAsync(s.ServiceId);

        var response = await member.SubmitFormAsync(stale, s.Edit, new Dictionary<string, string?> { ["Input.Name"] = "Name des Anbieters", ["Input.Costs"] = "5 Euro" }, "#service-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await HtmlForms.ParseAsync(response);
        var rows = page.QuerySelectorAll(".conflict-table tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => (r.QuerySelector(".conflict-yours")!.TextContent, r.QuerySelector(".conflict-stored")!.TextContent));
        Assert.Equal(("Name des Anbieters", "Name des Planungsteams"), rows["Name"]);
        Assert.Equal(("5 Euro", ""), rows["Kosten"]);
        Assert.Equal("Name des Anbieters", page.QuerySelector("#Input_Name")!.GetAttribute("value"));
        var after = await s.M.ServiceAsync(s.ServiceId);
        Assert.Equal(("Name des Planungsteams", stored.Version, ""), (after.Name, after.Version, after.Costs));
        Assert.Equal(1, await s.M.HistoryCountAsync(s.ServiceId));

        // The form now carries the stored version: saving again replaces the stored entry.
        Assert.Equal(HttpStatusCode.Redirect, (await member.SubmitFormAsync(page, s.Edit, new Dictionary<string, string?>(), "#service-form")).StatusCode);
        Assert.Equal("Name des Anbieters", (await s.M.ServiceAsync(s.ServiceId)).Name);
    }

    [Fact]
    public async Task A_member_creates_a_service_of_their_organisation_and_hostile_text_stays_text()
    {
        var s = await SetUpAsync();
        var member = await s.M.MemberClientAsync(s.OrganisationId);
        var name = "Sprachcafé " + HostileText.Script;
        var response = await member.SubmitFormAsync(s.New, new Dictionary<string, string?>
        {
            ["Input.Name"] = name,
            ["Input.Description"] = HostileText.Markup + "\n" + HostileText.RightToLeft,
            ["Input.IsFree"] = "true",
            ["Input.Audience"] = HtmlForms.Many(nameof(ResidenceSituations.AsylumSeekers), nameof(ResidenceSituations.TemporaryProtection)),
            ["Input.ServiceHours.Weekly[0].Weekday"] = nameof(DayOfWeek.Wednesday),
            ["Input.ServiceHours.Weekly[0].Opens"] = "10:00",
            ["Input.ServiceHours.Weekly[0].Closes"] = "12:00",
            ["Input.ServiceHours.Special[0].From"] = "2026-12-24",
            ["Input.ServiceHours.Special[0].To"] = "2026-12-26",
            ["Input.ServiceHours.Special[0].Note"] = "Weihnachten",
        }, "#service-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var created = await s.M.WithDbAsync(db => db.HelpServices.AsNoTracking().Include(x => x.SpecialHours).Include(x => x.Schedules).SingleAsync(x => x.Name == name));
        Assert.Equal(s.OrganisationId, created.OrganisationId);
        Assert.Equal(ResidenceSituations.AsylumSeekers | ResidenceSituations.TemporaryProtection, created.Audience);
        Assert.True(created.IsFree);
        Assert.Equal((DayOfWeek.Wednesday, (int?)null), (Assert.Single(created.Schedules).Weekday, created.Schedules[0].LocationId));
        Assert.Equal(new DateOnly(2026, 12, 26), Assert.Single(created.SpecialHours).To);
        Assert.Equal(1, await s.M.WithDbAsync(db => db.ChangeRecords.CountAsync(r => r.EntityType == "Service" && r.EntityId == created.Id && r.Action == Planwerk.Features.Plans.History.ChangeAction.Created)));

        var html = await (await member.GetAsync($"/{s.M.Slug}/manage/services/{Id(created.Id)}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(HostileText.Script, html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        var page = await member.GetDocumentAsync($"/{s.M.Slug}/manage/services/{Id(created.Id)}");
        Assert.Equal(name, page.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.Equal(HostileText.Markup + "\n" + HostileText.RightToLeft, page.QuerySelector("#Input_Description")!.TextContent.TrimStart('\n'));
        var list = await member.GetDocumentAsync(s.List);
        Assert.Contains(name, list.QuerySelector("#services")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_shows_a_member_only_their_organisations_services_and_the_plan_team_all()
    {
        var s = await SetUpAsync();
        var other = await s.M.AddStakeholderAsync("Andere Organisation");
        var (otherService, _) = await s.M.AddServiceAsync(other, "Fremdes Angebot");
        var member = await s.M.MemberClientAsync(s.OrganisationId);
        var mine = await member.GetDocumentAsync(s.List);
        Assert.NotNull(mine.QuerySelector($"#service-{Id(s.ServiceId)}"));
        Assert.Null(mine.QuerySelector($"#service-{Id(otherService)}"));
        Assert.Null(mine.QuerySelector("#inventory-links"));
        var editor = await s.M.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var all = await editor.GetDocumentAsync(s.List);
        Assert.NotNull(all.QuerySelector($"#service-{Id(s.ServiceId)}"));
        Assert.NotNull(all.QuerySelector($"#service-{Id(otherService)}"));
        Assert.NotNull(all.QuerySelector("#inventory-links"));
        // A member's new-service form offers only their own organisation.
        var form = await member.GetDocumentAsync(s.New);
        Assert.Equal([Id(s.OrganisationId)], form.QuerySelectorAll("#Input_OrganisationId option").Select(o => o.GetAttribute("value")!).ToList());
    }
}

public sealed class ServiceEditingSqliteTests(SqliteApp app) : ServiceEditingTests(app), IClassFixture<SqliteApp>;

public sealed class ServiceEditingPostgresTests(PostgresApp app) : ServiceEditingTests(app), IClassFixture<PostgresApp>;
