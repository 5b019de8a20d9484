using Planwerk.Infrastructure;

namespace Planwerk.Features.Plans.History;

public enum ChangeAction
{
    Created,
    Updated,
    Deleted,
}
