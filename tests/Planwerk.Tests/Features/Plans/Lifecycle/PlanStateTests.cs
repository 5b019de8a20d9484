using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Accounts;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.History;
using Planwerk.Features.Plans.Lifecycle;
using Planwerk.Tests.Features.Accounts;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Features.Plans.Lifecycle;

/// <summary>A plan's state changes only on its state page, only along <see cref="PlanLifecycle"/>'s moves,
/// never to "adopted" by hand, always with a reason, and each change is in the plan's history.</summary>
public abstract class PlanStateTests(PlanwerkApp app)
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static Task<(int Id, int Version)> PlanInAsync(TestMunicipality m, PlanState state, string title = "Plan") => m.WithDbAsync(async db =>
    {
        var plan = new Plan { Title = title, State = state, UpdatedAt = DateTimeOffset.UtcNow };
        db.Plans.Add(plan);
        await db.SaveChangesAsync();
        return (plan.Id, plan.Version);
    });

    [Fact]
    public async Task Every_pair_of_states_is_allowed_exactly_as_the_lifecycle_says_and_adopted_never_by_hand()
    {
        var m = await app.CreateMunicipalityAsync();
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var token = await client.AntiforgeryTokenAsync();
        var states = Enum.GetValues<PlanState>();
        foreach (var from in states)
        {
            var offered = await client.GetDocumentAsync($"/{m.Slug}/manage/plans/{(await PlanInAsync(m, from)).Id}/state");
            var options = offered.QuerySelectorAll("#Input_NewState option").Select(o => o.GetAttribute("value")).Where(v => v != "").ToList();
            Assert.Equal(PlanLifecycle.AllowedFrom(from).Where(s => s != PlanState.Adopted).Select(s => s.ToString()), options);
            foreach (var to in states.Where(s => s != from))
            {
                var (planId, version) = await PlanInAsync(m, from);
                var response = await client.PostWithTokenAsync($"/{m.Slug}/manage/plans/{planId}/state", token,
                    new Dictionary<string, string> { ["Input.NewState"] = to.ToString(), ["Input.Reason"] = $"Von {from} zu {to}", ["Input.Version"] = Id(version) });
                var allowed = to != PlanState.Adopted && PlanLifecycle.IsAllowed(from, to);
                var stored = await m.WithDbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.State).SingleAsync());
                var records = await m.WithDbAsync(db => db.ChangeRecords.Where(r => r.PlanId == planId && r.Action == ChangeAction.Updated).Include(r => r.Fields).ToListAsync());
                if (allowed)
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{from} → {to}: {(int)response.StatusCode}");
                    Assert.Equal(to, stored);
                    var record = Assert.Single(records);
                    Assert.Equal($"Von {from} zu {to}", record.Reason);
                    var field = Assert.Single(record.Fields, f => f.Field == "State");
                    Assert.Equal((from.ToString(), to.ToString()), (field.OldValue, field.NewValue));
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.OK, $"{from} → {to}: {(int)response.StatusCode}");
                    Assert.Equal(from, stored);
                    Assert.Empty(records);
                    var page = await response.Content.ReadAsStringAsync();
                    Assert.Contains(to == PlanState.Adopted ? "nur durch den Beschluss des Rates" : "kann der Fachplan nicht zu", page, StringComparison.Ordinal);
                }
            }
        }
        Assert.DoesNotContain(PlanState.Adopted, PlanLifecycle.AllowedFrom(PlanState.InDeliberation));
    }

    [Fact]
    public async Task A_change_is_shown_readably_in_the_history_with_its_reason()
    {
        var m = await app.CreateMunicipalityAsync();
        var (planId, _) = await PlanInAsync(m, PlanState.Draft);
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var edit = await client.GetDocumentAsync($"/{m.Slug}/manage/plans/{planId}");
        Assert.NotNull(edit.QuerySelector($"a[href='/{m.Slug}/manage/plans/{planId}/state']"));
        Assert.Null(edit.QuerySelector("[name='Input.State']"));

        var response = await client.SubmitFormAsync($"/{m.Slug}/manage/plans/{planId}/state",
            new Dictionary<string, string?> { ["Input.NewState"] = nameof(PlanState.InConsultation), ["Input.Reason"] = "Beteiligung beginnt " + HostileText.Script }, "#state-form");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var notice = await client.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains("von „Entwurf“ zu „In Beteiligung“", notice.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        var history = await client.GetDocumentAsync($"/{m.Slug}/manage/plans/{planId}/history");
        var change = history.QuerySelector("li.change")!;
        Assert.Contains("Stand des Plans", change.TextContent, StringComparison.Ordinal);
        Assert.Equal("Entwurf", change.QuerySelector("td.old")!.TextContent.Trim());
        Assert.Equal("In Beteiligung", change.QuerySelector("td.new")!.TextContent.Trim());
        Assert.Contains("Beteiligung beginnt " + HostileText.Script, change.TextContent, StringComparison.Ordinal);
        Assert.Empty(history.QuerySelectorAll("main script"));
    }

    [Fact]
    public async Task A_stale_form_a_missing_reason_and_a_tampered_state_save_nothing()
    {
        var m = await app.CreateMunicipalityAsync();
        var (planId, version) = await PlanInAsync(m, PlanState.Draft);
        var client = await m.SignedInClientAsync(MunicipalityRole.PlanEditor);
        var url = $"/{m.Slug}/manage/plans/{planId}/state";
        var stale = await client.GetDocumentAsync(url);
        // Someone else moves the plan on meanwhile.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(url, new Dictionary<string, string?> { ["Input.NewState"] = nameof(PlanState.InDeliberation), ["Input.Reason"] = "Vorlage eingebracht" }, "#state-form")).StatusCode);
        var before = await m.WithDbAsync(db => db.ChangeRecords.CountAsync(r => r.PlanId == planId && r.Fields.Any(f => f.Field == "State")));

        var response = await client.SubmitFormAsync(stale, url, new Dictionary<string, string?> { ["Input.NewState"] = nameof(PlanState.InConsultation), ["Input.Reason"] = "Beteiligung" }, "#state-form");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("er ist jetzt „In Beratung“", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var token = await client.AntiforgeryTokenAsync();
        var current = await m.WithDbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.Version).SingleAsync());
        var noReason = await client.PostWithTokenAsync(url, token, new Dictionary<string, string> { ["Input.NewState"] = nameof(PlanState.Draft), ["Input.Reason"] = " ", ["Input.Version"] = Id(current) });
        Assert.Contains("Bitte geben Sie den Grund für den neuen Stand an.", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var tampered = await client.PostWithTokenAsync(url, token, new Dictionary<string, string> { ["Input.NewState"] = "Vergessen", ["Input.Reason"] = "x", ["Input.Version"] = Id(current) });
        Assert.Contains("Bitte wählen Sie den neuen Stand aus der Liste.", await tampered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The plan form ignores a posted state.
        var form = await client.PostWithTokenAsync($"/{m.Slug}/manage/plans/{planId}", token, new Dictionary<string, string> { ["Input.Title"] = "Plan", ["Input.State"] = nameof(PlanState.Adopted), ["Input.Version"] = Id(current),
            ["Input.PrinciplePreset"] = "Leitlinie", ["Input.FieldPreset"] = "Handlungsfeld", ["Input.MeasurePreset"] = "Maßnahme" });
        Assert.Equal(HttpStatusCode.Redirect, form.StatusCode);

        Assert.Equal(PlanState.InDeliberation, await m.WithDbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => p.State).SingleAsync()));
        Assert.Equal(before, await m.WithDbAsync(db => db.ChangeRecords.CountAsync(r => r.PlanId == planId && r.Fields.Any(f => f.Field == "State"))));
        Assert.NotEqual(version, current);
    }
}

public sealed class PlanStateSqliteTests(SqliteApp app) : PlanStateTests(app), IClassFixture<SqliteApp>;

public sealed class PlanStatePostgresTests(PostgresApp app) : PlanStateTests(app), IClassFixture<PostgresApp>;
