using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Planwerk.Data;

namespace Planwerk.Features.Plans.Transfer;

/// <summary>The three downloads of a plan: its measures as CSV and XLSX, the whole plan as JSON.</summary>
public static class PlanExport
{
    public const string JsonContentType = "application/json; charset=utf-8";
    public static readonly IReadOnlyList<string> Formats = ["csv", "xlsx", "json"];

    /// <summary>The download, or null when the format is unknown or the municipality has no such plan
    /// (or, with <paramref name="publicOnly"/>, no such public plan). The JSON document also carries the municipality's
    /// pathways: their working state for the plan team, only the published ones with <paramref name="publicOnly"/>.</summary>
    public static async Task<FileContentResult?> FileAsync(PlanwerkDbContext db, int planId, string format, bool publicOnly,
        Pathways.PublishedPathways published, CancellationToken cancellationToken)
    {
        if (!Formats.Contains(format)) return null;
        if (publicOnly && !await db.Plans.AnyAsync(p => p.Id == planId && p.IsPublic, cancellationToken)) return null;
        var document = await PlanDocument.LoadAsync(db, planId, cancellationToken);
        if (document is null) return null;

        if (format == "json") document = document with { Pathways = await Pathways.PathwayTransfer.LoadAsync(db, planId, publicOnly, published, cancellationToken) };
        var name = FileName(document.Title);
        return format switch
        {
            "csv" => new FileContentResult(MeasureFiles.WriteCsv(document), MeasureFiles.CsvContentType) { FileDownloadName = name + "-massnahmen.csv" },
            "xlsx" => new FileContentResult(MeasureFiles.WriteXlsx(document), MeasureFiles.XlsxContentType) { FileDownloadName = name + "-massnahmen.xlsx" },
            _ => new FileContentResult(document.ToJson(), JsonContentType) { FileDownloadName = name + ".json" },
        };
    }

    /// <summary>A file name from the plan's title: lower-case ASCII letters, digits and hyphens
    /// ("Fachplan Asyl und Integration 2022" → "fachplan-asyl-und-integration-2022").</summary>
    public static string FileName(string title)
    {
        var builder = new StringBuilder();
        foreach (var c in title.Normalize(NormalizationForm.FormC).ToLowerInvariant())
        {
            var part = c switch
            {
                'ä' => "ae",
                'ö' => "oe",
                'ü' => "ue",
                'ß' => "ss",
                _ when c is >= 'a' and <= 'z' or >= '0' and <= '9' => c.ToString(),
                _ => "-",
            };
            if (part == "-" && (builder.Length == 0 || builder[^1] == '-')) continue;
            builder.Append(part);
            if (builder.Length >= 60) break;
        }
        var name = builder.ToString().Trim('-');
        return name.Length == 0 ? "plan" : name;
    }
}
