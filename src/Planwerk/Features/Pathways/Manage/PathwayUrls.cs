using System.Globalization;

namespace Planwerk.Features.Pathways.Manage;

/// <summary>The addresses of the pages where pathways and their steps are written, under <c>/{municipality}/manage/pathways</c>.</summary>
public static class PathwayUrls
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    public static string List(string m) => "/" + m + "/manage/pathways";

    public static string New(string m) => List(m) + "/new";

    public static string Edit(string m, int id) => List(m) + "/" + Id(id);

    /// <summary>The stages and steps of a pathway, in order.</summary>
    public static string Stages(string m, int id) => Edit(m, id) + "/stages";

    public static string Stage(string m, int id, int stageId) => Stages(m, id) + "/" + Id(stageId);

    public static string History(string m, int id) => Edit(m, id) + "/history";

    public static string Publish(string m, int id) => Edit(m, id) + "/publish";

    public static string Delete(string m, int id) => Edit(m, id) + "/delete";

    public static string Translations(string m, int id) => Edit(m, id) + "/translations";

    public static string Translation(string m, int id, string language) => Translations(m, id) + "/" + Uri.EscapeDataString(language);

    public static string Steps(string m) => List(m) + "/steps";

    public static string NewStep(string m, int? stageId = null) => Steps(m) + "/new" + (stageId is int s ? "?stage=" + Id(s) : "");

    public static string Step(string m, int stepId) => Steps(m) + "/" + Id(stepId);

    public static string StepHistory(string m, int stepId) => Step(m, stepId) + "/history";
}
