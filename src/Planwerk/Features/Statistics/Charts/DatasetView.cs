using System.Globalization;

namespace Planwerk.Features.Statistics.Charts;

/// <summary>Whether a cell of a dataset's table holds a figure, a figure known to be missing (with a note), or nothing at
/// all (a gap: the period lies between the first and the last observation but has none).</summary>
public enum CellState
{
    Value,
    KnownMissing,
    Gap,
}

/// <summary>One cell of a dataset's table: a period and a category (or the dataset's only series).</summary>
public readonly record struct StatisticsCell(decimal? Value, string Note, CellState State)
{
    public static readonly StatisticsCell Empty = new(null, "", CellState.Gap);
}

/// <summary>A dataset as a table: periods as rows (every year between the first and the last observation for yearly
/// figures, every observed day for daily ones), categories as columns in their order, and one cell for each. The chart,
/// the page's table, the text summary, the downloads and the API all read this one shape, so they show the same figures.</summary>
public sealed class DatasetView
{
    public DatasetView(string title, string unit, StatisticsPeriodKind periodKind, string categoryLabel, StatisticsChartKind chartKind,
        IReadOnlyList<string> categories, IReadOnlyList<DateOnly> periods, StatisticsCell[,] cells)
    {
        (Title, Unit, PeriodKind, CategoryLabel, ChartKind, Categories, Periods, Cells) = (title, unit, periodKind, categoryLabel, chartKind, categories, periods, cells);
        if (cells.GetLength(0) != periods.Count || cells.GetLength(1) != SeriesCount)
            throw new ArgumentException("The cells do not match the periods and categories.", nameof(cells));
    }

    public string Title { get; }
    public string Unit { get; }
    public StatisticsPeriodKind PeriodKind { get; }
    public string CategoryLabel { get; }
    public StatisticsChartKind ChartKind { get; }
    /// <summary>The categories' names in their order; empty when the dataset has none.</summary>
    public IReadOnlyList<string> Categories { get; }
    public IReadOnlyList<DateOnly> Periods { get; }
    /// <summary>[period, series]; a dataset without categories has one series.</summary>
    public StatisticsCell[,] Cells { get; }

    public bool HasCategories => Categories.Count > 0;
    public int SeriesCount => Math.Max(1, Categories.Count);

    public StatisticsCell this[int period, int series] => Cells[period, series];

    /// <summary>Builds the table from a dataset's categories (any order; sorted by position) and observations. Observations
    /// of a category not listed are left out; so are observations without a category where the dataset has categories.</summary>
    public static DatasetView From(StatisticsDataset dataset, IEnumerable<StatisticsCategory> categories, IEnumerable<StatisticsObservation> observations)
    {
        var ordered = categories.OrderBy(c => c.Position).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();
        var column = ordered.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var shown = observations.Where(o => ordered.Count == 0 ? o.CategoryId is null : o.CategoryId is int id && column.ContainsKey(id)).ToList();
        List<DateOnly> periods;
        if (shown.Count == 0) periods = [];
        else if (dataset.PeriodKind == StatisticsPeriodKind.Year)
        {
            var first = shown.Min(o => o.Period.Year);
            var last = shown.Max(o => o.Period.Year);
            periods = Enumerable.Range(first, last - first + 1).Select(y => new DateOnly(y, 1, 1)).ToList();
        }
        else periods = shown.Select(o => o.Period).Distinct().Order().ToList();
        var row = periods.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i);
        var cells = new StatisticsCell[periods.Count, Math.Max(1, ordered.Count)];
        for (var r = 0; r < cells.GetLength(0); r++)
            for (var c = 0; c < cells.GetLength(1); c++) cells[r, c] = StatisticsCell.Empty;
        foreach (var o in shown)
        {
            var period = dataset.PeriodKind == StatisticsPeriodKind.Year ? new DateOnly(o.Period.Year, 1, 1) : o.Period;
            var c = o.CategoryId is int id ? column[id] : 0;
            cells[row[period], c] = new StatisticsCell(o.Value, o.Note, o.Value is null ? CellState.KnownMissing : CellState.Value);
        }
        return new DatasetView(dataset.Title, dataset.Unit, dataset.PeriodKind, dataset.CategoryLabel, dataset.ChartKind, ordered.Select(c => c.Name).ToList(), periods, cells);
    }

    /// <summary>"2015" for a year, "30.06.2019" for a day (in English "30 June 2019").</summary>
    public string PeriodLabel(int period) => PeriodLabel(Periods[period]);

    public string PeriodLabel(DateOnly period) => PeriodKind == StatisticsPeriodKind.Year
        ? period.Year.ToString(CultureInfo.InvariantCulture)
        : Infrastructure.Time.BerlinTime.Date(period);

    /// <summary>The period as machine-readable text: "2015" or "2019-06-30".</summary>
    public string PeriodCode(int period) => PeriodKind == StatisticsPeriodKind.Year
        ? Periods[period].Year.ToString(CultureInfo.InvariantCulture)
        : Periods[period].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string SeriesName(int series) => HasCategories ? Categories[series] : Title;

    /// <summary>A figure in the interface's number format: "4.178" and "12,5" in German, "4,178" and "12.5" in English.</summary>
    public static string Number(decimal value, CultureInfo? culture = null) =>
        value.ToString("#,##0.####", culture ?? CultureInfo.CurrentCulture);

    /// <summary>A figure with the dataset's unit: "4.178 Personen", "12,5 %".</summary>
    public string Figure(decimal value, CultureInfo? culture = null) => Unit.Length == 0 ? Number(value, culture) : Number(value, culture) + " " + Unit;
}
