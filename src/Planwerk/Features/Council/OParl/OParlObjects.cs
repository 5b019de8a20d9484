namespace Planwerk.Features.Council.OParl;

// The OParl 1.1 objects as we publish them. Property names are the schema's; a null property is left out
// (the serializer options in OParlJson say so), since OParl has no null for "not known".

public sealed record OParlSystem(
    string Id, string Name, string Body, string Website, string Vendor, string Product,
    string? ContactEmail, string? ContactName)
{
    public string Type => OParlJson.TypeUri("System");
    public string OparlVersion => OParlJson.Version;
}

public sealed record OParlBody(
    string Id, string System, string ShortName, string Name, string Website,
    string Organization, string Person, string Meeting, string Paper, string AgendaItem, string Consultation, string File,
    string LegislativeTermList, string Created, string Modified, string Web)
{
    public string Type => OParlJson.TypeUri("Body");
    /// <summary>Required by the schema as an array; we keep no legislative terms.</summary>
    public IReadOnlyList<object> LegislativeTerm { get; } = [];
}

public sealed record OParlOrganization(
    string Id, string Body, string Name, string? ShortName, string OrganizationType, string Classification,
    string? StartDate, string? EndDate, string? Website, string Meeting, IReadOnlyList<string>? Membership, string Created, string Modified) : IOParlObject
{
    public string Type => OParlJson.TypeUri("Organization");
}

/// <summary>A member of the council's bodies: name parts and memberships only (no contact data is kept).</summary>
public sealed record OParlPerson(
    string Id, string Body, string Name, string FamilyName, string? GivenName, string? FormOfAddress, string? Affix, IReadOnlyList<string>? Title,
    IReadOnlyList<OParlMembership> Membership, string Created, string Modified) : IOParlObject
{
    public string Type => OParlJson.TypeUri("Person");
}

public sealed record OParlMembership(
    string Id, string Person, string Organization, string Role, bool VotingRight, string? StartDate, string? EndDate,
    string Created, string Modified) : IOParlObject
{
    public string Type => OParlJson.TypeUri("Membership");
}

public sealed record OParlLocation(string Id, string Description, string Created, string Modified)
{
    public string Type => OParlJson.TypeUri("Location");
}

public sealed record OParlMeeting(
    string Id, string Name, string MeetingState, bool Cancelled, string Start, string? End, OParlLocation? Location,
    IReadOnlyList<string> Organization, IReadOnlyList<OParlAgendaItem>? AgendaItem, string Web, string Created, string Modified,
    IReadOnlyList<string>? Keyword = null) : IOParlObject
{
    public string Type => OParlJson.TypeUri("Meeting");
}

public sealed record OParlAgendaItem(
    string Id, string Meeting, string? Number, int Order, string Name, bool Public, string? Consultation, string? Result,
    string Created, string Modified, IReadOnlyList<string>? Keyword = null) : IOParlObject
{
    public string Type => OParlJson.TypeUri("AgendaItem");
}

public sealed record OParlPaper(
    string Id, string Body, string Name, string Reference, string Date, string? PaperType,
    OParlFile? MainFile, IReadOnlyList<OParlFile>? AuxiliaryFile, IReadOnlyList<OParlConsultation>? Consultation,
    IReadOnlyList<string>? Keyword, string Web, string Created, string Modified, IReadOnlyList<string>? RelatedPaper = null,
    IReadOnlyList<string>? SuperordinatedPaper = null, IReadOnlyList<string>? SubordinatedPaper = null,
    IReadOnlyList<string>? OriginatorOrganization = null) : IOParlObject
{
    public string Type => OParlJson.TypeUri("Paper");
}

public sealed record OParlConsultation(
    string Id, string Paper, string? AgendaItem, string? Meeting, IReadOnlyList<string> Organization, bool Authoritative, string Role,
    IReadOnlyList<string>? Keyword, string Created, string Modified) : IOParlObject
{
    public string Type => OParlJson.TypeUri("Consultation");
}

public sealed record OParlFile(
    string Id, string Name, string FileName, string MimeType, string Date, long Size, string AccessUrl, string DownloadUrl,
    IReadOnlyList<string> Paper, string Created, string Modified) : IOParlObject
{
    public string Type => OParlJson.TypeUri("File");
}

/// <summary>One page of an external object list (OParl 1.1, "Objektlisten und Paginierung").</summary>
public sealed record OParlPage<T>(IReadOnlyList<T> Data, OParlPagination Pagination, OParlLinks Links);

/// <summary>Lists are paged by id, so there are no page numbers or totals to give (OParl makes them optional).</summary>
public sealed record OParlPagination(int ElementsPerPage);

public sealed record OParlLinks(string First, string Self, string? Next);

/// <summary>A deleted object as OParl 1.1 keeps it: its id and type, when it was created, when it was deleted
/// (modified), and <c>deleted: true</c>. An agenda item keeps the order and a file the access URL its schema requires.</summary>
public sealed record OParlDeleted(string Id, string Type, string? Created, string Modified, int? Order, string? AccessUrl) : IOParlObject
{
    public bool Deleted => true;

    public static OParlDeleted Of(OParlUrls u, string kind, int id, DateTimeOffset created, DateTimeOffset deleted) => kind switch
    {
        "organizations" => new(u.Organization(id), OParlJson.TypeUri("Organization"), OParlJson.DateTime(created), OParlJson.DateTime(deleted), null, null),
        "meetings" => new(u.Meeting(id), OParlJson.TypeUri("Meeting"), OParlJson.DateTime(created), OParlJson.DateTime(deleted), null, null),
        "agendaitems" => new(u.AgendaItem(id), OParlJson.TypeUri("AgendaItem"), OParlJson.DateTime(created), OParlJson.DateTime(deleted), 0, null),
        "papers" => new(u.Paper(id), OParlJson.TypeUri("Paper"), OParlJson.DateTime(created), OParlJson.DateTime(deleted), null, null),
        "consultations" => new(u.Consultation(id), OParlJson.TypeUri("Consultation"), OParlJson.DateTime(created), OParlJson.DateTime(deleted), null, null),
        "files" => new(u.File(id), OParlJson.TypeUri("File"), OParlJson.DateTime(created), OParlJson.DateTime(deleted), null, u.FileDownload(id)),
        "persons" => new(u.Person(id), OParlJson.TypeUri("Person"), OParlJson.DateTime(created), OParlJson.DateTime(deleted), null, null),
        "memberships" => new(u.Membership(id), OParlJson.TypeUri("Membership"), OParlJson.DateTime(created), OParlJson.DateTime(deleted), null, null),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a published council list."),
    };
}

public sealed record OParlError(string Error, int Status);
