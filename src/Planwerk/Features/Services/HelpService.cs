using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Services;

/// <summary>A help service (Hilfeangebot, HSDS <c>service</c>) of an organisation from the municipality's one
/// registry of organisations. Its texts are written in German (the source); translations are
/// <see cref="ContentTranslation"/> rows. Ids in the open data are <see cref="Uid"/>s, kept on import.</summary>
public sealed class HelpService : IMunicipalityOwned, IVersioned, ITimestamped
{
    public const int MaxNameLength = 300;
    public const int MaxTextLength = 4000;
    public const int MaxLineLength = 500;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public Guid Uid { get; set; } = Guid.NewGuid();
    public int OrganisationId { get; set; }
    public Stakeholder? Organisation { get; set; }

    public required string Name { get; set; }
    /// <summary>Plain text (paragraphs separated by blank lines).</summary>
    public string Description { get; set; } = "";
    public ServiceStatus Status { get; set; } = ServiceStatus.Active;
    public string Url { get; set; } = "";
    public string Email { get; set; } = "";

    /// <summary>Who may use it: residence situations (flags) and an age range.</summary>
    public ResidenceSituations Audience { get; set; } = ResidenceSituations.Everybody;
    public int? MinimumAge { get; set; }
    public int? MaximumAge { get; set; }
    /// <summary>Anything else about who may use it, in words (HSDS <c>eligibility_description</c>).</summary>
    public string Eligibility { get; set; } = "";

    public bool IsFree { get; set; }
    /// <summary>What it costs, in words (HSDS <c>fees_description</c>); empty when free.</summary>
    public string Costs { get; set; } = "";
    /// <summary>How to apply or get in (HSDS <c>application_process</c>).</summary>
    public string HowToApply { get; set; } = "";
    /// <summary>Documents to bring, one per line (HSDS <c>required_document</c>s).</summary>
    public string DocumentsToBring { get; set; } = "";
    /// <summary>How the service itself is accessible (e.g. sign language, easy language, home visits); the
    /// accessibility of a place is the location's.</summary>
    public string Accessibility { get; set; } = "";
    /// <summary>Reached by phone or online only (no place to go), or also at its locations.</summary>
    public bool IsRemoteOnly { get; set; }

    /// <summary>The day the organisation or the plan team last confirmed the entry is right.</summary>
    public DateOnly LastCheckedOn { get; set; }
    /// <summary>When the organisation's contacts were last reminded that the entry is due for checking.</summary>
    public DateTimeOffset? CheckReminderSentAt { get; set; }
    /// <summary>Marked as invented example content (demo).</summary>
    public bool IsExample { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ModifiedAt { get; set; }
    public int Version { get; set; }

    public List<ServiceTopic> Topics { get; set; } = [];
    public List<ServiceLanguage> Languages { get; set; } = [];
    public List<ServiceAtLocation> Locations { get; set; } = [];
    public List<ServiceSchedule> Schedules { get; set; } = [];
    public List<SpecialHours> SpecialHours { get; set; } = [];
    public List<ServiceContact> Contacts { get; set; } = [];
    /// <summary>Its row in the directory's search (written by the save path, never by hand).</summary>
    public Directory.ServiceListing? Listing { get; set; }
}

/// <summary>As HSDS's service status, with "temporarily closed" (HSDS: <c>temporarily closed</c>).</summary>
public enum ServiceStatus
{
    Active,
    Inactive,
    Defunct,
    TemporarilyClosed,
}

/// <summary>The residence situations a service admits. <see cref="Everybody"/> admits all.</summary>
[Flags]
public enum ResidenceSituations
{
    None = 0,
    AsylumSeekers = 1,
    ToleratedPersons = 2,
    RecognisedRefugees = 4,
    /// <summary>Temporary protection under § 24 AufenthG (e.g. from Ukraine).</summary>
    TemporaryProtection = 8,
    EuCitizens = 16,
    /// <summary>Other migrants (e.g. work or family visa, settled).</summary>
    OtherMigrants = 32,
    Everybody = AsylumSeekers | ToleratedPersons | RecognisedRefugees | TemporaryProtection | EuCitizens | OtherMigrants,
}

/// <summary>A language the service is offered in (spoken in counselling, taught, printed), as an ISO 639 code
/// (<c>ar</c>, <c>fa</c>, <c>prs</c>); separate from the languages its texts are written in.</summary>
public sealed class ServiceLanguage : IMunicipalityOwned
{
    public const int MaxCodeLength = 12;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int ServiceId { get; set; }
    public HelpService? Service { get; set; }
    public required string Code { get; set; }
}

/// <summary>A person or office to contact about a service (HSDS <c>contact</c> with its <c>phone</c>), with the
/// languages spoken on the phone.</summary>
public sealed class ServiceContact : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public Guid Uid { get; set; } = Guid.NewGuid();
    public int ServiceId { get; set; }
    public HelpService? Service { get; set; }
    public int Position { get; set; }
    public string Name { get; set; } = "";
    public string Title { get; set; } = "";
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    /// <summary>ISO 639 codes, comma-separated, of the languages spoken on <see cref="Phone"/>.</summary>
    public string PhoneLanguages { get; set; } = "";
}

/// <summary>A measure of a plan that creates or strengthens a service.</summary>
public sealed class MeasureService : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int MeasureId { get; set; }
    public Plans.Measure? Measure { get; set; }
    public int ServiceId { get; set; }
    public HelpService? Service { get; set; }
}
