using System.Text.RegularExpressions;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Sections;
using Planwerk.Tests.Infrastructure;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using Planwerk.Tests.Features.Implementation;

namespace Planwerk.Tests.Features.Plans.Print;

/// <summary>A plan made for one print test: its ids and titles in plan order.</summary>
public sealed record SeededPlan(int PlanId, string Title, IReadOnlyList<SeededField> Fields)
{
    public IEnumerable<SeededMeasure> Measures => Fields.SelectMany(f => f.Measures);
}

public sealed record SeededField(int Id, int Number, string Title, IReadOnlyList<SeededMeasure> Measures);

public sealed record SeededMeasure(int Id, string Number, string Title);

/// <summary>A narrative section to seed, in plan order.</summary>
public sealed record SeedSection(string Title, string Body);

/// <summary>A plan image to seed, referred to from sections as <c>![alt](image:Number)</c>.</summary>
public sealed record SeedImage(int Number, string ContentType, string AltText, byte[] Bytes);

public static partial class PrintPlans
{
    /// <summary>A valid 8×8 red PNG (RGB, 8 bits per channel).</summary>
    public static readonly byte[] Png =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x08, 0x00, 0x00,
        0x00, 0x08, 0x08, 0x02, 0x00, 0x00, 0x00, 0x4B, 0x6D, 0x29, 0xDC, 0x00, 0x00, 0x00, 0x11, 0x49, 0x44, 0x41, 0x54, 0x78, 0xDA, 0x63,
        0x38, 0xA1, 0xA1, 0x81, 0x15, 0x31, 0x0C, 0x2D, 0x09, 0x00, 0x82, 0x5D, 0x46, 0x01, 0x17, 0x62, 0x89, 0x75, 0x00, 0x00, 0x00, 0x00,
        0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];

    /// <summary>A valid PNG 2 pixels wide and 40 high: at the text width it would be taller than a page.</summary>
    public static readonly byte[] TallPng =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00,
        0x00, 0x28, 0x08, 0x02, 0x00, 0x00, 0x00, 0x5B, 0xE3, 0xBC, 0x23, 0x00, 0x00, 0x00, 0x12, 0x49, 0x44, 0x41, 0x54, 0x78, 0xDA, 0x63,
        0x10, 0x89, 0x5A, 0x00, 0x44, 0x0C, 0xA3, 0x14, 0x2A, 0x05, 0x00, 0xFC, 0x7B, 0x54, 0x61, 0x89, 0x3F, 0xF6, 0xC4, 0x00, 0x00, 0x00,
        0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];

    /// <summary>A valid baseline JPEG, 16×8 pixels in three colour components of one flat colour (written
    /// by hand). PDFsharp refused a greyscale (one-component) JPEG made the same way.</summary>
    public static readonly byte[] Jpeg =
    [
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xFF, 0xDB,
        0x00, 0x43, 0x00, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
        0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
        0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01, 0x01,
        0x01, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x08, 0x00, 0x10, 0x03, 0x01, 0x11, 0x00, 0x02, 0x11, 0x00, 0x03, 0x11, 0x00, 0xFF, 0xC4,
        0x00, 0x14, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xC4,
        0x00, 0x14, 0x10, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xDA,
        0x00, 0x0C, 0x03, 0x01, 0x00, 0x02, 0x00, 0x03, 0x00, 0x00, 0x3F, 0x00, 0x00, 0x0F, 0xFF, 0xD9,
    ];

    /// <summary>A valid 1×1 GIF, which PDFsharp cannot draw.</summary>
    public static readonly byte[] Gif =
    [
        0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x21, 0xF9, 0x04,
        0x01, 0x00, 0x00, 0x00, 0x00, 0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B,
    ];

    /// <summary>Adds a plan with two principles, <paramref name="fieldCount"/> fields and
    /// <paramref name="measureCount"/> measures spread over them (numbered "field.position"), with
    /// districts and principles on some measures, and the given narrative sections and images.
    /// <paramref name="customize"/> may change texts before saving.</summary>
    public static Task<SeededPlan> SeedAsync(
        TestMunicipality m, int fieldCount, int measureCount, string title = "Fachplan Teilhabe 2030", bool isPublic = true,
        Action<Plan, IReadOnlyList<FieldOfAction>, IReadOnlyList<Measure>>? customize = null,
        IReadOnlyList<SeedSection>? sections = null, IReadOnlyList<SeedImage>? images = null) =>
        m.WithDbAsync(async db =>
        {
            var plan = new Plan
            {
                Title = title, PeriodStart = 2024, PeriodEnd = 2030, State = PlanState.Adopted, IsPublic = isPublic,
                Summary = "Der Plan **bündelt** die Vorhaben der Stadt.\n\n- erstens\n- zweitens", UpdatedAt = new DateTimeOffset(2024, 5, 17, 10, 0, 0, TimeSpan.Zero),
            };
            await plan.KnowRegistryAsync(db);
            var principles = new List<Principle>
            {
                new() { Plan = plan, Position = 1, Title = "Teilhabe von Anfang an", Description = "Alle wirken mit." },
                new() { Plan = plan, Position = 2, Title = "Zusammenhalt in den Stadtteilen", Description = "Nachbarschaft zählt." },
            };
            var suffix = Guid.NewGuid().ToString("N")[..6];
            var districts = new List<District> { new() { Name = "Altstadt " + suffix }, new() { Name = "Neustadt " + suffix, Kind = DistrictKind.Locality } };
            var fields = Enumerable.Range(1, fieldCount)
                .Select(n => new FieldOfAction { Plan = plan, Number = n, Title = $"Handlungsfeld Nummer {n}", Description = $"Beschreibung des Handlungsfelds {n}." })
                .ToList();
            var measures = new List<Measure>();
            for (var i = 0; i < measureCount; i++)
            {
                var field = fields[i % fieldCount];
                var position = field.Measures.Count + 1;
                var measure = new Measure
                {
                    Plan = plan, FieldOfAction = field, Position = position, Number = $"{field.Number}.{position}",
                    Title = $"Vorhaben {field.Number}-{position} für gute Übergänge",
                    Goal = "Mehr Menschen finden Arbeit.",
                    Description = $"Das Vorhaben {field.Number}-{position} verbindet Beratung und Praxis.",
                    TargetGroups = "Zugewanderte",
                    StartDate = new DateOnly(2024, 1, 1), EndDate = new DateOnly(2026, 12, 31), EstimatedCost = 12500m,
                    Funding = "Landesmittel", Priority = MeasurePriority.High, Status = MeasureStatus.InProgress, Progress = 40,
                    IsExample = i % 2 == 0, UpdatedAt = new DateTimeOffset(2024, 6, 1, 8, 0, 0, TimeSpan.Zero),
                    Principles = [principles[i % 2]],
                    Districts = i % 3 == 0 ? [districts[0], districts[1]] : [],
                };
                measure.CarriedBy("Sozialamt", "Jobcenter");
                field.Measures.Add(measure);
                measures.Add(measure);
            }
            customize?.Invoke(plan, fields, measures);
            db.Plans.Add(plan);
            db.Principles.AddRange(principles);
            db.Districts.AddRange(districts);
            db.FieldsOfAction.AddRange(fields);
            db.Measures.AddRange(measures);
            db.PlanSections.AddRange((sections ?? []).Select((x, i) => new PlanSection { Plan = plan, Position = i + 1, Title = x.Title, Body = x.Body }));
            db.PlanImages.AddRange((images ?? []).Select(x => new PlanImage
            {
                Plan = plan, Number = x.Number, FileName = $"bild-{x.Number}", ContentType = x.ContentType, AltText = x.AltText, Bytes = x.Bytes,
            }));
            await db.SaveChangesAsync();
            return new SeededPlan(plan.Id, plan.Title, fields
                .Select(f => new SeededField(f.Id, f.Number, f.Title, f.Measures.OrderBy(x => x.Position).Select(x => new SeededMeasure(x.Id, x.Number, x.Title)).ToList()))
                .ToList());
        });

    public static string DocumentUrl(this TestMunicipality m, SeededPlan plan) => $"/{m.Slug}/plans/{plan.PlanId}/document";

    public static string PdfUrl(this TestMunicipality m, SeededPlan plan) => $"/{m.Slug}/plans/{plan.PlanId}/document.pdf";

    /// <summary>White space collapsed to single spaces, for comparing text read back from a PDF.</summary>
    public static string Normalize(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}

/// <summary>The text of a PDF as PdfPig reads it back: per page, words joined by single spaces.</summary>
public sealed class PdfText
{
    private PdfText(IReadOnlyList<string> pages, string content, IReadOnlySet<string> fonts, IReadOnlyList<IReadOnlyList<PdfRectangle>> images)
    {
        Pages = pages;
        Content = content;
        Fonts = fonts;
        Images = images;
    }

    /// <summary>Per page, where its images are drawn (PDF points, y upwards).</summary>
    public IReadOnlyList<IReadOnlyList<PdfRectangle>> Images { get; }

    /// <summary>The names of the fonts the text is set in.</summary>
    public IReadOnlySet<string> Fonts { get; }

    public IReadOnlyList<string> Pages { get; }

    /// <summary>The text of all pages without their running header and footer, so text that runs
    /// from one page onto the next reads on.</summary>
    public string Content { get; }

    public int PageCount => Pages.Count;

    public string All => string.Join(" ", Pages);


    public static PdfText Read(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        var pages = new List<string>();
        var content = new List<string>();
        var fonts = new HashSet<string>(StringComparer.Ordinal);
        var images = new List<IReadOnlyList<PdfRectangle>>();
        foreach (var page in pdf.GetPages())
        {
            images.Add(page.GetImages().Select(i => i.BoundingBox).ToList());
            fonts.UnionWith(page.Letters.Select(l => l.FontName ?? "(none)"));
            var words = page.GetWords().ToList();
            pages.Add(PrintPlans.Normalize(string.Join(" ", words.Select(w => w.Text))));
            // Header and footer sit in the top and bottom margins (PDF y runs upwards from the bottom).
            content.Add(PrintPlans.Normalize(string.Join(" ", words.Where(w => w.BoundingBox.Bottom > 60 && w.BoundingBox.Top < page.Height - 50).Select(w => w.Text))));
        }
        Assert.Equal(pdf.NumberOfPages, pages.Count);
        return new PdfText(pages, string.Join(" ", content), fonts, images);
    }

    public static async Task<(PdfText Text, HttpResponseMessage Response)> FetchAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.IsSuccessStatusCode, $"GET {url} answered {(int)response.StatusCode}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        return (Read(await response.Content.ReadAsByteArrayAsync()), response);
    }
}
