using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Planwerk.Features.Statistics.Charts;

/// <summary>The chart's content in sentences, written from the numbers: the first and the last figure, the highest and
/// the lowest (or, with categories, the totals and the largest category), and which periods have no figure. It is the
/// chart's description for screen readers and stands as text beside it.</summary>
public static class StatisticsSummary
{
    /// <summary>At most this many missing figures are named one by one.</summary>
    public const int MaxNamedGaps = 6;

    public static string Write(DatasetView view, IStringLocalizer? l = null, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentCulture;
        string T(string german) => l?[german].Value ?? german;
        string F(string german, params object[] args) => string.Format(culture, T(german), args);
        if (view.Periods.Count == 0) return T("Es liegen noch keine Zahlen vor.");
        var sentences = new List<string>();
        var n = view.Periods.Count;
        if (!view.HasCategories)
        {
            var known = Enumerable.Range(0, n).Where(p => view[p, 0].Value is not null).ToList();
            if (known.Count > 0)
            {
                var first = known[0];
                var last = known[^1];
                sentences.Add(first == last
                    ? F("{0}: {1}.", view.PeriodLabel(first), view.Figure(view[first, 0].Value!.Value, culture))
                    : F("{0}: {1}; {2}: {3}.", view.PeriodLabel(first), view.Figure(view[first, 0].Value!.Value, culture), view.PeriodLabel(last), view.Figure(view[last, 0].Value!.Value, culture)));
                if (known.Count > 2)
                {
                    var highest = known.MaxBy(p => view[p, 0].Value!.Value);
                    var lowest = known.MinBy(p => view[p, 0].Value!.Value);
                    sentences.Add(F("Der höchste Wert: {0} ({1}), der niedrigste: {2} ({3}).",
                        view.Figure(view[highest, 0].Value!.Value, culture), view.PeriodLabel(highest), view.Figure(view[lowest, 0].Value!.Value, culture), view.PeriodLabel(lowest)));
                }
            }
            var missing = Enumerable.Range(0, n).Where(p => view[p, 0].Value is null).Select(view.PeriodLabel).ToList();
            if (missing.Count == 1) sentences.Add(F("Für {0} liegt keine Zahl vor.", missing[0]));
            else if (missing.Count > 1) sentences.Add(F("Für {0} liegen keine Zahlen vor.", List(missing, T)));
        }
        else
        {
            var complete = Enumerable.Range(0, n).Where(p => Enumerable.Range(0, view.SeriesCount).Any(s => view[p, s].Value is not null)).ToList();
            if (complete.Count > 0)
            {
                decimal Total(int p) => Enumerable.Range(0, view.SeriesCount).Sum(s => view[p, s].Value ?? 0);
                var first = complete[0];
                var last = complete[^1];
                sentences.Add(first == last
                    ? F("{0}: zusammen {1}.", view.PeriodLabel(first), view.Figure(Total(first), culture))
                    : F("{0}: zusammen {1}; {2}: zusammen {3}.", view.PeriodLabel(first), view.Figure(Total(first), culture), view.PeriodLabel(last), view.Figure(Total(last), culture)));
                var largest = Enumerable.Range(0, view.SeriesCount).Where(s => view[last, s].Value is not null).MaxBy(s => view[last, s].Value!.Value);
                sentences.Add(F("Der größte Teil {0}: {1} ({2}).", view.PeriodLabel(last), view.Categories[largest], view.Figure(view[last, largest].Value!.Value, culture)));
            }
            var missing = new List<string>();
            for (var p = 0; p < n; p++)
                for (var s = 0; s < view.SeriesCount; s++)
                    if (view[p, s].Value is null) missing.Add(view.Categories[s] + " " + view.PeriodLabel(p));
            if (missing.Count > 0)
            {
                var named = missing.Take(MaxNamedGaps).ToList();
                if (missing.Count > MaxNamedGaps) named.Add(F("{0} weitere", missing.Count - MaxNamedGaps));
                sentences.Add(F("Keine Zahl liegt vor für: {0}.", List(named, T)));
            }
        }
        return string.Join(" ", sentences);
    }

    private static string List(List<string> items, Func<string, string> t) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " " + t("und") + " " + items[^1];
}
