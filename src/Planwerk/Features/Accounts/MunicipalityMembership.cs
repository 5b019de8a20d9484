using Planwerk.Features.Municipalities;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Accounts;

/// <summary>One role of one person in one municipality.</summary>
public sealed class MunicipalityMembership : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public Municipality? Municipality { get; set; }
    public required string UserId { get; set; }
    public PlanwerkUser? User { get; set; }
    public MunicipalityRole Role { get; set; }
}
