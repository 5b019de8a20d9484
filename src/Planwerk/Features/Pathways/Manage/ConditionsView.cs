using Planwerk.Features.Services;

namespace Planwerk.Features.Pathways.Manage;

/// <summary>What the residence-situation checkboxes of a pathway or step form show.</summary>
public sealed record ConditionsView(string Prefix, string Legend, string Hint, IReadOnlyList<ResidenceSituations> Audience);
