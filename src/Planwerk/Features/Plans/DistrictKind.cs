using Planwerk.Infrastructure;

namespace Planwerk.Features.Plans;

public enum DistrictKind
{
    District,
    Locality,
}
