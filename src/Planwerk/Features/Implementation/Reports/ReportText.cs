namespace Planwerk.Features.Implementation.Reports;

/// <summary>The words for a report's state and moves (German text keys; pages translate them).</summary>
public static class ReportText
{
    public static string State(ReportState state) => state switch
    {
        ReportState.Draft => "Entwurf",
        ReportState.Submitted => "eingereicht",
        ReportState.Returned => "zurückgegeben",
        ReportState.Accepted => "angenommen",
        ReportState.Published => "veröffentlicht",
        _ => state.ToString(),
    };

    /// <summary>The state of a measure's report in a period, including none at all.</summary>
    public static string State(ReportState? state) => state is { } s ? State(s) : "fehlt";

    /// <summary>The notice after a move.</summary>
    public static string Notice(ReportMove move) => move switch
    {
        ReportMove.Save => "Der Bericht wurde gespeichert.",
        ReportMove.Submit => "Der Bericht wurde eingereicht. Das Planungsteam prüft ihn.",
        ReportMove.Return => "Der Bericht wurde mit Ihrem Kommentar zurückgegeben.",
        ReportMove.Accept => "Der Bericht wurde angenommen.",
        ReportMove.Publish => "Der Bericht wurde veröffentlicht.",
        _ => "",
    };
}

/// <summary>What a report says, as the report page and the public measure page show it.</summary>
/// <paramref name="HeadingLevel"/>: the level of the headings of its texts.
public sealed record ReportContent(string StatusName, int? Progress, string Done, string NextSteps, string Obstacles, decimal? Spent, string Links, int HeadingLevel = 3);
