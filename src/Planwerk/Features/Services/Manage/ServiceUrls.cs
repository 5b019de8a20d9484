using System.Globalization;

namespace Planwerk.Features.Services.Manage;

/// <summary>The addresses of the pages where services are kept (the edit page itself: <see cref="Content.ContentUrls.Service"/>).</summary>
public static class ServiceUrls
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    public static string List(string m) => Content.ContentUrls.Services(m);

    public static string New(string m) => List(m) + "/new";

    public static string Edit(string m, int id) => Content.ContentUrls.Service(m, id);

    public static string History(string m, int id) => Edit(m, id) + "/history";

    public static string Delete(string m, int id) => Edit(m, id) + "/delete";

    public static string Reviews(string m) => List(m) + "/review";

    public static string Review(string m, int proposalId) => Reviews(m) + "/" + Id(proposalId);

    public static string ReviewSettings(string m) => List(m) + "/review-settings";

    /// <summary>Export and import of the whole directory as HSDS.</summary>
    public static string Exchange(string m) => List(m) + "/exchange";

    /// <summary>The printable directory, by topic.</summary>
    public static string Print(string m) => "/" + m + "/services/print";

    /// <summary>The public page of a service (built by the directory).</summary>
    public static string Public(string m, int id) => "/" + m + "/services/" + Id(id);
}
