using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Sections;
using Planwerk.Tests.Infrastructure;

namespace Planwerk.Tests.Data;

/// <summary>Measure keys and image numbers come from their plan's counters: 1, 2, 3, … and never twice,
/// even after the highest was deleted (a named version that knew key 2 must not meet another measure 2).</summary>
public abstract class PlanKeyTests(PlanwerkApp app)
{
    private static PlanImage Image() => new() { FileName = "a.png", ContentType = "image/png", Bytes = [1, 2, 3], AltText = "Bild" };

    [Fact]
    public async Task Keys_and_image_numbers_count_on_after_the_highest_was_deleted_and_past_imported_ones()
    {
        var m = await app.CreateMunicipalityAsync();
        var planId = await m.WithDbAsync(async db =>
        {
            var plan = new Plan { Title = "Plan" };
            var field = new FieldOfAction { Plan = plan, Number = 1, Title = "Sprache" };
            db.Add(field);
            db.Measures.AddRange(
                new Measure { Plan = plan, FieldOfAction = field, Number = "1.1", Title = "A" },
                new Measure { Plan = plan, FieldOfAction = field, Number = "1.2", Title = "B" });
            var first = Image();
            first.Plan = plan;
            var second = Image();
            second.Plan = plan;
            db.PlanImages.AddRange(first, second);
            await db.SaveChangesAsync();
            return plan.Id;
        });

        await m.WithDbAsync(async db =>
        {
            db.Measures.Remove(await db.Measures.SingleAsync(x => x.PlanId == planId && x.Key == 2));
            db.PlanImages.Remove(await db.PlanImages.SingleAsync(x => x.PlanId == planId && x.Number == 2));
            return 0;
        });
        await m.WithDbAsync(async db =>
        {
            var field = await db.FieldsOfAction.SingleAsync(f => f.PlanId == planId);
            db.Measures.Add(new Measure { PlanId = planId, FieldOfActionId = field.Id, Number = "1.3", Title = "C" });
            // An imported key above the counter moves it on.
            db.Measures.Add(new Measure { PlanId = planId, FieldOfActionId = field.Id, Number = "1.4", Title = "D", Key = 10 });
            var image = Image();
            image.PlanId = planId;
            db.PlanImages.Add(image);
            return 0;
        });
        await m.WithDbAsync(async db =>
        {
            var field = await db.FieldsOfAction.SingleAsync(f => f.PlanId == planId);
            db.Measures.Add(new Measure { PlanId = planId, FieldOfActionId = field.Id, Number = "1.5", Title = "E" });
            return 0;
        });

        var keys = await m.WithDbAsync(db => db.Measures.Where(x => x.PlanId == planId).OrderBy(x => x.Number).Select(x => x.Key).ToListAsync());
        var numbers = await m.WithDbAsync(db => db.PlanImages.Where(x => x.PlanId == planId).OrderBy(x => x.Number).Select(x => x.Number).ToListAsync());
        var counters = await m.WithDbAsync(db => db.Plans.Where(p => p.Id == planId).Select(p => new { p.LastMeasureKey, p.LastImageNumber }).SingleAsync());
        Assert.Equal([1, 11, 10, 12], keys); // 1.3 came in the save that gave 10, so after it
        Assert.Equal([1, 3], numbers);
        Assert.Equal((12, 3), (counters.LastMeasureKey, counters.LastImageNumber));
    }
}

public sealed class PlanKeySqliteTests(SqliteApp app) : PlanKeyTests(app), IClassFixture<SqliteApp>;

public sealed class PlanKeyPostgresTests(PostgresApp app) : PlanKeyTests(app), IClassFixture<PostgresApp>;
