using Planwerk.Features.Accounts;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Participation.Stakeholders;

public enum JoinRequestState
{
    Pending,
    Approved,
    Declined,
}
