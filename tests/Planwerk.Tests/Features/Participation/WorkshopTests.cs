using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Workshops;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Participation;

/// <summary>Workshops end to end through the real pages: the plan team's forms, registration with a waiting
/// list that holds under concurrency, cancelling and moving up, the moments after which attendance and results
/// may be recorded and published, and who sees the online link. The clock is the test's.</summary>
public abstract class WorkshopTests(ClockedApp app)
{
    private const string Notice = "p.notice";

    private DateTimeOffset Now => app.Clock.GetUtcNow();

    private static string NextYearWinter(DateTimeOffset now, string time) =>
        FormattableString.Invariant($"{now.Year + 2}-01-15T{time}");

    [Fact]
    public async Task Editor_creates_and_edits_a_workshop_in_Berlin_time_and_a_stale_edit_shows_the_conflict()
    {
        var m = await app.CreateMunicipalityAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var created = await editor.SubmitFormAsync($"/{m.Slug}/manage/workshops/new", new Dictionary<string, string?>
        {
            ["Input.Title"] = "Fachtag Integration",
            ["Input.Description"] = "**Entwurf** besprechen",
            ["Input.StartsAt"] = NextYearWinter(Now, "10:00"),
            ["Input.EndsAt"] = NextYearWinter(Now, "15:30"),
            ["Input.Place"] = "Rathaus",
            ["Input.Capacity"] = "25",
        }, "#workshop-form");
        var location = created.RedirectTarget();
        var id = await m.WithDbAsync(db => db.Workshops.Select(w => w.Id).SingleAsync());
        Assert.Equal(m.ManageUrl(id), location);
        var stored = await m.WorkshopAsync(id);
        Assert.Equal(new DateTimeOffset(Now.Year + 2, 1, 15, 9, 0, 0, TimeSpan.Zero), stored.StartsAt);
        Assert.Equal(new DateTimeOffset(Now.Year + 2, 1, 15, 14, 30, 0, TimeSpan.Zero), stored.EndsAt);
        Assert.Equal(25, stored.Capacity);

        var stale = await editor.GetDocumentAsync(m.ManageUrl(id));
        Assert.Equal(NextYearWinter(Now, "10:00"), stale.QuerySelector("#Input_StartsAt")!.GetAttribute("value"));
        var other = await m.SignedInClientAsync(MunicipalityRole.Administrator);
        Assert.Equal(m.ManageUrl(id), (await other.SubmitFormAsync(m.ManageUrl(id), new Dictionary<string, string?> { ["Input.Title"] = "Fachtag (verschoben)" }, "#workshop-form")).RedirectTarget());

        var conflict = await editor.SubmitFormAsync(stale, m.ManageUrl(id), new Dictionary<string, string?> { ["Input.Title"] = "Fachtag Integration 2" }, "#workshop-form");
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = await HtmlForms.ParseAsync(conflict);
        Assert.Contains(page.Errors(), e => e.Contains("inzwischen von jemand anderem geändert", StringComparison.Ordinal));
        Assert.Contains("Fachtag (verschoben)", page.QuerySelector(".conflict-table")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Fachtag (verschoben)", (await m.WorkshopAsync(id)).Title);

        // Saving again from the conflict page (which carries the new version) succeeds.
        var again = await editor.SubmitFormAsync(page, m.ManageUrl(id), new Dictionary<string, string?>(), "#workshop-form");
        Assert.Equal(m.ManageUrl(id), again.RedirectTarget());
        Assert.Equal("Fachtag Integration 2", (await m.WorkshopAsync(id)).Title);
    }

    [Fact]
    public async Task Invalid_input_is_refused_with_messages_naming_the_field()
    {
        var m = await app.CreateMunicipalityAsync();
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        async Task<IReadOnlyList<string>> ErrorsAsync(Dictionary<string, string?> values)
        {
            var response = await editor.SubmitFormAsync($"/{m.Slug}/manage/workshops/new", values, "#workshop-form");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await HtmlForms.ParseAsync(response)).Errors();
        }
        Dictionary<string, string?> Valid() => new()
        {
            ["Input.Title"] = "Werkstatt",
            ["Input.StartsAt"] = NextYearWinter(Now, "10:00"),
            ["Input.EndsAt"] = NextYearWinter(Now, "12:00"),
            ["Input.Place"] = "Rathaus",
            ["Input.Capacity"] = "5",
        };
        var noPlace = Valid();
        noPlace["Input.Place"] = "";
        Assert.Contains(await ErrorsAsync(noPlace), e => e.Contains("Ort oder einen Online-Link", StringComparison.Ordinal));
        var http = Valid();
        http["Input.OnlineUrl"] = "http://meet.example.org/raum";
        Assert.Contains(await ErrorsAsync(http), e => e.Contains("https-Adresse", StringComparison.Ordinal));
        var script = Valid();
        script["Input.OnlineUrl"] = "javascript:alert(1)";
        Assert.Contains(await ErrorsAsync(script), e => e.Contains("https-Adresse", StringComparison.Ordinal));
        var backwards = Valid();
        backwards["Input.EndsAt"] = NextYearWinter(Now, "09:00");
        Assert.Contains(await ErrorsAsync(backwards), e => e.Contains("Das Ende muss nach dem Beginn liegen.", StringComparison.Ordinal));
        var none = Valid();
        none["Input.Capacity"] = "0";
        Assert.Contains(await ErrorsAsync(none), e => e.Contains("Plätze", StringComparison.Ordinal));
        var longTitle = Valid();
        longTitle["Input.Title"] = HostileText.VeryLong;
        Assert.Contains(await ErrorsAsync(longTitle), e => e.Contains("Titel darf höchstens", StringComparison.Ordinal));
        Assert.Equal(0, await m.WithDbAsync(db => db.Workshops.CountAsync()));

        var online = Valid();
        online["Input.Place"] = "";
        online["Input.OnlineUrl"] = "https://meet.example.org/raum";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitFormAsync($"/{m.Slug}/manage/workshops/new", online, "#workshop-form")).StatusCode);
    }

    [Fact]
    public async Task Registration_is_confirmed_while_places_remain_then_goes_on_the_waiting_list_with_a_calendar_mail()
    {
        var m = await app.CreateMunicipalityAsync();
        var id = await m.AddWorkshopAsync(Now, capacity: 1, groups: 2);
        var first = await app.CreateUserAsync();
        var second = await app.CreateUserAsync();
        var organisation = await m.AddStakeholderAsync("Beispiel-Initiative " + Guid.NewGuid().ToString("N")[..6]);
        await m.AddStakeholderMemberAsync(organisation, first.Id);
        var groupId = (await m.WorkshopAsync(id)).WorkingGroups.OrderBy(g => g.Position).Last().Id;

        var a = await app.SignInAsync(first.Email!);
        var registered = await a.SubmitFormAsync(m.Url(id), new Dictionary<string, string?>
        {
            ["workingGroupId"] = groupId.ToString(CultureInfo.InvariantCulture),
            ["stakeholderId"] = organisation.ToString(CultureInfo.InvariantCulture),
        }, "#register-form");
        Assert.Equal(m.Url(id), registered.RedirectTarget());
        var page = await a.GetDocumentAsync(m.Url(id));
        Assert.Contains("Ihr Platz ist bestätigt", page.QuerySelector("#my-registration")!.TextContent, StringComparison.Ordinal);

        var b = await app.SignInAsync(second.Email!);
        var full = await b.GetDocumentAsync(m.Url(id));
        Assert.Contains("Ausgebucht", full.QuerySelector("#places")!.TextContent, StringComparison.Ordinal);
        Assert.Null(full.QuerySelector("#stakeholderId")); // not a member of any organisation
        await b.SubmitFormAsync(full, m.Url(id), new Dictionary<string, string?>(), "#register-form");
        Assert.Contains("Warteliste (Platz 1)", (await b.GetDocumentAsync(m.Url(id))).QuerySelector("#my-registration")!.TextContent, StringComparison.Ordinal);

        var rows = await m.RegistrationsAsync(id);
        Assert.Equal([RegistrationState.Confirmed, RegistrationState.Waiting], rows.Select(r => r.State));
        Assert.Equal(organisation, rows[0].StakeholderId);
        Assert.Equal(groupId, rows[0].WorkingGroupId);

        var confirmation = Assert.Single(await app.PickedUpMailsToAsync(first.Email!));
        Assert.StartsWith("Planwerk: Anmeldung bestätigt", confirmation.Subject, StringComparison.Ordinal);
        Assert.Contains("METHOD:REQUEST", WorkshopTestSupport.CalendarAttachment(confirmation), StringComparison.Ordinal);
        var waiting = Assert.Single(await app.PickedUpMailsToAsync(second.Email!));
        Assert.StartsWith("Planwerk: Warteliste", waiting.Subject, StringComparison.Ordinal);
        Assert.Contains("STATUS:TENTATIVE", WorkshopTestSupport.CalendarAttachment(waiting), StringComparison.Ordinal);

        // Someone not in the organisation cannot register on its behalf.
        var third = await app.SignInAsync((await app.CreateUserAsync()).Email!);
        var token = await third.AntiforgeryTokenAsync();
        var foreign = await third.PostWithTokenAsync(m.Url(id, "?handler=Register"), token,
            new Dictionary<string, string> { ["stakeholderId"] = organisation.ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, foreign.StatusCode);
        Assert.Contains((await HtmlForms.ParseAsync(foreign)).Errors(), e => e.Contains("Organisation, der Sie angehören", StringComparison.Ordinal));
        Assert.Equal(2, (await m.RegistrationsAsync(id)).Count);
    }

    [Fact]
    public async Task Parallel_registrations_for_the_last_place_confirm_exactly_one()
    {
        var m = await app.CreateMunicipalityAsync();
        for (var round = 0; round < 4; round++)
        {
            var id = await m.AddWorkshopAsync(Now, capacity: 1);
            var clients = new List<(HttpClient Client, string Token)>();
            for (var i = 0; i < 3; i++)
            {
                var client = await app.SignInAsync((await app.CreateUserAsync()).Email!);
                clients.Add((client, await client.AntiforgeryTokenAsync()));
            }
            var responses = await Task.WhenAll(clients.Select(c =>
                c.Client.PostWithTokenAsync(m.Url(id, "?handler=Register"), c.Token, new Dictionary<string, string>())));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
            var states = (await m.RegistrationsAsync(id)).Select(r => r.State).ToList();
            Assert.Equal(1, states.Count(s => s == RegistrationState.Confirmed));
            Assert.Equal(2, states.Count(s => s == RegistrationState.Waiting));
        }
    }

    [Fact]
    public async Task Cancelling_a_confirmed_place_moves_up_the_first_waiting_person_who_is_mailed_and_re_registering_reuses_the_row()
    {
        var m = await app.CreateMunicipalityAsync();
        var id = await m.AddWorkshopAsync(Now, capacity: 1, online: "https://meet.example.org/raum-7");
        var users = new[] { await app.CreateUserAsync(), await app.CreateUserAsync(), await app.CreateUserAsync() };
        var clients = new List<HttpClient>();
        foreach (var user in users)
        {
            var client = await app.SignInAsync(user.Email!);
            await client.SubmitFormAsync(m.Url(id), new Dictionary<string, string?>(), "#register-form");
            clients.Add(client);
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        var before = await m.RegistrationsAsync(id);

        var cancelled = await clients[0].SubmitFormAsync(m.Url(id), new Dictionary<string, string?>(), "#cancel-registration-form");
        Assert.Equal(m.Url(id), cancelled.RedirectTarget());
        var after = await m.RegistrationsAsync(id);
        Assert.Equal([RegistrationState.Cancelled, RegistrationState.Confirmed, RegistrationState.Waiting], after.Select(r => r.State));
        Assert.NotNull(after[0].CancelledAt);

        var movedUp = (await app.PickedUpMailsToAsync(users[1].Email!))[^1];
        Assert.StartsWith("Planwerk: Sie haben einen Platz", movedUp.Subject, StringComparison.Ordinal);
        Assert.Contains("https://meet.example.org/raum-7", movedUp.TextBody, StringComparison.Ordinal);
        Assert.Contains("METHOD:REQUEST", WorkshopTestSupport.CalendarAttachment(movedUp), StringComparison.Ordinal);
        var goodbye = (await app.PickedUpMailsToAsync(users[0].Email!))[^1];
        Assert.Contains("METHOD:CANCEL", WorkshopTestSupport.CalendarAttachment(goodbye), StringComparison.Ordinal);
        Assert.Single(await app.PickedUpMailsToAsync(users[2].Email!)); // only the waiting-list notice

        // Registering again reuses the row and queues behind those already waiting.
        await clients[0].SubmitFormAsync(m.Url(id), new Dictionary<string, string?>(), "#register-form");
        var again = await m.RegistrationsAsync(id);
        Assert.Equal(3, again.Count);
        Assert.Equal(before[0].Id, again[0].Id);
        Assert.Equal(RegistrationState.Waiting, again[0].State);
        Assert.Null(again[0].CancelledAt);
    }

    [Fact]
    public async Task Raising_the_capacity_moves_up_and_lowering_it_below_the_confirmed_is_refused()
    {
        var m = await app.CreateMunicipalityAsync();
        var id = await m.AddWorkshopAsync(Now, capacity: 2);
        foreach (var _ in Enumerable.Range(0, 3))
        {
            var client = await app.SignInAsync((await app.CreateUserAsync()).Email!);
            await client.SubmitFormAsync(m.Url(id), new Dictionary<string, string?>(), "#register-form");
        }
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var lower = await editor.SubmitFormAsync(m.ManageUrl(id), new Dictionary<string, string?> { ["Input.Capacity"] = "1" }, "#workshop-form");
        Assert.Equal(HttpStatusCode.OK, lower.StatusCode);
        Assert.Contains((await HtmlForms.ParseAsync(lower)).Errors(), e => e.Contains("schon 2 Anmeldungen bestätigt", StringComparison.Ordinal));
        Assert.Equal(2, (await m.WorkshopAsync(id)).Capacity);

        var raise = await editor.SubmitFormAsync(m.ManageUrl(id), new Dictionary<string, string?> { ["Input.Capacity"] = "3" }, "#workshop-form");
        Assert.Equal(HttpStatusCode.Redirect, raise.StatusCode);
        Assert.All(await m.RegistrationsAsync(id), r => Assert.Equal(RegistrationState.Confirmed, r.State));
    }

    [Fact]
    public async Task A_change_of_time_raises_the_sequence_and_sends_confirmed_registrants_the_updated_invitation()
    {
        var m = await app.CreateMunicipalityAsync();
        var id = await m.AddWorkshopAsync(Now, capacity: 1);
        var confirmed = await app.CreateUserAsync();
        var waiting = await app.CreateUserAsync();
        await (await app.SignInAsync(confirmed.Email!)).SubmitFormAsync(m.Url(id), new Dictionary<string, string?>(), "#register-form");
        await (await app.SignInAsync(waiting.Email!)).SubmitFormAsync(m.Url(id), new Dictionary<string, string?>(), "#register-form");
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);

        await editor.SubmitFormAsync(m.ManageUrl(id), new Dictionary<string, string?> { ["Input.Title"] = "Nur der Titel" }, "#workshop-form");
        Assert.Equal(0, (await m.WorkshopAsync(id)).CalendarSequence);

        await editor.SubmitFormAsync(m.ManageUrl(id), new Dictionary<string, string?> { ["Input.Place"] = "Anderer Saal" }, "#workshop-form");
        Assert.Equal(1, (await m.WorkshopAsync(id)).CalendarSequence);
        var update = (await app.PickedUpMailsToAsync(confirmed.Email!))[^1];
        Assert.StartsWith("Planwerk: Geänderter Termin", update.Subject, StringComparison.Ordinal);
        var ics = WorkshopTestSupport.CalendarAttachment(update);
        Assert.Contains("SEQUENCE:1", ics, StringComparison.Ordinal);
        Assert.Contains("Anderer Saal", ics, StringComparison.Ordinal);
        Assert.Single(await app.PickedUpMailsToAsync(waiting.Email!));
    }

    [Fact]
    public async Task No_registration_after_the_start_or_for_a_cancelled_workshop_whose_registrants_are_told()
    {
        var m = await app.CreateMunicipalityAsync();
        var soon = await m.AddWorkshopAsync(Now, startsIn: TimeSpan.FromHours(1));
        var later = await m.AddWorkshopAsync(Now, capacity: 1, startsIn: TimeSpan.FromDays(5));
        var registered = await app.CreateUserAsync();
        var waiting = await app.CreateUserAsync();
        await (await app.SignInAsync(registered.Email!)).SubmitFormAsync(m.Url(later), new Dictionary<string, string?>(), "#register-form");
        await (await app.SignInAsync(waiting.Email!)).SubmitFormAsync(m.Url(later), new Dictionary<string, string?>(), "#register-form");
        var person = await app.SignInAsync((await app.CreateUserAsync()).Email!);
        var token = await person.AntiforgeryTokenAsync();
        var form = await person.GetDocumentAsync(m.Url(soon));
        Assert.NotNull(form.QuerySelector("#register-form"));

        // The helper starts workshops on the next whole minute.
        app.Clock.Advance(TimeSpan.FromMinutes(62));
        var started = await person.PostWithTokenAsync(m.Url(soon, "?handler=Register"), token, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Contains((await HtmlForms.ParseAsync(started)).Errors(), e => e.Contains("schon begonnen", StringComparison.Ordinal));
        Assert.Empty(await m.RegistrationsAsync(soon));
        Assert.Null((await person.GetDocumentAsync(m.Url(soon))).QuerySelector("#register-form"));

        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var cancel = await editor.SubmitFormAsync(m.ManageUrl(later), new Dictionary<string, string?> { ["message"] = "Wegen Krankheit verschoben." }, "#cancel-form");
        Assert.Equal(m.ManageUrl(later), cancel.RedirectTarget());
        var stored = await m.WorkshopAsync(later);
        Assert.NotNull(stored.CancelledAt);
        Assert.Equal(1, stored.CalendarSequence);
        foreach (var told in new[] { registered, waiting })
        {
            var mail = (await app.PickedUpMailsToAsync(told.Email!))[^1];
            Assert.StartsWith("Planwerk: Abgesagt", mail.Subject, StringComparison.Ordinal);
            Assert.Contains("Wegen Krankheit verschoben.", mail.TextBody, StringComparison.Ordinal);
            var ics = WorkshopTestSupport.CalendarAttachment(mail);
            Assert.Contains("METHOD:CANCEL", ics, StringComparison.Ordinal);
            Assert.Contains("STATUS:CANCELLED", ics, StringComparison.Ordinal);
        }
        var refused = await person.PostWithTokenAsync(m.Url(later, "?handler=Register"), token, new Dictionary<string, string>());
        Assert.Contains((await HtmlForms.ParseAsync(refused)).Errors(), e => e.Contains("abgesagt", StringComparison.Ordinal));
        Assert.Equal(2, (await m.RegistrationsAsync(later)).Count);
        Assert.NotNull((await app.CreateBrowserlikeClient().GetDocumentAsync(m.Url(later))).QuerySelector("#cancelled"));
        var feed = await (await app.CreateBrowserlikeClient().GetAsync(m.Url(later, "/calendar.ics"))).Content.ReadAsStringAsync();
        Assert.Contains("STATUS:CANCELLED", feed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attendance_and_results_are_recorded_only_after_the_start_and_public_only_once_published_after_the_end()
    {
        var m = await app.CreateMunicipalityAsync();
        var id = await m.AddWorkshopAsync(Now, startsIn: TimeSpan.FromHours(2), groups: 1);
        var person = await app.CreateUserAsync();
        await (await app.SignInAsync(person.Email!)).SubmitFormAsync(m.Url(id), new Dictionary<string, string?>(), "#register-form");
        var registrationId = (await m.RegistrationsAsync(id)).Single().Id;
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var token = await editor.AntiforgeryTokenAsync();
        var attendanceField = "attended-" + registrationId.ToString(CultureInfo.InvariantCulture);

        var early = await editor.PostWithTokenAsync(m.ManageUrl(id, "/registrations"), token, new Dictionary<string, string> { [attendanceField] = "yes" });
        Assert.Contains((await HtmlForms.ParseAsync(early)).Errors(), e => e.Contains("begonnen", StringComparison.Ordinal));
        Assert.Null((await m.RegistrationsAsync(id)).Single().Attended);
        var earlyResults = await editor.PostWithTokenAsync(m.ManageUrl(id, "/results"), token, new Dictionary<string, string> { ["Input.Results"] = "zu früh" });
        Assert.Contains((await HtmlForms.ParseAsync(earlyResults)).Errors(), e => e.Contains("begonnen", StringComparison.Ordinal));
        Assert.Null((await editor.GetDocumentAsync(m.ManageUrl(id, "/results"))).QuerySelector("#results-form"));

        app.Clock.Advance(TimeSpan.FromHours(3));
        var recorded = await editor.SubmitFormAsync(m.ManageUrl(id, "/registrations"), new Dictionary<string, string?> { [attendanceField] = "no" }, "#attendance-form");
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.False((await m.RegistrationsAsync(id)).Single().Attended);

        var saved = await editor.SubmitFormAsync(m.ManageUrl(id, "/results"), new Dictionary<string, string?>
        {
            ["Input.Minutes"] = "Protokoll " + HostileText.Script,
            ["Input.Results"] = "**Ergebnis** der Werkstatt",
            ["Input.Groups[0].Results"] = "Ergebnis der AG",
        }, "#results-form");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var publishEarly = await editor.SubmitFormAsync(m.ManageUrl(id, "/results"), new Dictionary<string, string?>(), "#publish-form");
        Assert.Contains((await HtmlForms.ParseAsync(publishEarly)).Errors(), e => e.Contains("nach dem Ende", StringComparison.Ordinal));
        var anonymous = app.CreateBrowserlikeClient();
        Assert.Null((await anonymous.GetDocumentAsync(m.Url(id))).QuerySelector("#results"));

        app.Clock.Advance(TimeSpan.FromMinutes(122));
        Assert.Equal(HttpStatusCode.Redirect, (await editor.SubmitFormAsync(m.ManageUrl(id, "/results"), new Dictionary<string, string?>(), "#publish-form")).StatusCode);
        var response = await anonymous.GetAsync(m.Url(id));
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(HostileText.Script, html, StringComparison.Ordinal);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal("Ergebnis", page.QuerySelector("#workshop-results strong")!.TextContent);
        Assert.Contains("Ergebnis der AG", page.QuerySelector("#results")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Protokoll", page.QuerySelector("#minutes")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_online_link_is_shown_only_to_confirmed_registrants_on_the_page_and_in_the_calendar_file()
    {
        var m = await app.CreateMunicipalityAsync();
        const string link = "https://meet.example.org/nur-fuer-angemeldete";
        var id = await m.AddWorkshopAsync(Now, capacity: 1, online: link);
        var confirmedUser = await app.CreateUserAsync();
        var confirmed = await app.SignInAsync(confirmedUser.Email!);
        await confirmed.SubmitFormAsync(m.Url(id), new Dictionary<string, string?>(), "#register-form");
        var waiting = await app.SignInAsync((await app.CreateUserAsync()).Email!);
        await waiting.SubmitFormAsync(m.Url(id), new Dictionary<string, string?>(), "#register-form");
        var stranger = await app.SignInAsync((await app.CreateUserAsync()).Email!);
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);

        foreach (var (who, client, sees) in new[] { ("anonymous", app.CreateBrowserlikeClient(), false), ("stranger", stranger, false), ("waiting", waiting, false), ("editor", editor, false), ("confirmed", confirmed, true) })
        {
            var page = await (await client.GetAsync(m.Url(id))).Content.ReadAsStringAsync();
            Assert.True(sees == page.Contains(link, StringComparison.Ordinal), $"{who}: page");
            var ics = await client.GetAsync(m.Url(id, "/calendar.ics"));
            Assert.Equal("text/calendar", ics.Content.Headers.ContentType!.MediaType);
            var text = await ics.Content.ReadAsStringAsync();
            Assert.True(sees == text.Contains(link, StringComparison.Ordinal), $"{who}: calendar");
            Assert.Contains(FormattableString.Invariant($"UID:workshop-{id}@{m.Slug}.planwerk"), text, StringComparison.Ordinal);
        }
        var mail = Assert.Single(await app.PickedUpMailsToAsync(confirmedUser.Email!));
        Assert.Contains(link, mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_working_group_discusses_a_field_of_action_of_the_workshops_plan_only()
    {
        var m = await app.CreateMunicipalityAsync();
        var (planId, fieldId, foreignFieldId) = await m.WithDbAsync(async db =>
        {
            var plan = new Planwerk.Features.Plans.Plan { Title = "Fachplan Integration", IsPublic = true };
            var other = new Planwerk.Features.Plans.Plan { Title = "Anderer Plan" };
            var field = new Planwerk.Features.Plans.FieldOfAction { Plan = plan, Number = 1, Position = 1, Title = "Wohnen" };
            var foreign = new Planwerk.Features.Plans.FieldOfAction { Plan = other, Number = 1, Position = 1, Title = "Fremd" };
            db.AddRange(plan, other, field, foreign);
            await db.SaveChangesAsync();
            return (plan.Id, field.Id, foreign.Id);
        });
        var id = await m.AddWorkshopAsync(Now);
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        await editor.SubmitFormAsync(m.ManageUrl(id), new Dictionary<string, string?> { ["Input.PlanId"] = planId.ToString(CultureInfo.InvariantCulture) }, "#workshop-form");
        Assert.Equal(planId, (await m.WorkshopAsync(id)).PlanId);

        var token = await editor.AntiforgeryTokenAsync();
        var foreign = await editor.PostWithTokenAsync(m.ManageUrl(id, "?handler=AddGroup"), token,
            new Dictionary<string, string> { ["Group.Title"] = "Fremd", ["Group.FieldOfActionId"] = foreignFieldId.ToString(CultureInfo.InvariantCulture) });
        Assert.Contains((await HtmlForms.ParseAsync(foreign)).Errors(), e => e.Contains("Handlungsfeld aus der Liste", StringComparison.Ordinal));
        var added = await editor.SubmitFormAsync(m.ManageUrl(id), new Dictionary<string, string?>
        {
            ["Group.Title"] = "AG Wohnen",
            ["Group.FieldOfActionId"] = fieldId.ToString(CultureInfo.InvariantCulture),
        }, "#add-group-form");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(fieldId, Assert.Single((await m.WorkshopAsync(id)).WorkingGroups).FieldOfActionId);
        var page = await app.CreateBrowserlikeClient().GetDocumentAsync(m.Url(id));
        Assert.Contains("Handlungsfeld: Wohnen", page.QuerySelector("#groups")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Fachplan Integration", page.QuerySelector("#facts")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Working_groups_are_added_edited_ordered_and_removed_and_hostile_text_stays_text()
    {
        var m = await app.CreateMunicipalityAsync();
        var id = await m.AddWorkshopAsync(Now, title: HostileText.Script);
        var editor = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        foreach (var title in new[] { "Wohnen", HostileText.RightToLeft, HostileText.Markup })
        {
            var added = await editor.SubmitFormAsync(m.ManageUrl(id), new Dictionary<string, string?> { ["Group.Title"] = title }, "#add-group-form");
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }
        var empty = await editor.SubmitFormAsync(m.ManageUrl(id), new Dictionary<string, string?> { ["Group.Title"] = "" }, "#add-group-form");
        Assert.Contains((await HtmlForms.ParseAsync(empty)).Errors(), e => e.Contains("Titel der Arbeitsgruppe", StringComparison.Ordinal));
        var groups = (await m.WorkshopAsync(id)).WorkingGroups.OrderBy(g => g.Position).ToList();
        Assert.Equal(3, groups.Count);

        var g0 = groups[0].Id.ToString(CultureInfo.InvariantCulture);
        await editor.SubmitFormAsync(m.ManageUrl(id), new Dictionary<string, string?> { ["Group.Title"] = "Wohnen und Unterbringung" }, "#save-group-" + g0);
        await editor.SubmitFormAsync(m.ManageUrl(id), new Dictionary<string, string?>(), "#down-group-" + g0);
        var groups2 = (await m.WorkshopAsync(id)).WorkingGroups.OrderBy(g => g.Position).ToList();
        Assert.Equal([HostileText.RightToLeft, "Wohnen und Unterbringung", HostileText.Markup], groups2.Select(g => g.Title));
        await editor.SubmitFormAsync(m.ManageUrl(id), new Dictionary<string, string?>(), "#remove-group-" + groups2[2].Id.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(2, (await m.WorkshopAsync(id)).WorkingGroups.Count);

        var response = await app.CreateBrowserlikeClient().GetAsync(m.Url(id));
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(HostileText.Script, html, StringComparison.Ordinal);
        var page = await HtmlForms.ParseAsync(response);
        Assert.Equal(HostileText.Script, page.QuerySelector("h1")!.TextContent);
        Assert.Equal(HostileText.RightToLeft, page.QuerySelector("#groups li strong")!.TextContent);
        var list = await app.CreateBrowserlikeClient().GetDocumentAsync($"/{m.Slug}/workshops");
        Assert.Contains(HostileText.Script, list.QuerySelector("#upcoming")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class WorkshopSqliteTests(SqliteClockedApp app) : WorkshopTests(app), IClassFixture<SqliteClockedApp>;

public sealed class WorkshopPostgresTests(PostgresClockedApp app) : WorkshopTests(app), IClassFixture<PostgresClockedApp>;
