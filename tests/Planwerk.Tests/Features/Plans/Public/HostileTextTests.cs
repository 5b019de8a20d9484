using Planwerk.Features.Plans;
using Planwerk.Tests.Infrastructure;
using Planwerk.Tests.Features.Implementation;

namespace Planwerk.Tests.Features.Plans.PublicSite;

/// <summary>Markup, script, right-to-left and very long text in every text a public page shows come
/// out as text, never as markup.</summary>
public abstract class HostileTextTests(PlanwerkApp app)
{
    private static readonly string LongTitle = HostileText.VeryLong[..280];

    [Fact]
    public async Task Hostile_text_is_shown_escaped_on_every_public_page()
    {
        var m = await app.CreateMunicipalityAsync();
        var predecessor = await m.AddPlanAsync(title: HostileText.Markup);
        var seeded = await m.AddPlanAsync(fields: 2, measuresPerField: 2, title: HostileText.Script + " " + HostileText.RightToLeft,
            plan: p =>
            {
                p.Summary = HostileText.Script + "\n\n" + HostileText.Markup + "\n\n" + HostileText.VeryLong;
                p.PredecessorId = predecessor.Id;
            },
            measure: x =>
            {
                x.Title = x.Number == "1.1" ? HostileText.Script : x.Number == "1.2" ? HostileText.RightToLeft : LongTitle;
                x.Goal = HostileText.Markup;
                x.Description = HostileText.Script + "\n\n" + HostileText.VeryLong;
                x.TargetGroups = HostileText.Markup;
                x.CarriedBy(HostileText.Script, HostileText.RightToLeft);
                x.Funding = HostileText.Markup;
            });
        await m.WithDbAsync(async db =>
        {
            var field = await db.FieldsOfAction.FindAsync(seeded.Fields[0].Id);
            field!.Title = HostileText.Script;
            field.Description = HostileText.Markup;
            var principle = await db.Principles.FindAsync(seeded.Principles[0].Id);
            principle!.Title = HostileText.Markup;
            principle.Description = HostileText.Script;
            var district = await db.Districts.FindAsync(seeded.Districts[0].Id);
            district!.Name = HostileText.Script;
            return 0;
        });

        var pages = new[]
        {
            "/" + m.Slug,
            seeded.Url(m),
            $"{seeded.Url(m)}/fields/{seeded.Fields[0].Id}",
            $"{seeded.Url(m)}/measures/{seeded.Measures[0].Id}",
            $"{seeded.Url(m)}/measures/{seeded.Measures[1].Id}",
            $"{seeded.Url(m)}/measures/{seeded.Measures[2].Id}",
            $"{seeded.Url(m)}/search?q={Uri.EscapeDataString(HostileText.Script)}",
            $"{seeded.Url(m)}/search?q={Uri.EscapeDataString(HostileText.Markup)}",
            $"{seeded.Url(m)}/search?q={Uri.EscapeDataString(HostileText.RightToLeft)}",
            $"{seeded.Url(m)}/document",
        };
        var client = app.CreateClient();
        foreach (var url in pages)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
            var document = await HtmlForms.ParseAsync(response);
            Assert.Empty(document.QuerySelectorAll("script"));
            Assert.Empty(document.QuerySelectorAll("main img"));
            Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
            // ... and still shown to the reader as text.
            Assert.True(document.Body!.TextContent.Contains(HostileText.Script, StringComparison.Ordinal)
                || document.Body.TextContent.Contains(HostileText.Markup, StringComparison.Ordinal), $"{url} does not show the text at all");
        }

        var plan = await client.GetDocumentAsync(seeded.Url(m));
        Assert.Equal(HostileText.Script + " " + HostileText.RightToLeft, plan.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("auto", plan.QuerySelector("h1")!.GetAttribute("dir"));
        Assert.Contains(plan.QuerySelectorAll("tr.measure a"), a => a.TextContent == HostileText.RightToLeft && a.GetAttribute("dir") == "auto");
        Assert.Contains(plan.QuerySelectorAll("tr.measure a"), a => a.TextContent == LongTitle);
        Assert.Contains(HostileText.VeryLong.Trim(), plan.QuerySelector(".summary")!.TextContent, StringComparison.Ordinal);
    }
}

public sealed class HostileTextSqliteTests(SqliteApp app) : HostileTextTests(app), IClassFixture<SqliteApp>;

public sealed class HostileTextPostgresTests(PostgresApp app) : HostileTextTests(app), IClassFixture<PostgresApp>;
