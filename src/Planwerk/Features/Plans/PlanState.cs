using Planwerk.Infrastructure;

namespace Planwerk.Features.Plans;

public enum PlanState
{
    Draft,
    InConsultation,
    InDeliberation,
    Adopted,
    InImplementation,
    Closed,
    Superseded,
}
