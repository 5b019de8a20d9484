using Planwerk.Infrastructure.Files;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Versions;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Participation.Consultations;

/// <summary>A plan change (a history record) that the weighing of a statement caused.</summary>
public sealed class StatementChangeLink : IMunicipalityOwned
{
    public int Id { get; set; }
    public int MunicipalityId { get; set; }
    public int StatementId { get; set; }
    public Statement? Statement { get; set; }
    /// <summary>A <see cref="Plans.History.ChangeRecord"/> of the round's plan.</summary>
    public long ChangeRecordId { get; set; }
}
