using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Localization;
using Planwerk.Data;
using Planwerk.Features.Statistics.Charts;
using Planwerk.Infrastructure;
using Planwerk.Infrastructure.Localization;

namespace Planwerk.Features.Statistics.PublicPages;

/// <summary>A public dataset's page: what it counts, its source and licence, the chart with its caption, the text summary,
/// the table of the same numbers and the notes on missing figures. A draft or another municipality's dataset is not
/// found. Three queries whatever the number of figures.</summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicPageCache.PolicyName)]
public sealed class StatisticsDatasetModel(PlanwerkDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public StatisticsDataset Dataset { get; private set; } = null!;
    public DatasetView View { get; private set; } = null!;
    public ChartLayout Chart { get; private set; } = null!;
    public string ChartSvg { get; private set; } = "";

    /// <summary>The missing figures: period, category (or empty) and the note.</summary>
    public IReadOnlyList<(string Period, string Category, string Note)> Missing { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        var found = await PublicDatasets.FindAsync(db, code, ct);
        if (found is null) return NotFound();
        (Dataset, View) = (found.Dataset, found.View);
        Chart = StatisticsChart.Layout(View, l, CultureInfo.CurrentCulture);
        ChartSvg = Charts.ChartSvg.Render(Chart, "dataset-chart");
        var missing = new List<(string, string, string)>();
        for (var p = 0; p < View.Periods.Count; p++)
            for (var s = 0; s < View.SeriesCount; s++)
                if (View[p, s].Value is null)
                    missing.Add((View.PeriodLabel(p), View.HasCategories ? View.Categories[s] : "", View[p, s].Note));
        Missing = missing;
        return Page();
    }
}
