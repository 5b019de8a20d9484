using System.Globalization;

namespace Planwerk.Features.Statistics.Manage;

/// <summary>The addresses of the pages where the team keeps its statistics datasets, under <c>/{municipality}/manage/statistics</c>.</summary>
public static class StatisticsUrls
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    public static string List(string m) => "/" + m + "/manage/statistics";

    public static string New(string m) => List(m) + "/new";

    public static string Edit(string m, int id) => List(m) + "/" + Id(id);

    public static string Figures(string m, int id) => Edit(m, id) + "/figures";

    public static string Categories(string m, int id) => Edit(m, id) + "/categories";

    public static string Import(string m, int id) => Edit(m, id) + "/import";

    public static string History(string m, int id) => Edit(m, id) + "/history";

    public static string Delete(string m, int id) => Edit(m, id) + "/delete";
}
