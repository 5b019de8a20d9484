using Planwerk.Infrastructure;

namespace Planwerk.Features.Plans.History;

/// <summary>One property of a <see cref="ChangeRecord"/> with its value before and after, as invariant text
/// (enums by name, dates ISO 8601, decimals with a dot, lists joined by "; "). Null means "no value"
/// (e.g. the old value of a created part).</summary>
public sealed class ChangeRecordField
{
    public long Id { get; set; }
    public long ChangeRecordId { get; set; }
    public ChangeRecord? ChangeRecord { get; set; }
    public required string Field { get; set; }
    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
}
