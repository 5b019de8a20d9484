namespace Planwerk.Features.Services.Manage;

/// <summary>A whole service as the edit form sends it: its own fields, topics, languages offered, locations with their
/// weekly and special hours, the service's own hours (a phone line) and contacts. The same shape is stored as JSON in a
/// <see cref="ServiceProposal"/>, so an accepted proposal is applied exactly like a save of the form.</summary>
public sealed class ServiceInput
{
    public int? OrganisationId { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public ServiceStatus Status { get; set; } = ServiceStatus.Active;
    public string? Url { get; set; }
    public string? Email { get; set; }
    /// <summary>The residence situations admitted (each a single flag of <see cref="ResidenceSituations"/>).</summary>
    public List<ResidenceSituations> Audience { get; set; } = [];
    public int? MinimumAge { get; set; }
    public int? MaximumAge { get; set; }
    public string? Eligibility { get; set; }
    public bool IsFree { get; set; }
    public string? Costs { get; set; }
    public string? HowToApply { get; set; }
    public string? DocumentsToBring { get; set; }
    public string? Accessibility { get; set; }
    public bool IsRemoteOnly { get; set; }
    public List<int> TopicIds { get; set; } = [];
    /// <summary>ISO 639 codes of the languages the service is offered in, separated by commas or blanks.</summary>
    public string? Languages { get; set; }
    public List<LocationRow> Locations { get; set; } = [];
    /// <summary>Hours of the service as such, not at a place (a phone line, an online consultation).</summary>
    public HoursBlock ServiceHours { get; set; } = new();
    public List<ContactRow> Contacts { get; set; } = [];

    public sealed class LocationRow
    {
        /// <summary>The stored location this row edits; null for a new place.</summary>
        public int? Id { get; set; }
        public string? Name { get; set; }
        public string? Street { get; set; }
        public string? PostalCode { get; set; }
        public string? City { get; set; }
        public int? DistrictId { get; set; }
        /// <summary>Read with a dot or a comma as the decimal sign.</summary>
        public string? Latitude { get; set; }
        public string? Longitude { get; set; }
        public string? TransportNotes { get; set; }
        public string? Accessibility { get; set; }
        public bool IsWheelchairAccessible { get; set; }
        public HoursBlock Hours { get; set; } = new();
    }

    public sealed class HoursBlock
    {
        public List<WeeklyRow> Weekly { get; set; } = [];
        public List<SpecialRow> Special { get; set; } = [];
    }

    public sealed class WeeklyRow
    {
        public DayOfWeek Weekday { get; set; } = DayOfWeek.Monday;
        public TimeOnly? Opens { get; set; }
        public TimeOnly? Closes { get; set; }
        public DateOnly? ValidFrom { get; set; }
        public DateOnly? ValidTo { get; set; }
        public string? Note { get; set; }
    }

    /// <summary>A holiday or closure (no times: closed) or other hours on the days from <see cref="From"/> to <see cref="To"/>.</summary>
    public sealed class SpecialRow
    {
        public DateOnly? From { get; set; }
        public DateOnly? To { get; set; }
        public TimeOnly? Opens { get; set; }
        public TimeOnly? Closes { get; set; }
        public string? Note { get; set; }
    }

    public sealed class ContactRow
    {
        public string? Name { get; set; }
        public string? Title { get; set; }
        public string? Email { get; set; }
        public string? Phone { get; set; }
        /// <summary>ISO 639 codes of the languages spoken on the phone.</summary>
        public string? PhoneLanguages { get; set; }
    }
}
