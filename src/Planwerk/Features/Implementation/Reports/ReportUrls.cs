using System.Globalization;

namespace Planwerk.Features.Implementation.Reports;

/// <summary>The addresses of the report pages.</summary>
public static class ReportUrls
{
    public static string Mine(string municipality) => "/" + municipality + "/reports";

    public static string Report(string municipality, int measureId, int periodId) =>
        string.Create(CultureInfo.InvariantCulture, $"/{municipality}/reports/measures/{measureId}/periods/{periodId}");

    public static string Evidence(string municipality, int evidenceId) =>
        string.Create(CultureInfo.InvariantCulture, $"/{municipality}/reports/evidence/{evidenceId}");

    /// <summary>The upload of an office's table of reports for one plan.</summary>
    public static string Upload(string municipality, int planId) =>
        string.Create(CultureInfo.InvariantCulture, $"/{municipality}/reports/plans/{planId}/upload");

    /// <summary>The template of that table, "csv" or "xlsx".</summary>
    public static string UploadTemplate(string municipality, int planId, string format) => Upload(municipality, planId) + "?handler=Template&format=" + format;

    public static string Overview(string municipality, int planId, int? periodId = null) =>
        string.Create(CultureInfo.InvariantCulture, $"/{municipality}/manage/plans/{planId}/reports") +
        (periodId is int p ? string.Create(CultureInfo.InvariantCulture, $"?period={p}") : "");
}
