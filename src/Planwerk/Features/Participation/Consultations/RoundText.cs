namespace Planwerk.Features.Participation.Consultations;

/// <summary>German interface words of consultation rounds; keys of the shared resource.</summary>
public static class RoundText
{
    public static string State(RoundState state) => state switch
    {
        RoundState.Planned => "geplant",
        RoundState.Open => "offen",
        RoundState.Closed => "beendet",
        _ => state.ToString(),
    };

    public static string Audience(RoundAudience audience) => audience switch
    {
        RoundAudience.InvitedOrganisations => "Nur eingeladene Organisationen",
        RoundAudience.OrganisationsAndResidents => "Eingeladene Organisationen und angemeldete Einwohnerinnen und Einwohner",
        _ => audience.ToString(),
    };

    public static string Target(StatementTarget target) => target switch
    {
        StatementTarget.WholePlan => "Gesamter Plan",
        StatementTarget.Section => "Abschnitt",
        StatementTarget.FieldOfAction => "Handlungsfeld",
        StatementTarget.Measure => "Maßnahme",
        _ => target.ToString(),
    };

    /// <summary>The weighing's words, so that submitters read what the weighing table says.</summary>
    public static string Outcome(WeighingOutcome outcome) => Weighing.WeighingText.Outcome(outcome);
}
