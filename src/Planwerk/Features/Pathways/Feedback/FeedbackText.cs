using System.Globalization;
using System.Text;

namespace Planwerk.Features.Pathways.Feedback;

/// <summary>The words for step feedback, as German localization keys, and the addresses of its pages.</summary>
public static class FeedbackText
{
    /// <summary>What went wrong, in the plain words the public form offers (the first person's view).</summary>
    public static string Problem(StepProblem problem) => problem switch
    {
        StepProblem.NotAdmitted => "Man hat mich dort nicht angenommen.",
        StepProblem.Language => "Niemand sprach eine Sprache, die ich verstehe.",
        StepProblem.Waiting => "Ich habe keinen Termin bekommen oder musste sehr lange warten.",
        StepProblem.WrongInformation => "Die Angaben hier waren falsch oder veraltet (Adresse, Zeiten, Unterlagen).",
        StepProblem.Documents => "Man wollte Unterlagen, die ich nicht hatte.",
        StepProblem.Reach => "Der Ort war zu weit weg oder schwer zu erreichen.",
        StepProblem.Other => "Etwas anderes",
        _ => "",
    };

    /// <summary>The same in a few words, for the plan team's statistics and exports.</summary>
    public static string ProblemShort(StepProblem problem) => problem switch
    {
        StepProblem.NotAdmitted => "nicht angenommen",
        StepProblem.Language => "Sprache",
        StepProblem.Waiting => "kein Termin, lange Wartezeit",
        StepProblem.WrongInformation => "Angaben falsch oder veraltet",
        StepProblem.Documents => "Unterlagen gefehlt",
        StepProblem.Reach => "schwer zu erreichen",
        StepProblem.Other => "anderes",
        _ => "",
    };

    public static string State(FeedbackState state) => state switch
    {
        FeedbackState.Pending => "wartet auf Prüfung",
        FeedbackState.Approved => "freigegeben",
        _ => "abgelehnt",
    };

    /// <summary>The problems a person can choose, in the form's order.</summary>
    public static readonly IReadOnlyList<StepProblem> Problems =
        [StepProblem.NotAdmitted, StepProblem.Language, StepProblem.Waiting, StepProblem.WrongInformation, StepProblem.Documents, StepProblem.Reach, StepProblem.Other];

    public static string PathwayUrl(string slug, string code, string? lang) =>
        "/" + slug + "/pathways/" + Uri.EscapeDataString(code) + (lang is null ? "" : "?lang=" + Uri.EscapeDataString(lang));

    public static string FormUrl(string slug, string code, Guid stepUid, string? lang) =>
        "/" + slug + "/pathways/" + Uri.EscapeDataString(code) + "/steps/" + stepUid.ToString("D", CultureInfo.InvariantCulture) + "/feedback"
        + (lang is null ? "" : "?lang=" + Uri.EscapeDataString(lang));

    public static string ThanksUrl(string slug, string code, Guid stepUid, string? lang) =>
        "/" + slug + "/pathways/" + Uri.EscapeDataString(code) + "/steps/" + stepUid.ToString("D", CultureInfo.InvariantCulture) + "/feedback/thanks"
        + (lang is null ? "" : "?lang=" + Uri.EscapeDataString(lang));

    /// <summary>The person's text, trimmed, with line ends made "\n" and other control characters (which no one types and
    /// XML exports cannot hold) taken out.</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                sb.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
            }
            else if (c == '\n' || c == '\t' || !char.IsControl(c)) sb.Append(c);
        }
        return sb.ToString().Trim();
    }

    /// <summary>A person's text inside Markdown (a statement): every character Markdown or HTML would read as markup is
    /// escaped, so the words stay words.</summary>
    public static string EscapeMarkdown(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (c is '\\' or '`' or '*' or '_' or '{' or '}' or '[' or ']' or '(' or ')' or '#' or '+' or '-' or '.' or '!' or '<' or '>' or '|' or '~' or '&')
                sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}
