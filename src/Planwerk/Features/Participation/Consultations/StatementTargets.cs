using System.Globalization;
using Planwerk.Features.Plans.Versions;

namespace Planwerk.Features.Participation.Consultations;

/// <summary>One thing of the consulted version a statement can be about; <see cref="Value"/> is the form value.</summary>
public sealed record TargetChoice(StatementTarget Target, int? Ref, string Label)
{
    public string Value => Ref is int r ? Target + ":" + r.ToString(CultureInfo.InvariantCulture) : Target.ToString();

    public static string ValueOf(StatementTarget target, int? reference) => new TargetChoice(target, reference, "").Value;
}

/// <summary>The choices of a statement's target, read from the consulted version's frozen document, so
/// they are what was consulted even when the plan has changed since. The labels are German data kept with the statement as it was, not interface text.</summary>
public static class StatementTargets
{
    public static IReadOnlyList<TargetChoice> Of(VersionDocument document)
    {
        var plan = document.Plan;
        var choices = new List<TargetChoice> { new(StatementTarget.WholePlan, null, Cut("Gesamter Plan: " + plan.Title)) };
        choices.AddRange(plan.Sections.Select((s, i) => new TargetChoice(StatementTarget.Section, i + 1, Cut("Abschnitt " + s.Title))));
        foreach (var field in plan.Fields)
        {
            choices.Add(new TargetChoice(StatementTarget.FieldOfAction, field.Number,
                Cut("Handlungsfeld " + field.Number.ToString(CultureInfo.InvariantCulture) + " " + field.Title)));
            choices.AddRange(field.Measures.Where(m => m.Key is not null)
                .Select(m => new TargetChoice(StatementTarget.Measure, m.Key, Cut("Maßnahme " + m.Number + " " + m.Title))));
        }
        return choices;
    }

    /// <summary>The label column holds 1000 characters; a title never comes near it, but a label is cut, not refused.</summary>
    private static string Cut(string label) => label.Length <= 900 ? label : label[..900] + "…";
}
