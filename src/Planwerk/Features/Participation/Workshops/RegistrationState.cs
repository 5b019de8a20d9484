using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Participation.Workshops;

public enum RegistrationState
{
    Confirmed,
    Waiting,
    Cancelled,
}
