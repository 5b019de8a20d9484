using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Planwerk.Data;

namespace Planwerk.Features.Implementation.Indicators;

/// <summary>A dataset of the municipality an indicator may read, with its categories in order.</summary>
public sealed record SeriesChoice(int DatasetId, string Title, bool IsPublic, IReadOnlyList<SeriesCategory> Categories);

public sealed record SeriesCategory(int Id, string Name);

/// <summary>Where an indicator's values come from, as the edit page's form holds it: no dataset (the plan team types the
/// values), or a dataset of the municipality and one of its categories, or its figures without category.</summary>
public sealed class IndicatorSeriesInput
{
    public int? DatasetId { get; set; }
    public int? CategoryId { get; set; }
    public int Version { get; set; }

    public static IndicatorSeriesInput From(Indicator i) => new() { DatasetId = i.DatasetId, CategoryId = i.DatasetCategoryId, Version = i.Version };

    /// <summary>The municipality's datasets, public and drafts, by title (one query; the tenant filter keeps out others').</summary>
    public static async Task<List<SeriesChoice>> ChoicesAsync(PlanwerkDbContext db, CancellationToken ct) =>
        (await db.StatisticsDatasets.AsNoTracking().OrderBy(d => d.Title).ThenBy(d => d.Id)
            .Select(d => new { d.Id, d.Title, d.IsPublic, Categories = d.Categories.OrderBy(c => c.Position).ThenBy(c => c.Id).Select(c => new SeriesCategory(c.Id, c.Name)).ToList() })
            .ToListAsync(ct))
        .Select(d => new SeriesChoice(d.Id, d.Title, d.IsPublic, d.Categories)).ToList();

    /// <summary>Adds a message at the field that is wrong: a dataset that is not one of <paramref name="choices"/> (gone, or
    /// another municipality's), a category without a dataset, or a category of another dataset.</summary>
    public void Validate(ModelStateDictionary state, string prefix, IStringLocalizer l, IReadOnlyList<SeriesChoice> choices)
    {
        var dataset = DatasetId is int id ? choices.FirstOrDefault(c => c.DatasetId == id) : null;
        if (DatasetId is not null && dataset is null)
            state.AddModelError(prefix + nameof(DatasetId), l["Diesen Datensatz gibt es nicht (mehr). Bitte wählen Sie neu."]);
        else if (CategoryId is int category)
        {
            if (dataset is null)
                state.AddModelError(prefix + nameof(CategoryId), l["Eine Kategorie gehört zu einem Datensatz: Bitte wählen Sie auch den Datensatz, oder „ohne Kategorie“."]);
            else if (dataset.Categories.All(c => c.Id != category))
                state.AddModelError(prefix + nameof(CategoryId), l["Diese Kategorie gehört nicht zum Datensatz „{0}“. Bitte wählen Sie eine seiner Kategorien oder „ohne Kategorie“.", dataset.Title]);
        }
    }

    public void ApplyTo(Indicator i) => (i.DatasetId, i.DatasetCategoryId) = DatasetId is null ? (null, null) : (DatasetId, CategoryId);

    /// <summary>"Datensatz „…“, Kategorie „…“", "Datensatz „…“, ohne Kategorie" or "von Hand eingetragen", for the conflict view.</summary>
    public static string Describe(int? datasetId, int? categoryId, IReadOnlyList<SeriesChoice> choices, IStringLocalizer l)
    {
        if (datasetId is not int id) return l["von Hand eingetragen"];
        var dataset = choices.FirstOrDefault(c => c.DatasetId == id);
        var category = categoryId is int c ? dataset?.Categories.FirstOrDefault(x => x.Id == c)?.Name : null;
        return category is null
            ? l["Datensatz „{0}“, ohne Kategorie", dataset?.Title ?? "#" + id]
            : l["Datensatz „{0}“, Kategorie „{1}“", dataset!.Title, category];
    }
}
