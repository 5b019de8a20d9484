using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Participation.Workshops;

/// <summary>A workshop (Fachtag, Werkstatt) on a plan: a time, a place or an online link, a capacity and
/// working groups. People register; when it is full they go on a waiting list.</summary>
public sealed class Workshop : IMunicipalityOwned, IVersioned
{
    public const int MaxTitleLength = 300;
    public const int MaxTextLength = 50_000;
    public const int MaxLineLength = 500;

    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    /// <summary>The plan it works on, if any.</summary>
    public int? PlanId { get; set; }
    public Plan? Plan { get; set; }
    public required string Title { get; set; }
    /// <summary>Markdown.</summary>
    public string Description { get; set; } = "";
    /// <summary>Stored in UTC; entered and shown in Europe/Berlin.</summary>
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string Place { get; set; } = "";
    public string OnlineUrl { get; set; } = "";
    /// <summary>Confirmed places; further registrations go on the waiting list.</summary>
    public int Capacity { get; set; }
    /// <summary>Set when the workshop is called off; registrations are kept and told.</summary>
    public DateTimeOffset? CancelledAt { get; set; }
    /// <summary>Markdown, recorded by the plan team.</summary>
    public string Minutes { get; set; } = "";
    /// <summary>Markdown, recorded by the plan team.</summary>
    public string Results { get; set; } = "";
    /// <summary>Minutes and results are public from this moment (only after the workshop).</summary>
    public DateTimeOffset? ResultsPublishedAt { get; set; }
    /// <summary>Raised with every change that matters to a calendar entry (iCal SEQUENCE).</summary>
    public int CalendarSequence { get; set; }
    public int Version { get; set; }

    public List<WorkingGroup> WorkingGroups { get; set; } = [];
    public List<WorkshopRegistration> Registrations { get; set; } = [];
}
