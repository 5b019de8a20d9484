using System.ComponentModel;
using System.Globalization;
using Planwerk.Features.Statistics.Charts;
using Planwerk.Features.Statistics.PublicPages;

namespace Planwerk.Features.Statistics.OpenData;

/// <summary>A public dataset as the JSON download and the API give it: its metadata and every cell of its table.</summary>
public static class StatisticsDocument
{
    [Description("Where the figures come from.")]
    public sealed record SourceDto(string Name, string Url);

    [Description("The licence, by its code and URI in the German licence vocabulary (http://dcat-ap.de/def/licenses/).")]
    public sealed record LicenceDto(string Code, string Name, string Uri);

    public sealed record DatasetSummaryDto(string Code, string Title, string Description, string Unit, SourceDto Source, LicenceDto? Licence, string Publisher,
        IReadOnlyList<string> Keywords,
        [property: Description("The first day the dataset covers (ISO 8601), or null.")] string? CoversFrom,
        [property: Description("The last day the dataset covers (ISO 8601), or null.")] string? CoversTo,
        [property: Description("Unknown, Annual, Semiannual, Quarterly, Monthly, Irregular or Never (no more updates).")] string Frequency,
        [property: Description("Year: periods are years (\"2015\"); Day: periods are days (\"2019-06-30\").")] string PeriodKind,
        [property: Description("What the categories are (\"Ortsamt\"); empty when the dataset has none.")] string CategoryLabel,
        DateTimeOffset Modified, string Url, string Page, string Csv, string Json);

    [Description("One cell of the dataset's table. Status: value (a figure), missing (known to be missing, the note says why) or gap (no figure published for a period between the first and the last). A missing figure is never zero.")]
    public sealed record ObservationDto(string Period, string? Category, decimal? Value, string Status, string Note);

    public sealed record DatasetDto(DatasetSummaryDto Dataset, IReadOnlyList<string> Categories, IReadOnlyList<ObservationDto> Observations);

    public static DatasetSummaryDto Summary(StatisticsDataset d, string slug)
    {
        var licence = StatisticsLicences.Describe(d.Licence);
        return new DatasetSummaryDto(d.Code, d.Title, d.Description, d.Unit, new SourceDto(d.SourceName, d.SourceUrl),
            licence is null ? null : new LicenceDto(licence.Code, licence.Name, licence.Uri), d.Publisher, Keywords(d.Keywords),
            d.CoversFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.CoversTo?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            d.Frequency.ToString(), d.PeriodKind.ToString(), d.CategoryLabel, d.ModifiedAt,
            PublicDatasets.Api(slug, d.Code), PublicDatasets.Page(slug, d.Code), PublicDatasets.Csv(slug, d.Code), PublicDatasets.Json(slug, d.Code));
    }

    public static DatasetDto Full(PublishedDataset published, string slug)
    {
        var v = published.View;
        var cells = new List<ObservationDto>(v.Periods.Count * v.SeriesCount);
        for (var p = 0; p < v.Periods.Count; p++)
            for (var s = 0; s < v.SeriesCount; s++)
            {
                var cell = v[p, s];
                cells.Add(new ObservationDto(v.PeriodCode(p), v.HasCategories ? v.Categories[s] : null, cell.Value, Status(cell.State), cell.Note));
            }
        return new DatasetDto(Summary(published.Dataset, slug), v.Categories, cells);
    }

    public static string Status(CellState state) => state switch { CellState.Value => "value", CellState.KnownMissing => "missing", _ => "gap" };

    public static IReadOnlyList<string> Keywords(string keywords) =>
        keywords.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
