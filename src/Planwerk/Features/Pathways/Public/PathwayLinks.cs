using Microsoft.AspNetCore.Http;

namespace Planwerk.Features.Pathways.PublicPages;

/// <summary>The public pathway pages' addresses; the reading language (<c>lang</c>) and the finder's answers travel in them.</summary>
public static class PathwayLinks
{
    public static string Index(string m, string? lang) => "/" + m + "/pathways" + Lang(lang);

    public static string Pathway(string m, string code, string? lang) => "/" + m + "/pathways/" + Uri.EscapeDataString(code) + Lang(lang);

    /// <summary>The feedback page of a step as read in a pathway.</summary>
    public static string Feedback(string m, string code, Guid step, string? lang) =>
        "/" + m + "/pathways/" + Uri.EscapeDataString(code) + "/steps/" + step.ToString("D") + "/feedback" + Lang(lang);

    public static string Finder(string m, FinderAnswers answers, string? lang) => "/" + m + "/pathways/finder" + Query(answers, lang);

    public static string Print(string m, FinderAnswers answers, string? lang) => "/" + m + "/pathways/finder/print" + Query(answers, lang);

    public static string Pdf(string m, FinderAnswers answers, string? lang) => "/" + m + "/pathways/finder/pdf" + Query(answers, lang);

    private static string Query(FinderAnswers answers, string? lang)
    {
        var pairs = answers.Query().ToList();
        if (lang is not null) pairs.Add(new("lang", lang));
        return QueryString.Create(pairs).ToUriComponent();
    }

    private static string Lang(string? lang) => lang is null ? "" : "?lang=" + Uri.EscapeDataString(lang);
}
