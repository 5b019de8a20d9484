using Planwerk.Infrastructure;

namespace Planwerk.Features.Council;

/// <summary>A plan change (a history record) made because an amendment was adopted.</summary>
public sealed class AmendmentChangeLink : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int AmendmentId { get; set; }
    public Amendment? Amendment { get; set; }
    public long ChangeRecordId { get; set; }
}
