using System.Text;
using Microsoft.EntityFrameworkCore;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Sections;
using Planwerk.Features.Plans.Transfer;
using Planwerk.Tests.Infrastructure;
using Planwerk.Tests.Features.Implementation;

namespace Planwerk.Tests.Features.Plans.Transfer;

/// <summary>Plans for the import and export tests, made directly in the database.</summary>
public static class TransferData
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Text that spreadsheets and CSV readers get wrong: formulas, quotes, separators, line breaks.</summary>
    public static class Tricky
    {
        public const string Formula = "=HYPERLINK(\"http://example.org\";\"klick\")";
        public const string Plus = "+49 351 4880";
        public const string Minus = "-5 Plätze";
        public const string At = "@SUMME(A1:A9)";
        public const string TabFirst = "\tmit Tabulator vorn";
        public const string Quoted = "'=schon mit Apostroph";
        public const string DoubleQuoted = "''=zwei Apostrophe";
        public const string Apostrophe = "'nur ein Apostroph";
        public const string Separators = "Partner; mit; Semikolons, Kommas und \"Anführungszeichen\"";
        public const string LineBreaks = "Zeile 1\r\nZeile 2\nZeile 3\r\n\r\n- Punkt";
        public const string Spaces = "  Leerzeichen vorn und hinten  ";
        public const string EscapeLookalike = "_x000D_ ist kein Zeilenumbruch";
    }

    /// <summary>A plan with every kind of value in every field a measure table or plan document carries.</summary>
    public static async Task<int> HostilePlanAsync(TestMunicipality m)
    {
        return await m.WithDbAsync(async db =>
        {
            var districts = new[]
            {
                new District { Name = "Altstadt", Kind = DistrictKind.District },
                new District { Name = HostileText.Script, Kind = DistrictKind.District },
                new District { Name = HostileText.RightToLeft, Kind = DistrictKind.Locality },
                new District { Name = "Dorf \"Nord\", am Fluss", Kind = DistrictKind.Locality },
                new District { Name = "Unbenutzt", Kind = DistrictKind.District },
            };
            db.Districts.AddRange(districts);
            var plan = new Plan
            {
                Title = HostileText.Script + " " + HostileText.RightToLeft,
                PeriodStart = 2019,
                PeriodEnd = 2022,
                State = PlanState.InImplementation,
                Summary = HostileText.VeryLong + "\r\n" + HostileText.Markup + "\n" + Tricky.Formula,
                IsPublic = true,
                IsExample = true,
                UpdatedAt = Now,
            };
            var principles = new[]
            {
                new Principle { Plan = plan, Position = 1, Title = Tricky.Formula + " " + HostileText.Script, Description = Tricky.LineBreaks },
                new Principle { Plan = plan, Position = 2, Title = HostileText.RightToLeft, Description = Tricky.Separators },
                new Principle { Plan = plan, Position = 3, Title = Tricky.At, Description = "" },
            };
            var fields = new[]
            {
                // Reordered by an editor but not renumbered yet: the order (position) is 3, 1, 2.
                new FieldOfAction { Plan = plan, Position = 2, Number = 1, Title = Tricky.Minus + " " + HostileText.Script, Description = HostileText.Markup },
                new FieldOfAction { Plan = plan, Position = 3, Number = 2, Title = HostileText.RightToLeft, Description = "" },
                new FieldOfAction { Plan = plan, Position = 1, Number = 3, Title = Tricky.Separators, Description = Tricky.LineBreaks },
            };
            db.Plans.Add(plan);
            db.Principles.AddRange(principles);
            db.FieldsOfAction.AddRange(fields);
            await plan.KnowRegistryAsync(db);
            // Organisations' names travel as names: hostile and formula-like ones among them (a name holds no
            // semicolon or line break, which separate partners, and no blanks around it, which the import trims).
            var organisations = new[]
            {
                HostileText.Script, Tricky.Plus, Tricky.Minus, Tricky.At, Tricky.Quoted, Tricky.DoubleQuoted, Tricky.Apostrophe,
                HostileText.RightToLeft, HostileText.Markup, Tricky.EscapeLookalike,
            };

            var texts = new[]
            {
                HostileText.Script, Tricky.Formula, Tricky.Plus, Tricky.Minus, Tricky.At, Tricky.TabFirst, Tricky.Quoted,
                Tricky.DoubleQuoted, Tricky.Apostrophe, Tricky.Separators, Tricky.Spaces, HostileText.RightToLeft, HostileText.Markup,
                Tricky.EscapeLookalike,
            };
            // Numbers out of their position order ("1.10" second), to show the order is the position, not the number.
            var numbers = new[] { "1.1", "1.10", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "3.1", "3.1.1", "3.2", "3.3", "3.4" };
            for (var i = 0; i < numbers.Length; i++)
            {
                var field = fields[int.Parse(numbers[i][..1], System.Globalization.CultureInfo.InvariantCulture) - 1];
                var text = texts[i % texts.Length];
                var status = (MeasureStatus)(i % 5);
                var measure = new Measure
                {
                    Plan = plan,
                    FieldOfAction = field,
                    Position = i + 1,
                    // Keys with gaps and out of number order, as after deletions and moves: they must travel as they are.
                    Key = 40 - 2 * i,
                    Number = numbers[i],
                    Title = text + (i % 3 == 0 ? " " + HostileText.RightToLeft : ""),
                    Goal = i % 2 == 0 ? Tricky.LineBreaks + " " + text : text,
                    Description = i == 0 ? HostileText.VeryLong : text + "\n\n" + Tricky.Separators,
                    TargetGroups = texts[(i + 1) % texts.Length],
                    Funding = texts[(i + 4) % texts.Length],
                    StartDate = i % 4 == 0 ? null : new DateOnly(2019, 1 + i % 12, 1 + i),
                    EndDate = i % 4 == 1 ? null : new DateOnly(2023, 1 + i % 12, 28),
                    EstimatedCost = (i % 5) switch { 0 => null, 1 => 1_250_000.5m, 2 => 0.01m, 3 => 999_999_999_999.99m, _ => 60_000m },
                    Priority = (MeasurePriority)(i % 3),
                    Status = status,
                    Progress = status == MeasureStatus.Completed ? 100 : i * 7 % 100,
                    // Weights of every kind: the default, none, a fraction, the largest.
                    Weight = (i % 5) switch { 0 => 1m, 1 => 0m, 2 => 2.5m, 3 => 0.25m, _ => 1000m },
                    IsExample = i % 2 == 1,
                    UpdatedAt = Now,
                    Districts = i % 3 == 2 ? [] : districts.Where((_, k) => (k + i) % 2 == 0 && k < 4).ToList(),
                    Principles = i % 4 == 3 ? [] : principles.Where((_, k) => (k + i) % 3 != 0).ToList(),
                };
                measure.CarriedBy(i % 5 == 4 ? null : organisations[i % organisations.Length],
                    i % 4 == 2 ? [] : [organisations[(i + 3) % organisations.Length], organisations[(i + 1) % organisations.Length]]);
                db.Measures.Add(measure);
            }
            // Sections with hostile titles and bodies that show the plan's images; images numbered with a gap.
            db.PlanSections.AddRange(
                new PlanSection { Plan = plan, Position = 1, Title = HostileText.Script + " Vorwort", Body = Tricky.LineBreaks + "\n\n![" + HostileText.Markup + "](image:5)\n\n" + HostileText.VeryLong },
                new PlanSection { Plan = plan, Position = 2, Title = HostileText.RightToLeft, Body = "Ohne Bild: " + Tricky.Formula + " " + Tricky.Separators },
                new PlanSection { Plan = plan, Position = 3, Title = Tricky.Spaces, Body = "![Karte](image:2) " + HostileText.Markup });
            db.PlanImages.AddRange(
                new PlanImage { Plan = plan, Number = 2, FileName = HostileText.Script + ".png", ContentType = "image/png", Bytes = Png, AltText = HostileText.RightToLeft + " " + HostileText.Script, CreatedAt = Now },
                new PlanImage { Plan = plan, Number = 5, FileName = "karte \"alt\".gif", ContentType = "image/gif", Bytes = Gif, AltText = HostileText.Markup + " " + Tricky.Formula, CreatedAt = Now });
            await db.SaveChangesAsync();
            return plan.Id;
        });
    }

    /// <summary>The first bytes of a PNG and of a GIF: enough for the content check, and distinct bytes to compare.</summary>
    public static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 1, 2, 3];

    public static readonly byte[] Gif = [.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0x3B];

    /// <summary>An empty plan with the same principles (positions and titles) as <paramref name="planId"/>.</summary>
    public static Task<int> EmptyPlanWithPrinciplesOfAsync(TestMunicipality m, int planId) => m.WithDbAsync(async db =>
    {
        var principles = await db.Principles.AsNoTracking().Where(p => p.PlanId == planId).ToListAsync();
        var plan = new Plan { Title = "Leerer Plan", UpdatedAt = Now };
        db.Plans.Add(plan);
        db.Principles.AddRange(principles.Select(p => new Principle { Plan = plan, Position = p.Position, Title = p.Title, Description = p.Description }));
        await db.SaveChangesAsync();
        return plan.Id;
    });

    /// <summary>A small plan for the error tests: field 1 "Sprache" with measure 1.1, principles 1 and 2,
    /// districts Altstadt and Neustadt.</summary>
    public static Task<SmallPlan> SmallPlanAsync(TestMunicipality m) => m.WithDbAsync(async db =>
    {
        if (!await db.Districts.AnyAsync()) db.Districts.AddRange(new District { Name = "Altstadt" }, new District { Name = "Neustadt" });
        var plan = new Plan { Title = "Kleiner Plan", UpdatedAt = Now };
        var field = new FieldOfAction { Plan = plan, Number = 1, Title = "Sprache" };
        var measure = new Measure { Plan = plan, FieldOfAction = field, Position = 1, Number = "1.1", Title = "Sprachcafé", UpdatedAt = Now };
        db.Plans.Add(plan);
        db.FieldsOfAction.Add(field);
        db.Principles.AddRange(new Principle { Plan = plan, Position = 1, Title = "Eins" }, new Principle { Plan = plan, Position = 2, Title = "Zwei" });
        db.Measures.Add(measure);
        await db.SaveChangesAsync();
        return new SmallPlan(plan.Id, field.Id, measure.Id, measure.Key);
    });

    public sealed record SmallPlan(int PlanId, int FieldId, int MeasureId, int MeasureKey);

    /// <summary>CSV text from lines (";" separated), as UTF-8 bytes.</summary>
    public static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");

    public static Task<MeasureImportResult> ImportAsync(TestMunicipality m, int planId, byte[] content) =>
        m.WithDbAsync(db => MeasureImport.ImportAsync(db, planId, content, Now));

    public static Task<PlanDocument> DocumentAsync(TestMunicipality m, int planId) =>
        m.WithDbAsync(async db => (await PlanDocument.LoadAsync(db, planId))!);

    public static Task<int> CountMeasuresAsync(TestMunicipality m, int planId) =>
        m.WithDbAsync(db => db.Measures.CountAsync(x => x.PlanId == planId));
}
