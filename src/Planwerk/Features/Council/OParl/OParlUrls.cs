using System.Globalization;

namespace Planwerk.Features.Council.OParl;

/// <summary>The absolute addresses of one municipality's OParl objects, built from the request's scheme,
/// host and path base, so that every id is a URL that answers with the object.</summary>
public sealed class OParlUrls(string root, string slug)
{
    public const string Prefix = "/oparl/v1";

    public static string Root(HttpRequest request) => request.Scheme + "://" + request.Host.ToUriComponent() + request.PathBase.ToUriComponent();

    public static string System(HttpRequest request) => Root(request) + Prefix + "/system";

    public static string Bodies(HttpRequest request) => Root(request) + Prefix + "/bodies";

    public string Slug => slug;
    public string Installation => root + "/";
    public string SystemUrl => root + Prefix + "/system";
    public string Body => root + Prefix + "/bodies/" + slug;
    public string Web => root + "/" + slug;

    public string List(string name) => Body + "/" + name;
    public string Organization(int id) => Item("organizations", id);
    public string Meeting(int id) => Item("meetings", id);
    public string MeetingLocation(int id) => Meeting(id) + "/location";
    public string AgendaItem(int id) => Item("agendaitems", id);
    public string Paper(int id) => Item("papers", id);
    public string Consultation(int id) => Item("consultations", id);
    public string File(int id) => Item("files", id);
    public string Person(int id) => Item("persons", id);
    public string Membership(int id) => Item("memberships", id);
    public string FileDownload(int id) => File(id) + "/download";
    public string MeetingWeb(int id) => Web + "/council/meetings/" + id.ToString(CultureInfo.InvariantCulture);
    public string PaperWeb(int id) => Web + "/council/papers/" + id.ToString(CultureInfo.InvariantCulture);

    private string Item(string list, int id) => Body + "/" + list + "/" + id.ToString(CultureInfo.InvariantCulture);
}
