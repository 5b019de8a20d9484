using System.Globalization;

namespace Planwerk.Features.Services.Content;

/// <summary>The addresses of the pages for languages, translations, topics and checks, and of the service edit page
/// they link to.</summary>
public static class ContentUrls
{
    private static string Manage(string m) => "/" + m + "/manage/services";

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The service's edit page.</summary>
    public static string Service(string m, int id) => Manage(m) + "/" + Id(id);

    public static string ServiceTranslations(string m, int id) => Service(m, id) + "/translations";

    public static string ServiceTranslation(string m, int id, string language) => ServiceTranslations(m, id) + "/" + language;

    public static string Translations(string m) => Manage(m) + "/translations";

    public static string Languages(string m) => Manage(m) + "/languages";

    public static string Topics(string m) => Manage(m) + "/topics";

    public static string Topic(string m, int id) => Topics(m) + "/" + Id(id);

    public static string TopicTranslation(string m, int id, string language) => Topic(m, id) + "/translations/" + language;

    public static string Overdue(string m) => Manage(m) + "/overdue";

    public static string CheckInterval(string m) => Manage(m) + "/check-interval";

    /// <summary>The plan team's start page of the inventory.</summary>
    public static string Services(string m) => Manage(m);
}
