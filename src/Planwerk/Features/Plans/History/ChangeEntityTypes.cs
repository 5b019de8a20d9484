using Planwerk.Infrastructure;

namespace Planwerk.Features.Plans.History;

public static class ChangeEntityTypes
{
    public const string Plan = "Plan";
    public const string Principle = "Principle";
    public const string FieldOfAction = "FieldOfAction";
    public const string Measure = "Measure";
    public const string Section = "Section";
}
