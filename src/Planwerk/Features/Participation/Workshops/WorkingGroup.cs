using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Participation.Workshops;

/// <summary>A working group of a workshop, e.g. one per field of action.</summary>
public sealed class WorkingGroup : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int WorkshopId { get; set; }
    public Workshop? Workshop { get; set; }
    public int Position { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    /// <summary>The field of action it discusses, if any.</summary>
    public int? FieldOfActionId { get; set; }
    public FieldOfAction? FieldOfAction { get; set; }
    /// <summary>Markdown, the group's results.</summary>
    public string Results { get; set; } = "";
}
