using System.Globalization;
using System.Text;
using Planwerk.Features.Statistics.Charts;
using Planwerk.Features.Statistics.PublicPages;

namespace Planwerk.Features.Statistics.OpenData;

/// <summary>A public dataset as CSV, one row per cell of its table ("long" form) with the dataset's metadata in every row:
/// UTF-8 with byte order mark and semicolons, so that spreadsheet programmes set to German open it in columns;
/// figures with a decimal point and no thousands separator, periods as "2015" or "2019-06-30" (ISO 8601), so that
/// every programme reads them as numbers and dates. A missing figure has an empty value, its status and note.
/// Fields are quoted where needed (RFC 4180); text that a spreadsheet would run as a formula starts with an apostrophe.</summary>
public static class StatisticsCsv
{
    public static readonly string[] Columns = ["datensatz", "titel", "zeitraum", "kategorie", "wert", "einheit", "status", "hinweis", "quelle", "lizenz"];

    public static byte[] Write(PublishedDataset published)
    {
        var (d, v) = (published.Dataset, published.View);
        var licence = StatisticsLicences.Describe(d.Licence)?.Uri ?? "";
        var s = new StringBuilder(256 + (v.Periods.Count * v.SeriesCount * (64 + d.Title.Length)));
        s.AppendJoin(';', Columns).Append("\r\n");
        var fixedStart = Field(d.Code) + ";" + Field(d.Title) + ";";
        var fixedEnd = ";" + Field(d.SourceName.Length > 0 ? d.SourceName : d.SourceUrl) + ";" + Field(licence) + "\r\n";
        var unit = Field(d.Unit);
        for (var p = 0; p < v.Periods.Count; p++)
            for (var c = 0; c < v.SeriesCount; c++)
            {
                var cell = v[p, c];
                s.Append(fixedStart).Append(v.PeriodCode(p)).Append(';').Append(v.HasCategories ? Field(v.Categories[c]) : "").Append(';')
                    .Append(cell.Value?.ToString(CultureInfo.InvariantCulture) ?? "").Append(';').Append(unit).Append(';')
                    .Append(StatisticsDocument.Status(cell.State)).Append(';').Append(Field(cell.Note)).Append(fixedEnd);
            }
        var preamble = Encoding.UTF8.GetPreamble();
        var bytes = new byte[preamble.Length + Encoding.UTF8.GetByteCount(s.ToString())];
        preamble.CopyTo(bytes, 0);
        Encoding.UTF8.GetBytes(s.ToString(), 0, s.Length, bytes, preamble.Length);
        return bytes;
    }

    /// <summary>A text field: quoted when it holds a separator, quote or line break; an apostrophe before a leading
    /// =, +, - or @ so that a spreadsheet shows it as text instead of running it.</summary>
    public static string Field(string text)
    {
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r') text = "'" + text;
        return text.AsSpan().IndexOfAny(";\"\r\n") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    public static string FileName(StatisticsDataset d) => d.Code + ".csv";
}
