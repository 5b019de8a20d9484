using Planwerk.Infrastructure.Files;
using Planwerk.Features.Accounts;
using Planwerk.Features.Participation.Stakeholders;
using Planwerk.Features.Plans;
using Planwerk.Features.Plans.Versions;
using Planwerk.Infrastructure;

namespace Planwerk.Features.Participation.Consultations;

/// <summary>What part of the consulted plan version a statement is about.</summary>
public enum StatementTarget
{
    WholePlan,
    /// <summary><see cref="Statement.TargetRef"/> is the section's 1-based position in the version.</summary>
    Section,
    /// <summary><see cref="Statement.TargetRef"/> is the field of action's number.</summary>
    FieldOfAction,
    /// <summary><see cref="Statement.TargetRef"/> is the measure's stable key (<see cref="Measure.Key"/>).</summary>
    Measure,
}
